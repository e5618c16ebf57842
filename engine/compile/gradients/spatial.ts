// Gradients of convolution, transposed convolution, pooling and upsampling.
import type { OpOf, SpatialOp } from '../../ir/index.ts';
import type { GradientRule, GradientTable } from './context.ts';

const conv2d: GradientRule = (context) => {
  const { stride, padding, dilation } = context.forward.op as OpOf<'conv2d'>;
  const [input, weights] = context.forward.inputs;
  const dOutput = context.dOutput();
  context.giveComputed(0, { op: 'conv2dBackwardInput', stride, padding, dilation }, [dOutput, weights]);
  context.giveComputed(1, { op: 'conv2dBackwardFilter', stride, padding, dilation }, [input, dOutput]);
};

/** y = convTranspose(x, W) is the adjoint of a conv2d, so dx = conv2d(dy, W) and dW = filter(dy, x). */
const convTranspose2d: GradientRule = (context) => {
  const { stride, padding, dilation } = context.forward.op as OpOf<'convTranspose2d'>;
  const [input, weights] = context.forward.inputs;
  const dOutput = context.dOutput();
  context.giveComputed(0, { op: 'conv2d', stride, padding, dilation }, [dOutput, weights]);
  context.giveComputed(1, { op: 'conv2dBackwardFilter', stride, padding, dilation }, [dOutput, input]);
};

const maxPool2d: GradientRule = (context) => {
  const op = context.forward.op as OpOf<'maxPool2d'>;
  context.giveComputed(0, { ...op, op: 'maxPool2dBackward' }, [context.forward.inputs[0], context.dOutput()]);
};

const avgPool2d: GradientRule = (context) => {
  const op = context.forward.op as OpOf<'avgPool2d'>;
  context.giveComputed(0, { ...op, op: 'avgPool2dBackward' }, [context.dOutput()]);
};

const upsample2d: GradientRule = (context) => {
  const op = context.forward.op as OpOf<'upsample2d'>;
  context.giveComputed(0, { ...op, op: 'upsample2dBackward' }, [context.dOutput()]);
};

export const spatialGradients: GradientTable<SpatialOp['op']> = { conv2d, convTranspose2d, maxPool2d, avgPool2d, upsample2d };
