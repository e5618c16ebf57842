// Every exportable layer, alone or in a small chain, with random weights: onnxruntime computes what
// Netloom computes (1e-4 relative), in both image layouts, and ONNX's own checker accepts each model.
import { afterAll, describe, expect, it } from 'vitest';
import { checkOnnxParity, exportOnnx, exportParts, ExportError, freshWeights, onnxEmitters, onnxModel, type OnnxLayout } from '../../../engine/export/index.ts';
import { layerCatalog, type GraphDocument } from '../../../engine/graph/index.ts';
import { chain, graph, hasOnnxChecker, onnxCheckerProblems, randomize, type Layer } from './exportHarness.ts';

const conv = (params: Record<string, unknown> = {}): Layer => ['Conv2D', { filters: 4, kernelSize: [3, 3], ...params }];

const CASES: Readonly<Record<string, GraphDocument>> = {
  'Conv2D, valid': chain('image', [conv()]),
  'Conv2D, same, stride 2': chain('image', [conv({ padding: 'same', stride: [2, 2] })]),
  'Conv2D, dilation 2, no bias': chain('image', [conv({ dilation: [2, 2], useBias: false })]),
  'Conv2D, explicit padding': chain('image', [conv({ padding: 'explicit', padAmount: [2, 1], kernelSize: [3, 2] })]),
  'ConvTranspose2D, same, stride 2': chain('image', [['ConvTranspose2D', { filters: 2, kernelSize: [4, 4], stride: [2, 2], padding: 'same' }]]),
  'ConvTranspose2D, valid, output padding': chain('image', [['ConvTranspose2D', { filters: 2, kernelSize: [3, 3], stride: [2, 2], outputPadding: [1, 1] }]]),
  'ConvTranspose2D, explicit padding': chain('image', [['ConvTranspose2D', { filters: 2, kernelSize: [3, 3], padding: 'explicit', padAmount: [1, 1] }]]),
  'MaxPool2D, valid': chain('image', [conv({ padding: 'same' }), ['MaxPool2D']]),
  'MaxPool2D, same on odd sizes': chain('image', [['MaxPool2D', { poolSize: [2, 2], stride: [2, 2], padding: 'same' }]]),
  'AvgPool2D, same on odd sizes (padding not counted)': chain('image', [conv({ padding: 'same' }), ['AvgPool2D', { poolSize: [3, 3], stride: [2, 2], padding: 'same' }]]),
  'GlobalAvgPool after a convolution': chain('image', [conv(), ['GlobalAvgPool']]),
  'GlobalAvgPool on the input': chain('image', [['GlobalAvgPool']]),
  'Upsample2D, nearest': chain('image', [['Upsample2D', { scale: [2, 3] }]]),
  'Upsample2D, bilinear': chain('image', [conv({ padding: 'same' }), ['Upsample2D', { scale: [2, 2], mode: 'bilinear' }]]),
  ReLU: chain('vector', [['Dense', { units: 6 }], ['ReLU']]),
  LeakyReLU: chain('vector', [['Dense', { units: 6 }], ['LeakyReLU', { alpha: 0.3 }]]),
  Sigmoid: chain('vector', [['Sigmoid']]),
  Tanh: chain('image', [conv(), ['Tanh']]),
  GELU: chain('image', [conv(), ['GELU']]),
  BinaryStep: chain('vector', [['Dense', { units: 6 }], ['BinaryStep']]),
  Linear: chain('vector', [['Linear']]),
  'Softmax on a vector': chain('vector', [['Dense', { units: 4 }], ['Softmax']]),
  'Softmax over an image\'s channels': chain('image', [conv(), ['Softmax']]),
  'Dense on a vector': chain('vector', [['Dense', { units: 3 }]]),
  'Dense on a sequence, no bias': chain('sequence', [['Dense', { units: 2, useBias: false }]]),
  'BatchNorm on an image': chain('image', [conv(), ['BatchNorm', { epsilon: 0.01 }]]),
  'BatchNorm on a vector': chain('vector', [['BatchNorm']]),
  'BatchNorm on a sequence': chain('sequence', [['BatchNorm']]),
  Dropout: chain('vector', [['Dropout', { rate: 0.5 }], ['Dense', { units: 2 }]]),
  'Flatten after a convolution': chain('image', [conv(), ['Flatten'], ['Dense', { units: 3 }]]),
  Reshape: chain('image', [conv(), ['Reshape', { shape: [5, -1] }]]),
  Embedding: chain('tokens', [['Embedding', { vocabulary: 9, dimension: 4 }]]),
  'SimpleRNN, last step': chain('sequence', [['SimpleRNN', { units: 5 }]]),
  'SimpleRNN, every step': chain('sequence', [['SimpleRNN', { units: 5, returnSequences: true }]]),
  'LSTM, last step': chain('sequence', [['LSTM', { units: 5 }]]),
  'LSTM, every step, into Dense': chain('sequence', [['LSTM', { units: 5, returnSequences: true }], ['Dense', { units: 2 }]]),
  'GRU, last step': chain('sequence', [['GRU', { units: 5 }]]),
  'GRU, every step': chain('sequence', [['GRU', { units: 5, returnSequences: true }]]),
  'Embedding into an LSTM': chain('tokens', [['Embedding', { vocabulary: 9, dimension: 4 }], ['LSTM', { units: 3 }]]),
  'Add of two convolutions': graph(
    [['input', 'Input', { kind: 'image', height: 6, width: 6, channels: 2 }], ['left', 'Conv2D', { filters: 3, kernelSize: [3, 3], padding: 'same' }], ['right', 'Conv2D', { filters: 3, kernelSize: [1, 1] }], ['sum', 'Add', {}], ['loss', 'MSE', {}]],
    [['input', 'left'], ['input', 'right'], ['left', 'sum', 'a'], ['right', 'sum', 'b'], ['sum', 'loss']],
  ),
  'Add of a convolution and the input (two layouts)': graph(
    [['input', 'Input', { kind: 'image', height: 5, width: 5, channels: 2 }], ['conv', 'Conv2D', { filters: 2, kernelSize: [3, 3], padding: 'same' }], ['sum', 'Add', {}], ['loss', 'MSE', {}]],
    [['input', 'conv'], ['conv', 'sum', 'a'], ['input', 'sum', 'b'], ['sum', 'loss']],
  ),
  'Concat over channels': graph(
    [['input', 'Input', { kind: 'image', height: 5, width: 5, channels: 2 }], ['left', 'Conv2D', { filters: 3, kernelSize: [3, 3], padding: 'same' }], ['right', 'Conv2D', { filters: 1, kernelSize: [1, 1] }], ['joined', 'Concat', { axis: -1 }], ['loss', 'MSE', {}]],
    [['input', 'left'], ['input', 'right'], ['left', 'joined', 'a'], ['right', 'joined', 'b'], ['joined', 'loss']],
  ),
  'Concat over height': graph(
    [['input', 'Input', { kind: 'image', height: 5, width: 4, channels: 2 }], ['conv', 'Conv2D', { filters: 2, kernelSize: [1, 1] }], ['joined', 'Concat', { axis: 0 }], ['loss', 'MSE', {}]],
    [['input', 'conv'], ['conv', 'joined', 'a'], ['input', 'joined', 'b'], ['joined', 'loss']],
  ),
};

const written = new Map<string, Uint8Array>();

describe.each(['nchw', 'nhwc'] as OnnxLayout[])('each layer in onnxruntime, %s images', (layout) => {
  it.each(Object.keys(CASES))('%s', async (name) => {
    const document = CASES[name];
    const loaded = randomize(freshWeights(document));
    const [file] = exportOnnx(document, loaded.weights, { layout });
    written.set(`${name} (${layout})`, file.bytes);
    const results = await checkOnnxParity(document, file, loaded.models[0]);
    expect(results.map((result) => result.output)).toEqual(['output']);
    for (const result of results) expect(result.maxRelative, `${name}: max abs ${result.maxAbsolute}`).toBeLessThan(1e-4);
  });
});

describe('what cannot be exported', () => {
  it('every catalog layer but Input and the loss heads has an ONNX emitter', () => {
    const layers = [...layerCatalog.values()].filter((spec) => spec.type !== 'Input' && spec.isLoss !== true).map((spec) => spec.type);
    expect(layers.filter((type) => onnxEmitters[type] === undefined)).toEqual([]);
    expect(layers.length).toBeGreaterThan(20);
  });

  it('a layer with no emitter gets one line naming the node and its type', () => {
    const document = chain('vector', [['Dense', { units: 3 }], ['GELU']]);
    const { weights } = freshWeights(document);
    const withoutGelu = Object.fromEntries(Object.entries(onnxEmitters).filter(([type]) => type !== 'GELU'));
    expect(() => onnxModel(document, exportParts(document)[0], weights, 'nchw', withoutGelu)).toThrow(
      new ExportError('Layer layer2 (GELU) cannot be exported to ONNX: opset 17 has no operator for it. Replace it with a layer ONNX can express, or export to PyTorch.'),
    );
  });

  it('weights from another graph name the missing weight', () => {
    const document = chain('vector', [['Dense', { units: 3 }]]);
    expect(() => exportOnnx(document, new Map())).toThrow('The weights have no layer1/weights for layer layer1 (Dense): give a checkpoint saved from this graph.');
  });
});

describe.skipIf(!hasOnnxChecker)("ONNX's own checker (python3-onnx)", () => {
  afterAll(() => written.clear());
  it('accepts every model above with full_check', () => {
    expect(written.size).toBe(2 * Object.keys(CASES).length);
    const problems = [...onnxCheckerProblems(written)].filter(([, problem]) => problem !== '');
    expect(problems).toEqual([]);
  });
});
