// Conv2D, ConvTranspose2D, pooling and Upsample2D as PyTorch code. Netloom's "same" padding may
// put one more row or column after than before; PyTorch pads both sides alike, so uneven padding is
// an explicit F.pad before the layer (zeros for convolution, -inf for max pooling, and a count of
// the real pixels for average pooling, which divides by those alone).
import { pair, paddingPair, planWindow, transposedPlan } from '../../graph/index.ts';
import { ExportError, python, type LayerCode, type LayerContext, type TensorMapping } from './common.ts';

/** Conv and ConvTranspose weights [kH, kW, a, b] -> PyTorch [b, a, kH, kW]. */
const KERNEL_AXES: readonly number[] = [3, 2, 0, 1];

function sides(padding: readonly number[]): { even: boolean; pytorch: [number, number]; pad: string } {
  const [top, bottom, left, right] = padding;
  return { even: top === bottom && left === right, pytorch: [top, left], pad: `(${left}, ${right}, ${top}, ${bottom})` };
}

function weights(useBias: unknown): TensorMapping[] {
  const tensors: TensorMapping[] = [{ ours: 'weights', torch: 'weight', permutation: KERNEL_AXES }];
  if (useBias === true) tensors.push({ ours: 'bias', torch: 'bias', permutation: null });
  return tensors;
}

function conv2d(context: LayerContext): LayerCode {
  const { params, name } = context;
  const [height, width, channels] = context.inputShapes[0].dims;
  const kernel = pair(params.kernelSize);
  const stride = pair(params.stride);
  const dilation = pair(params.dilation);
  const plan = sides(planWindow(height, width, kernel, stride, params.padding as string, paddingPair(params), dilation).padding);
  const padding = plan.even ? plan.pytorch : [0, 0];
  const module = `nn.Conv2d(${channels}, ${params.filters}, kernel_size=${python(kernel)}, stride=${python(stride)}, padding=${python(padding)}, dilation=${python(dilation)}, bias=${python(params.useBias)})`;
  const input = plan.even ? context.inputs[0] : `F.pad(${context.inputs[0]}, ${plan.pad})`;
  return { module, forward: [`${name} = self.${name}(${input})`], tensors: weights(params.useBias), extraState: [] };
}

function convTranspose2d(context: LayerContext, id: string): LayerCode {
  const { params, name } = context;
  const [height, width, channels] = context.inputShapes[0].dims;
  const kernel = pair(params.kernelSize);
  const stride = pair(params.stride);
  const extra = pair(params.outputPadding);
  const plan = transposedPlan(height, width, params);
  const [top, bottom, left, right] = plan.crop;
  // PyTorch crops `padding` before and after, then adds output_padding rows after: Netloom's crop is top before and bottom after the extra rows.
  let outputPadding = [extra[0] + top - bottom, extra[1] + left - right];
  const trim = outputPadding.some((value) => value < 0);
  if (trim) outputPadding = outputPadding.map((value) => Math.max(0, value));
  if (outputPadding[0] >= stride[0] || outputPadding[1] >= stride[1]) {
    throw new ExportError(`Node ${id} (ConvTranspose2D) cannot be exported to PyTorch: its output padding and crop need an output_padding of ${outputPadding.join('×')}, not smaller than the stride ${stride.join('×')}. Lower outputPadding or use "same" or "valid" padding.`);
  }
  const module = `nn.ConvTranspose2d(${channels}, ${params.filters}, kernel_size=${python(kernel)}, stride=${python(stride)}, padding=${python([top, left])}, output_padding=${python(outputPadding)}, bias=${python(params.useBias)})`;
  const forward = [`${name} = self.${name}(${context.inputs[0]})`];
  if (trim) forward.push(`${name} = ${name}[:, :, :${plan.height}, :${plan.width}]  # the crop after is larger than before`);
  return { module, forward, tensors: weights(params.useBias), extraState: [] };
}

function pooling(kind: 'max' | 'avg', context: LayerContext): LayerCode {
  const { params, name } = context;
  const [height, width] = context.inputShapes[0].dims;
  const window = pair(params.poolSize);
  const stride = pair(params.stride);
  const plan = sides(planWindow(height, width, window, stride, params.padding as string, [0, 0]).padding);
  const fits = plan.pytorch[0] <= window[0] / 2 && plan.pytorch[1] <= window[1] / 2;
  const input = context.inputs[0];
  if (plan.even && fits) {
    const counting = kind === 'avg' ? ', count_include_pad=False' : '';
    const module = `nn.${kind === 'max' ? 'MaxPool2d' : 'AvgPool2d'}(${python(window)}, stride=${python(stride)}, padding=${python(plan.pytorch)}${counting})`;
    return { module, forward: [`${name} = self.${name}(${input})`], tensors: [], extraState: [] };
  }
  const forward =
    kind === 'max'
      ? [`${name} = F.max_pool2d(F.pad(${input}, ${plan.pad}, value=-math.inf), ${python(window)}, stride=${python(stride)})`]
      : [`${name} = average_pool_real_pixels(${input}, ${python(window)}, ${python(stride)}, ${plan.pad})`];
  return { module: null, forward, tensors: [], extraState: [] };
}

function upsample(context: LayerContext): LayerCode {
  const scale = pair(context.params.scale);
  const mode = context.params.mode === 'bilinear' ? "mode='bilinear', align_corners=False" : "mode='nearest'";
  return { module: `nn.Upsample(scale_factor=${python(scale.map((value) => `${value}.0`))}, ${mode})`, forward: [`${context.name} = self.${context.name}(${context.inputs[0]})`], tensors: [], extraState: [] };
}

export function convolutionCode(type: string, context: LayerContext, id: string): LayerCode | null {
  switch (type) {
    case 'Conv2D':
      return conv2d(context);
    case 'ConvTranspose2D':
      return convTranspose2d(context, id);
    case 'MaxPool2D':
      return pooling('max', context);
    case 'AvgPool2D':
      return pooling('avg', context);
    case 'Upsample2D':
      return upsample(context);
    default:
      return null;
  }
}
