// Composite blocks expand into catalog layers whose shapes chain as their concept texts say.
import { describe, expect, it } from 'vitest';
import { blockCatalog, formatShape, inferChain, tensorShape, type BlockSpec, type Params, type TensorShape } from '../../../engine/graph/index.ts';

function output(kind: string, input: TensorShape, params: Record<string, unknown> = {}): string {
  const block = blockCatalog.get(kind) as BlockSpec;
  const resolved = { ...Object.fromEntries(Object.entries(block.params).map(([name, spec]) => [name, spec.default])), ...params } as Params;
  const result = inferChain(block.expand(resolved, input), input);
  return result.ok ? formatShape(result.shapes[result.shapes.length - 1]) : `error at ${result.index}: ${result.message}`;
}
const digit = tensorShape([28, 28, 1]);

describe('composite blocks', () => {
  it('Encoder: dense flattens and shrinks; conv halves the image per layer', () => {
    expect(output('Encoder', digit)).toBe('64');
    expect(output('Encoder', digit, { style: 'conv', sizes: [16, 32] })).toBe('7×7×32');
  });
  it('Bottleneck: a code vector or thinner channels', () => {
    expect(output('Bottleneck', tensorShape([64]))).toBe('16');
    expect(output('Bottleneck', tensorShape([7, 7, 32]), { style: 'conv', size: 4 })).toBe('7×7×4');
  });
  it('Decoder: rebuilds the image shape', () => {
    expect(output('Decoder', tensorShape([16]))).toBe('28×28×1');
    expect(output('Decoder', tensorShape([7, 7, 4]), { style: 'conv', sizes: [16, 8] })).toBe('28×28×1');
  });
  it('Generator: noise to a 28×28×1 image; Discriminator: an image to one logit', () => {
    expect(output('Generator', tensorShape([64]))).toBe('28×28×1');
    expect(output('Generator', tensorShape([100]), { height: 32, width: 32, channels: 3 })).toBe('32×32×3');
    expect(output('Discriminator', digit)).toBe('1');
  });
  it('a block that cannot take its input says which layer fails', () => {
    expect(output('Discriminator', tensorShape([10]))).toMatch(/^error at 0: Conv2D expects an image/);
  });
  it('every block has a concept text and documented params', () => {
    expect([...blockCatalog.keys()]).toEqual(['Encoder', 'Bottleneck', 'Decoder', 'Generator', 'Discriminator']);
    for (const block of blockCatalog.values()) {
      expect(block.concept.length).toBeGreaterThan(80);
      for (const param of Object.values(block.params)) expect(param.doc.length).toBeGreaterThan(5);
    }
  });
});
