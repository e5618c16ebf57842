// The elementwise activations and their backward ops: unary.wgsl or unaryBackward.wgsl with the
// op's own file (relu.wgsl, ...) defining forward and backward, attributes in words 1 and 2.
import type { Op, OpName, UnaryFunction } from '../../../ir/index.ts';
import type { GpuTensor } from '../tensor.ts';
import { expectReal, expectShape, Parameters, perElement, type Dispatch, type Wrapper } from './context.ts';

type UnaryName = UnaryFunction['op'];

/** The attribute words of an op: leakyRelu's alpha, scale's factor, gelu's form (1: tanh). */
function attributes(op: Op): Parameters {
  const parameters = new Parameters();
  if ('alpha' in op) return parameters.f32(op.alpha);
  if ('factor' in op) return parameters.f32(op.factor);
  if ('approximate' in op) return parameters.u32(op.approximate === 'tanh' ? 1 : 0);
  return parameters;
}

function withCount(op: Op, count: number): Parameters {
  const extra = attributes(op).words;
  return new Parameters().u32(count, extra[0], extra[1]);
}

function forwardWrapper(name: UnaryName): Wrapper<UnaryName> {
  return (op, [input], [output]) => {
    expectReal(input, `${name} input`);
    expectShape(output, input.shape, `${name} output`);
    return [{ shader: ['unary', name], parameters: withCount(op, input.count), buffers: [input.buffer, output.buffer], workgroups: perElement(input.count) }];
  };
}

function backwardWrapper(name: UnaryName): (op: Op, inputs: readonly GpuTensor[], outputs: readonly GpuTensor[]) => Dispatch[] {
  return (op, [saved, dOutput], [dInput]) => {
    expectReal(saved, `${name}Backward saved tensor`);
    expectShape(dOutput, saved.shape, `${name}Backward dOutput`);
    expectShape(dInput, saved.shape, `${name}Backward dInput`);
    return [{ shader: ['unaryBackward', name], parameters: withCount(op, saved.count), buffers: [saved.buffer, dOutput.buffer, dInput.buffer], workgroups: perElement(saved.count) }];
  };
}

const NAMES: readonly UnaryName[] = ['relu', 'leakyRelu', 'sigmoid', 'tanh', 'gelu', 'binaryStep', 'identity', 'exp', 'log', 'negate', 'scale'];

/** Every unary op and its backward op, by op name. */
export const UNARY_WRAPPERS: { readonly [Name in OpName]?: Wrapper<Name> } = Object.fromEntries(
  NAMES.flatMap((name) => [
    [name, forwardWrapper(name)],
    [`${name}Backward`, backwardWrapper(name)],
  ]),
);
