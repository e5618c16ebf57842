// Pooling and resizing: MaxPool2D, AvgPool2D, GlobalAvgPool, Upsample2D.
import { pair, planWindow } from '../../graph/index.ts';
import type { Lowering } from './context.ts';

function pool(kind: 'maxPool2d' | 'avgPool2d'): Lowering {
  return (context) => {
    const { params } = context;
    const [height, width] = context.inputShapes[0].dims;
    const window = pair(params.poolSize);
    const stride = pair(params.stride);
    const plan = planWindow(height, width, window, stride, params.padding as string, [0, 0]);
    const [top, bottom, left, right] = plan.padding;
    const output = context.activation();
    context.emit({ op: kind, window, stride, padding: { top, bottom, left, right }, countPadding: false }, [context.inputs[0]], [output]);
    return output;
  };
}

export const lowerMaxPool2D = pool('maxPool2d');
export const lowerAvgPool2D = pool('avgPool2d');

export const lowerGlobalAvgPool: Lowering = (context) => {
  const output = context.activation();
  context.emit({ op: 'reduceMean', axes: [1, 2] }, [context.inputs[0]], [output]);
  return output;
};

export const lowerUpsample2D: Lowering = (context) => {
  const output = context.activation();
  context.emit({ op: 'upsample2d', mode: context.params.mode as 'nearest' | 'bilinear', scale: pair(context.params.scale) }, [context.inputs[0]], [output]);
  return output;
};
