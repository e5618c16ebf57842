import { describe, expect, it } from 'vitest';
import { layerCatalog, type GraphNode } from '../../../engine/graph/index.ts';
import { categoryTone, formatCount, formatParamValue, keyParams, paramDisplayName } from '../../../renderer/editor/nodeSummary.ts';

function node(type: string, params: Record<string, unknown>): GraphNode {
  return { id: 'n1', type, params, position: { x: 0, y: 0 } };
}

describe('node summary', () => {
  it('shortens and spaces param names', () => {
    expect(paramDisplayName('kernelSize')).toBe('kernel');
    expect(paramDisplayName('returnSequences')).toBe('return sequences');
    expect(paramDisplayName('units')).toBe('units');
  });

  it('formats values as people write them', () => {
    expect(formatParamValue([3, 3])).toBe('3×3');
    expect(formatParamValue([7, 7, 64])).toBe('7×7×64');
    expect(formatParamValue(true)).toBe('yes');
    expect(formatParamValue(0.1 + 0.2)).toBe('0.3');
    expect(formatParamValue('same')).toBe('same');
  });

  it('lists the params the document sets, in catalog order, up to a limit', () => {
    const conv = node('Conv2D', { padding: 'same', stride: [2, 2], kernelSize: [4, 4], filters: 32, useBias: false });
    const summary = keyParams(conv, layerCatalog.get('Conv2D'));
    expect(summary.lines.map((line) => `${line.name} ${line.value}`)).toEqual(['filters 32', 'kernel 4×4', 'stride 2×2', 'padding same']);
    expect(summary.hidden).toBe(1);
  });

  it('shows only the kind of an Input (its shape says the rest)', () => {
    const input = node('Input', { kind: 'image', height: 28, width: 28, channels: 1 });
    expect(keyParams(input, layerCatalog.get('Input'))).toEqual({ lines: [{ name: 'kind', value: 'image' }], hidden: 0 });
  });

  it('shows every param of a layer the catalog lacks', () => {
    expect(keyParams(node('Mystery', { size: 3 }), undefined).lines).toEqual([{ name: 'size', value: '3' }]);
  });

  it('gives each category a tone', () => {
    expect(categoryTone('Convolution')).toBe('convolution');
    expect(categoryTone('GAN blocks')).toBe('block');
    expect(categoryTone(undefined)).toBe('unknown');
  });

  it('counts compactly past ten thousand', () => {
    expect(formatCount(114)).toBe('114');
    expect(formatCount(9999)).toBe('9,999');
    expect(formatCount(32_832)).toBe('32.8k');
    expect(formatCount(203_840)).toBe('204k');
    expect(formatCount(1_234_567)).toBe('1.23M');
    expect(formatCount(12_345_678)).toBe('12.3M');
    expect(formatCount(999_999_999)).toBe('1.00G');
    expect(formatCount(2_500_000_000)).toBe('2.50G');
    expect(formatCount(1_000_796_000_000)).toBe('1.00T');
    expect(formatCount(Number.POSITIVE_INFINITY)).toBe('—');
  });
});
