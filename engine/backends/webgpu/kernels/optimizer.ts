// The optimizer updates (sgdUpdate.wgsl, momentumUpdate.wgsl, adamUpdate.wgsl,
// rmspropUpdate.wgsl, each with stepScalars.wgsl), one thread per parameter, in place; and
// gradient clipping by global norm in three phases (clipGradientNorm*.wgsl) over a scratch of one
// slot per gradient and one for the factor.
import type { OpOf } from '../../../ir/index.ts';
import { STEP_SCALARS } from '../../../ir/index.ts';
import type { GpuTensor } from '../tensor.ts';
import { expectCount, expectReal, Parameters, perElement, type Dispatch, type WrapperContext } from './context.ts';

/** Checks the value, its gradient, the step scalars and the state buffers (same count as the value). */
function checkUpdate(name: string, [value, gradient, scalars, ...state]: readonly GpuTensor[]): void {
  expectReal(value, `${name} value`);
  expectCount(gradient, value.count, `${name} gradient`);
  state.forEach((tensor, index) => expectCount(tensor, value.count, `${name} state ${index + 1}`));
  if (scalars.dtype !== 'i32' || scalars.count < STEP_SCALARS) throw new TypeError(`${name} step scalars must be ${STEP_SCALARS} integers (i32): the step and the learning rate's two words.`);
}

function update(name: string, inputs: readonly GpuTensor[], parameters: Parameters): Dispatch[] {
  checkUpdate(name, inputs);
  return [{ shader: ['stepScalars', name], parameters, buffers: inputs.map((tensor) => tensor.buffer), workgroups: perElement(inputs[0].count) }];
}

export function sgdUpdate(op: OpOf<'sgdUpdate'>, inputs: readonly GpuTensor[]): Dispatch[] {
  return update('sgdUpdate', inputs, new Parameters().u32(inputs[0].count).f32(op.weightDecay));
}

export function momentumUpdate(op: OpOf<'momentumUpdate'>, inputs: readonly GpuTensor[]): Dispatch[] {
  return update('momentumUpdate', inputs, new Parameters().u32(inputs[0].count).f32(op.weightDecay, op.momentum).u32(op.nesterov ? 1 : 0));
}

export function adamUpdate(op: OpOf<'adamUpdate'>, inputs: readonly GpuTensor[]): Dispatch[] {
  const parameters = new Parameters().u32(inputs[0].count).f32(op.beta1, op.beta2, op.epsilon, op.weightDecay, Math.log(op.beta1), Math.log(op.beta2)).u32(op.decoupled ? 1 : 0);
  return update('adamUpdate', inputs, parameters);
}

export function rmspropUpdate(op: OpOf<'rmspropUpdate'>, inputs: readonly GpuTensor[]): Dispatch[] {
  return update('rmspropUpdate', inputs, new Parameters().u32(inputs[0].count).f32(op.rho, op.epsilon, op.weightDecay));
}

export function clipGradientNorm(op: OpOf<'clipGradientNorm'>, gradients: readonly GpuTensor[], [norm, ...written]: readonly GpuTensor[], context: WrapperContext): Dispatch[] {
  if (written.length !== gradients.length) throw new RangeError(`clipGradientNorm writes back ${written.length} gradients but reads ${gradients.length}.`);
  gradients.forEach((gradient, index) => expectReal(gradient, `clipGradientNorm gradient ${index}`));
  expectCount(norm, 1, 'clipGradientNorm norm');
  const slots = gradients.length;
  const scratch = context.scratch((slots + 1) * 4);
  return [
    ...gradients.map((gradient, slot): Dispatch => ({ shader: ['clipGradientNormSquares'], parameters: new Parameters().u32(gradient.count, slot), buffers: [gradient.buffer, scratch], workgroups: [1, 1, 1] })),
    { shader: ['clipGradientNormTotal'], parameters: new Parameters().u32(slots).f32(op.maxNorm), buffers: [scratch, norm.buffer], workgroups: [1, 1, 1] },
    ...gradients.map((gradient): Dispatch => ({ shader: ['clipGradientNormScale'], parameters: new Parameters().u32(gradient.count, slots), buffers: [scratch, gradient.buffer], workgroups: perElement(gradient.count) })),
  ];
}
