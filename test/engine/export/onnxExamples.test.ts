// Every example graph exports to ONNX (each part: a GAN's generator and discriminator, an
// autoencoder's encoder), passes ONNX's own checker, and onnxruntime's outputs match Netloom's
// within 1e-4 relative on fixed inputs, with every weight drawn at random so that a wrong layout
// or gate order cannot hide behind small initial weights.
import { afterAll, describe, expect, it } from 'vitest';
import { checkOnnxParity, exportOnnx, freshWeights, PARITY_TOLERANCE } from '../../../engine/export/index.ts';
import { hasOnnxChecker, onnxCheckerProblems, randomize } from './exportHarness.ts';
import { exampleNames, loadExample } from './pytorchHarness.ts';

const names = exampleNames();
const written = new Map<string, Uint8Array>();

describe('every example in onnxruntime', () => {
  it('covers the twelve bundled examples', () => {
    expect(names).toHaveLength(12);
  });

  it.each(names)('%s', async (name) => {
    const document = loadExample(name);
    const loaded = randomize(freshWeights(document, 2));
    const files = exportOnnx(document, loaded.weights);
    const expectedParts = document.training.task === 'gan' ? 2 : document.training.task === 'autoencode' ? 2 : 1;
    expect(files.map((file) => file.part.name)).toHaveLength(expectedParts);
    for (const file of files) {
      written.set(`${name} ${file.part.name}`, file.bytes);
      const results = await checkOnnxParity(document, file, loaded.models[file.part.model]);
      expect(results.length).toBeGreaterThan(0);
      for (const result of results) {
        expect(result.maxRelative, `${name} ${result.part} ${result.output}`).toBeLessThanOrEqual(PARITY_TOLERANCE);
        expect(result.passed).toBe(true);
      }
    }
  }, 60_000);
});

describe.skipIf(!hasOnnxChecker)("ONNX's own checker (python3-onnx) on every example", () => {
  afterAll(() => written.clear());
  it('accepts every part with full_check', () => {
    expect(written.size).toBeGreaterThanOrEqual(names.length);
    expect([...onnxCheckerProblems(written)].filter(([, problem]) => problem !== '')).toEqual([]);
  });
});
