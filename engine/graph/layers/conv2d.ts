import { fail, ok, type LayerSpec } from '../layerSpec.ts';
import { tensorShape } from '../shape.ts';
import { boolParam, enumParam, expectFloat, expectRank, intParam, pair, pairParam, paddingPair, planWindow } from './common.ts';

export const Conv2D: LayerSpec = {
  type: 'Conv2D',
  category: 'Convolution',
  summary: 'Slides learned filters over an image to detect local patterns.',
  concept:
    'A 2-D convolution slides each filter (a small kernel × kernel × channels grid of weights) across the image; at every position it multiplies the overlapping values and sums them into one output pixel. Each filter produces one output channel, a feature map that lights up where its pattern appears. Without padding the output shrinks: (H − K)/S + 1.',
  params: {
    filters: intParam('Number of filters, so of output channels.', 8, 1, 4096),
    kernelSize: pairParam('Filter height and width.', 3, 1, 255),
    stride: pairParam('Step between filter positions.', 1, 1, 255),
    padding: enumParam('valid: no padding; same: keep the size (at stride 1); explicit: the amounts below.', 'valid', ['valid', 'same', 'explicit']),
    padAmount: pairParam('Zero padding rows and columns on each side (explicit padding).', 0, 0, 255),
    dilation: pairParam('Spacing between kernel taps (1 = dense).', 1, 1, 64),
    useBias: boolParam('Add a learned bias per filter.', true),
  },
  inputs: [{ name: 'in', doc: 'An image H×W×C.' }],
  hasOutput: true,
  shape([input], params) {
    if (input.dims.length === 1) {
      return fail(`Conv2D expects an image (H×W×C), but receives a vector (${input.dims[0]}).`, {
        port: 'in',
        suggestion: 'Insert a Reshape to an image shape (H×W×C) before it.',
      });
    }
    const invalid = expectFloat('Conv2D', input) ?? expectRank('Conv2D', input, [3]);
    if (invalid) return invalid;
    const [height, width] = input.dims;
    const kernel = pair(params.kernelSize);
    const dilation = pair(params.dilation);
    const plan = planWindow(height, width, kernel, pair(params.stride), params.padding as string, paddingPair(params), dilation);
    if (plan.height < 1 || plan.width < 1) {
      const fits = Math.max(1, Math.min(Math.floor((height - 1) / dilation[0]) + 1, Math.floor((width - 1) / dilation[1]) + 1));
      return fail(`A ${kernel.join('×')} kernel does not fit in the ${height}×${width} input: the output would be ${plan.height}×${plan.width}.`, {
        field: 'kernelSize',
        suggestion: `Use a kernel of at most ${fits}×${fits}, or add padding.`,
        setParam: { field: 'kernelSize', value: [fits, fits] },
      });
    }
    return ok(tensorShape([plan.height, plan.width, params.filters as number]));
  },
  parameterCount([input], params) {
    const [kernelHeight, kernelWidth] = pair(params.kernelSize);
    const filters = params.filters as number;
    return kernelHeight * kernelWidth * (input.dims[2] ?? 0) * filters + (params.useBias ? filters : 0);
  },
};
