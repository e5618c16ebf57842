// Each catalog layer as PyTorch code: the module, the forward lines and the tensor mappings.
import { ExportError, isImage, python, type LayerCode, type LayerContext, type TensorMapping } from './common.ts';
import { convolutionCode } from './convolutionCode.ts';

const TRANSPOSE: readonly number[] = [1, 0];

function code(module: string | null, forward: readonly string[], tensors: readonly TensorMapping[] = [], extraState: readonly string[] = []): LayerCode {
  return { module, forward, tensors, extraState };
}

/** A function of the input, no module. */
function functional(expression: (input: string, context: LayerContext) => string): (context: LayerContext) => LayerCode {
  return (context) => code(null, [`${context.name} = ${expression(context.inputs[0], context)}`]);
}

/** The dimension PyTorch uses for Netloom's last axis (channels of an image). */
function lastAxis(context: LayerContext): number {
  return isImage(context.shape) ? 1 : -1;
}

function dense(context: LayerContext): LayerCode {
  const [input] = context.inputShapes;
  const features = input.dims[input.dims.length - 1];
  const { name } = context;
  const module = `nn.Linear(${features}, ${context.params.units}, bias=${python(context.params.useBias)})`;
  const tensors: TensorMapping[] = [{ ours: 'weights', torch: 'weight', permutation: TRANSPOSE }];
  if (context.params.useBias) tensors.push({ ours: 'bias', torch: 'bias', permutation: null });
  const forward = isImage(input)
    ? [`${name} = self.${name}(${context.inputs[0]}.permute(0, 2, 3, 1)).permute(0, 3, 1, 2)  # Dense acts on the channels`]
    : [`${name} = self.${name}(${context.inputs[0]})`];
  return code(module, forward, tensors);
}

function flatten(context: LayerContext): LayerCode {
  const [input] = context.inputs;
  if (!isImage(context.inputShapes[0])) return code(null, [`${context.name} = torch.flatten(${input}, 1)`]);
  return code(null, [`${context.name} = torch.flatten(${input}.permute(0, 2, 3, 1), 1)  # Netloom flattens height, width, channels`]);
}

function reshape(context: LayerContext): LayerCode {
  const source = isImage(context.inputShapes[0]) ? `${context.inputs[0]}.permute(0, 2, 3, 1)` : context.inputs[0];
  const dims = context.shape.dims.join(', ');
  const line = `${context.name} = ${source}.reshape(-1, ${dims})`;
  return code(null, isImage(context.shape) ? [`${line}.permute(0, 3, 1, 2)  # height, width, channels -> channels first`] : [line]);
}

function batchNorm(context: LayerContext): LayerCode {
  const dims = context.shape.dims;
  const channels = dims[dims.length - 1];
  const { name } = context;
  const options = `${channels}, eps=${context.params.epsilon}, momentum=${context.params.momentum}`;
  const tensors: TensorMapping[] = [
    { ours: 'gamma', torch: 'weight', permutation: null },
    { ours: 'beta', torch: 'bias', permutation: null },
    { ours: 'runningMean', torch: 'running_mean', permutation: null },
    { ours: 'runningVariance', torch: 'running_var', permutation: null },
  ];
  const input = context.inputs[0];
  if (dims.length === 3) return code(`nn.BatchNorm2d(${options})`, [`${name} = self.${name}(${input})`], tensors, ['num_batches_tracked']);
  const forward = dims.length === 2 ? [`${name} = self.${name}(${input}.transpose(1, 2)).transpose(1, 2)  # features are the last axis`] : [`${name} = self.${name}(${input})`];
  return code(`nn.BatchNorm1d(${options})`, forward, tensors, ['num_batches_tracked']);
}

function concat(context: LayerContext): LayerCode {
  const rank = context.shape.dims.length;
  const axis = context.params.axis as number;
  const ours = axis < 0 ? rank + axis : axis;
  const dimension = isImage(context.shape) ? [2, 3, 1][ours] : ours + 1;
  return code(null, [`${context.name} = torch.cat([${context.inputs.join(', ')}], dim=${dimension})`]);
}

function recurrent(kind: 'RNN' | 'LSTM' | 'GRU'): (context: LayerContext) => LayerCode {
  return (context) => {
    const features = context.inputShapes[0].dims[1];
    const { name } = context;
    const tensors: TensorMapping[] = [
      { ours: 'inputWeights', torch: 'weight_ih_l0', permutation: TRANSPOSE },
      { ours: 'hiddenWeights', torch: 'weight_hh_l0', permutation: TRANSPOSE },
      ...(kind === 'GRU'
        ? [
            { ours: 'inputBias', torch: 'bias_ih_l0', permutation: null },
            { ours: 'hiddenBias', torch: 'bias_hh_l0', permutation: null },
          ]
        : [{ ours: 'bias', torch: 'bias_ih_l0', permutation: null, companion: 'bias_hh_l0' }]),
    ];
    const forward = [`${name}, _ = self.${name}(${context.inputs[0]})`];
    if (!context.params.returnSequences) forward.push(`${name} = ${name}[:, -1]  # the last step's hidden state`);
    return code(`nn.${kind}(${features}, ${context.params.units}, batch_first=True)`, forward, tensors);
  };
}

const LAYERS: Readonly<Record<string, (context: LayerContext) => LayerCode>> = {
  ReLU: functional((input) => `torch.relu(${input})`),
  LeakyReLU: functional((input, context) => `F.leaky_relu(${input}, ${context.params.alpha})`),
  Sigmoid: functional((input) => `torch.sigmoid(${input})`),
  Tanh: functional((input) => `torch.tanh(${input})`),
  GELU: functional((input) => `F.gelu(${input})`),
  BinaryStep: functional((input) => `(${input} >= 0).to(${input}.dtype)`),
  Linear: functional((input) => input),
  Softmax: functional((input, context) => `torch.softmax(${input}, dim=${lastAxis(context)})`),
  Dense: dense,
  Flatten: flatten,
  Reshape: reshape,
  Dropout: (context) => code(`nn.Dropout(${context.params.rate})`, [`${context.name} = self.${context.name}(${context.inputs[0]})`]),
  BatchNorm: batchNorm,
  Add: (context) => code(null, [`${context.name} = ${context.inputs.join(' + ')}`]),
  Concat: concat,
  Embedding: (context) =>
    code(`nn.Embedding(${context.params.vocabulary}, ${context.params.dimension})`, [`${context.name} = self.${context.name}(${context.inputs[0]}.long())`], [{ ours: 'table', torch: 'weight', permutation: null }]),
  GlobalAvgPool: functional((input) => `${input}.mean(dim=(2, 3))`),
  SimpleRNN: recurrent('RNN'),
  LSTM: recurrent('LSTM'),
  GRU: recurrent('GRU'),
};

export function layerCode(type: string, context: LayerContext, id: string): LayerCode {
  const layer = LAYERS[type];
  if (layer !== undefined) return layer(context);
  const convolution = convolutionCode(type, context, id);
  if (convolution !== null) return convolution;
  throw new ExportError(`Node ${id} (${type}) cannot be exported to PyTorch: the exporter has no PyTorch form for ${type}. Replace it with a catalog layer the exporter knows.`);
}
