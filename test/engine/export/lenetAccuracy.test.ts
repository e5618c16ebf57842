// A LeNet-5 trained in Netloom to 95% on the bundled digits keeps its validation accuracy, within
// half a point, after export: in PyTorch (the exported package, its weights.npz) and in
// onnxruntime (the exported ONNX model), on the same validation examples Netloom held out.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as ort from 'onnxruntime-web';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPytorch } from '../../../engine/cli/pytorchFiles.ts';
import { exportOnnx, weightsFromCheckpoint } from '../../../engine/export/index.ts';
import { decodeNpy } from '../../../engine/export/pytorch/npz.ts';
import { hasTorch, loadExample, runPython } from './pytorchHarness.ts';

const GRAPH = 'assets/examples/lenet5.json';
const root = mkdtempSync(join(tmpdir(), 'netloom-lenet-'));
const checkpoint = join(root, 'lenet.ckpt');
let netloomAccuracy = 0;

function cli(args: readonly string[]): string {
  return execFileSync(process.execPath, ['engine/cli/bin.mjs', ...args], { encoding: 'utf8', timeout: 300_000, stdio: ['ignore', 'pipe', 'pipe'] });
}

const ACCURACY_SCRIPT = [
  'import sys, numpy as np, torch',
  'sys.path.insert(0, sys.argv[1])',
  'import data, model',
  'torch.set_num_threads(1)',
  'net = model.build(sys.argv[1] + "/weights.npz").eval()',
  'loaded = data.load()',
  'inputs = loaded.inputs[loaded.validation_indices].astype(np.float32)',
  'labels = loaded.targets[loaded.validation_indices].reshape(len(inputs), -1)',
  'labels = labels.argmax(1) if labels.shape[1] > 1 else labels[:, 0]',
  'np.save(sys.argv[1] + "/validation_inputs.npy", inputs)',
  'np.save(sys.argv[1] + "/validation_labels.npy", labels.astype(np.int32))',
  'with torch.no_grad():',
  '    predicted = net(model.to_torch(inputs, True)).argmax(1).numpy()',
  'print(float((predicted == labels).mean()))',
].join('\n');

beforeAll(() => {
  cli(['train', GRAPH, '--save', checkpoint]);
  netloomAccuracy = (JSON.parse(cli(['eval', GRAPH, '--weights', checkpoint])) as { accuracy: number }).accuracy;
}, 600_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('LeNet-5 trained in Netloom', () => {
  it('reaches 95% validation accuracy on the bundled digits', () => {
    expect(netloomAccuracy).toBeGreaterThanOrEqual(0.95);
  });

  describe.skipIf(!hasTorch())('after export', () => {
    let validation: { inputs: Float32Array; shape: readonly number[]; labels: Int32Array } | undefined;

    it('keeps its accuracy within half a point in PyTorch', async () => {
      const folder = join(root, 'pytorch');
      await exportPytorch(loadExample('lenet5'), new Uint8Array(readFileSync(checkpoint)), folder, { folder: resolve('assets/examples') });
      const accuracy = Number(runPython(['-c', ACCURACY_SCRIPT, folder], folder).trim());
      expect(Math.abs(accuracy - netloomAccuracy)).toBeLessThanOrEqual(0.005);
      const inputs = decodeNpy(new Uint8Array(readFileSync(join(folder, 'validation_inputs.npy'))), 'inputs');
      const labels = decodeNpy(new Uint8Array(readFileSync(join(folder, 'validation_labels.npy'))), 'labels');
      validation = { inputs: inputs.data as Float32Array, shape: inputs.shape, labels: labels.data as Int32Array };
      expect(validation.labels.length).toBe(1000);
    }, 300_000);

    it('keeps its accuracy within half a point in onnxruntime', async () => {
      if (validation === undefined) throw new Error('the PyTorch test wrote no validation examples');
      const document = loadExample('lenet5');
      const [file] = exportOnnx(document, weightsFromCheckpoint(document, new Uint8Array(readFileSync(checkpoint))).weights, { layout: 'nhwc' });
      ort.env.wasm.numThreads = 1;
      const session = await ort.InferenceSession.create(file.bytes);
      const [count, ...dims] = validation.shape;
      const size = dims.reduce((product, dim) => product * dim, 1);
      let correct = 0;
      try {
        for (let start = 0; start < count; start += 100) {
          const rows = Math.min(100, count - start);
          const feed = new ort.Tensor('float32', validation.inputs.slice(start * size, (start + rows) * size), [rows, ...dims]);
          const results = await session.run({ [session.inputNames[0]]: feed });
          const logits = results.logits.data as Float32Array;
          const classes = logits.length / rows;
          for (let row = 0; row < rows; row++) {
            const scores = logits.subarray(row * classes, (row + 1) * classes);
            if (scores.indexOf(Math.max(...scores)) === validation.labels[start + row]) correct++;
          }
        }
      } finally {
        await session.release();
      }
      expect(Math.abs(correct / count - netloomAccuracy)).toBeLessThanOrEqual(0.005);
    }, 120_000);
  });
});
