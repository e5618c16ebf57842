// Conv2D and ConvTranspose2D: the convolution op, then a bias per filter.
import { pair, paddingPair, planWindow, transposedPlan } from '../../graph/index.ts';
import type { BufferId, Padding2D } from '../../ir/index.ts';
import type { Lowering, LoweringContext } from './context.ts';
import { weightInitializer } from './initializers.ts';

function withBias(context: LoweringContext, convolved: BufferId, filters: number): BufferId {
  if (!context.params.useBias) return convolved;
  const bias = context.parameter('bias', [filters], { kind: 'zeros' }, false);
  const output = context.activation();
  context.emit({ op: 'biasAdd' }, [convolved, bias], [output]);
  return output;
}

function sides([top, bottom, left, right]: readonly number[]): Padding2D {
  return { top, bottom, left, right };
}

export const lowerConv2D: Lowering = (context) => {
  const { params } = context;
  const [height, width, channels] = context.inputShapes[0].dims;
  const kernel = pair(params.kernelSize);
  const filters = params.filters as number;
  const dilation = pair(params.dilation);
  const plan = planWindow(height, width, kernel, pair(params.stride), params.padding as string, paddingPair(params), dilation);
  const fanIn = kernel[0] * kernel[1] * channels;
  const weights = context.parameter('weights', [kernel[0], kernel[1], channels, filters], weightInitializer('he', fanIn, kernel[0] * kernel[1] * filters), true);
  const convolved = context.activation(context.outputDims, params.useBias ? 'convolved' : 'output');
  context.emit({ op: 'conv2d', stride: pair(params.stride), padding: sides(plan.padding), dilation }, [context.inputs[0], weights], [convolved]);
  return withBias(context, convolved, filters);
};

export const lowerConvTranspose2D: Lowering = (context) => {
  const { params } = context;
  const [height, width, channels] = context.inputShapes[0].dims;
  const kernel = pair(params.kernelSize);
  const filters = params.filters as number;
  const plan = transposedPlan(height, width, params);
  const fanIn = kernel[0] * kernel[1] * channels;
  const weights = context.parameter('weights', [kernel[0], kernel[1], filters, channels], weightInitializer('glorot', fanIn, kernel[0] * kernel[1] * filters), true);
  const convolved = context.activation(context.outputDims, params.useBias ? 'convolved' : 'output');
  context.emit({ op: 'convTranspose2d', stride: pair(params.stride), padding: sides(plan.crop), dilation: [1, 1] }, [context.inputs[0], weights], [convolved]);
  return withBias(context, convolved, filters);
};
