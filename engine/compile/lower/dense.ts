// Dense: y = x·W + b. A sequence [B, T, F] is viewed as [B·T, F], so every matmul is 2-D.
import type { Lowering } from './context.ts';
import { weightInitializer } from './initializers.ts';

export const lowerDense: Lowering = (context) => {
  const { builder, params } = context;
  const [input] = context.inputs;
  const inputShape = builder.shape(input);
  const features = inputShape[inputShape.length - 1];
  const units = params.units as number;
  const rows = inputShape.slice(0, -1).reduce((product, size) => product * size, 1);
  const weights = context.parameter('weights', [features, units], weightInitializer(params.initializer as string, features, units), true);
  const flat = builder.view(input, [rows, features]);
  const product = context.activation([rows, units], params.useBias ? 'product' : 'output');
  context.emit({ op: 'matmul', transposeA: false, transposeB: false }, [flat, weights], [product]);
  let output = product;
  if (params.useBias) {
    const bias = context.parameter('bias', [units], { kind: 'zeros' }, false);
    output = context.activation([rows, units]);
    context.emit({ op: 'biasAdd' }, [product, bias], [output]);
  }
  return builder.view(output, context.outputDims);
};
