// relu, reluBackward and biasAdd on 4-lane SIMD (assembly/elementwise.ts). The relu backward
// passes dOutput where x > 0 (x = 0 gives 0, as the cpu reference).
import type { WasmTensor } from '../tensor.ts';
import { parameterBlock, type BindContext, type Binder, type BoundKernel } from './context.ts';

type ElementwiseKernel = 'relu' | 'reluBackward' | 'biasAdd';

function sameCount(name: string, tensors: readonly WasmTensor[]): void {
  for (const tensor of tensors) {
    if (tensor.dtype !== 'f32') throw new TypeError(`${name}: every tensor must hold real numbers (f32).`);
    if (tensor.length !== tensors[0].length) throw new RangeError(`${name}: shapes [${tensors.map((t) => t.shape.join(', ')).join('] and [')}] hold different numbers of values.`);
  }
}

function bind(context: BindContext, kernel: ElementwiseKernel, fields: number[]): BoundKernel {
  const params = parameterBlock(context.heap, fields);
  const run = context.heap.kernels[kernel] as (params: number) => void;
  return () => run(params);
}

export const relu: Binder<'relu'> = (context, op, [input], [output]) => {
  sameCount(op.op, [input, output]);
  return bind(context, 'relu', [input.length, input.address, 0, output.address, 0]);
};

export const reluBackward: Binder<'reluBackward'> = (context, op, [input, dOutput], [dInput]) => {
  sameCount(op.op, [input, dOutput, dInput]);
  return bind(context, 'reluBackward', [input.length, input.address, dOutput.address, dInput.address, 0]);
};

export const biasAdd: Binder<'biasAdd'> = (context, op, [input, bias], [output]) => {
  sameCount(op.op, [input, output]);
  const channels = input.shape.length === 0 ? 1 : input.shape[input.shape.length - 1];
  if (bias.shape.length !== 1 || bias.length !== channels || bias.dtype !== 'f32') throw new RangeError(`biasAdd: the bias must be [${channels}] (the input's last axis), not [${bias.shape.join(', ')}].`);
  return bind(context, 'biasAdd', [input.length, input.address, bias.address, output.address, channels]);
};
