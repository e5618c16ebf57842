import { fail, ok, type LayerSpec } from '../layerSpec.ts';
import { tensorShape } from '../shape.ts';
import { boolParam, enumParam, expectFloat, expectRank, intParam, pair, pairParam, paddingPair } from './common.ts';

export const ConvTranspose2D: LayerSpec = {
  type: 'ConvTranspose2D',
  category: 'Convolution',
  summary: 'A learned upsampling: the reverse of a strided convolution.',
  concept:
    'A transposed convolution spreads each input pixel over a kernel-sized patch of the output, weighted by learned filters, and sums the overlaps. With stride 2 it doubles height and width. Decoders and GAN generators use it to grow images: output = (H − 1)·S − 2P + K.',
  params: {
    filters: intParam('Number of output channels.', 8, 1, 4096),
    kernelSize: pairParam('Filter height and width.', 4, 1, 255),
    stride: pairParam('Upsampling factor.', 2, 1, 255),
    padding: enumParam('same: output = input × stride; valid: no cropping; explicit: crop the amounts below.', 'same', ['valid', 'same', 'explicit']),
    padAmount: pairParam('Rows and columns cropped from each side (explicit padding).', 0, 0, 255),
    outputPadding: pairParam('Extra rows and columns added at the end.', 0, 0, 255),
    useBias: boolParam('Add a learned bias per filter.', true),
  },
  inputs: [{ name: 'in', doc: 'An image H×W×C.' }],
  hasOutput: true,
  shape([input], params) {
    const invalid = expectFloat('ConvTranspose2D', input) ?? expectRank('ConvTranspose2D', input, [3]);
    if (invalid) return invalid;
    const plan = transposedPlan(input.dims[0], input.dims[1], params);
    if (plan.height < 1 || plan.width < 1) {
      return fail(`The padding crops away the whole output (${plan.height}×${plan.width}).`, { field: 'padAmount', setParam: { field: 'padAmount', value: [0, 0] } });
    }
    return ok(tensorShape([plan.height, plan.width, params.filters as number]));
  },
  parameterCount([input], params) {
    const [kernelHeight, kernelWidth] = pair(params.kernelSize);
    const filters = params.filters as number;
    return kernelHeight * kernelWidth * (input.dims[2] ?? 0) * filters + (params.useBias ? filters : 0);
  },
};

/** Output size and the crop [top, bottom, left, right] of a transposed convolution. */
export function transposedPlan(height: number, width: number, params: Readonly<Record<string, unknown>>) {
  const kernel = pair(params.kernelSize as number[]);
  const stride = pair(params.stride as number[]);
  const extra = pair(params.outputPadding as number[]);
  const full = [(height - 1) * stride[0] + kernel[0] + extra[0], (width - 1) * stride[1] + kernel[1] + extra[1]];
  let crop: [number, number, number, number] = [0, 0, 0, 0];
  if (params.padding === 'same') {
    const excessHeight = Math.max(0, full[0] - height * stride[0]);
    const excessWidth = Math.max(0, full[1] - width * stride[1]);
    crop = [Math.floor(excessHeight / 2), excessHeight - Math.floor(excessHeight / 2), Math.floor(excessWidth / 2), excessWidth - Math.floor(excessWidth / 2)];
  } else if (params.padding === 'explicit') {
    const amount = paddingPair(params as never);
    crop = [amount[0], amount[0], amount[1], amount[1]];
  }
  return { height: full[0] - crop[0] - crop[1], width: full[1] - crop[2] - crop[3], crop };
}
