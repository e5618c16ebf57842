// The update phase: after the backward pass, clip the gradients by their global norm (when the
// settings ask for it) and apply the optimizer to every trainable parameter, as kernel calls on
// the program's own buffers. The buffers are declared at compile time (one set of optimizer state
// per trainable parameter, the per-step scalars, the norm); the calls may be built again for other
// settings of the same kind (a changed momentum or learning rate needs no new buffers).
import { optimizerStateCount, type OptimizerSettings } from '../graph/index.ts';
import type { BufferId, KernelCall, Op } from '../ir/index.ts';
import { STEP_SCALARS } from '../ir/index.ts';
import type { ProgramBuilder } from './builder.ts';

export interface CompiledOptimizer {
  /** The kind of optimizer the state buffers were declared for. */
  readonly type: OptimizerSettings['type'];
  /** i32 [step, learning rate as two words] written by the host before each update (ir/stepScalars.ts). */
  readonly scalars: BufferId;
  /** The gradients' global norm before clipping, written by clipGradientNorm. */
  readonly norm: BufferId;
  /** Each trainable parameter's state buffers (momentum, Adam moments), keyed `node/name`. */
  readonly state: ReadonlyMap<string, readonly BufferId[]>;
}

/** What the update phase needs of a compiled graph. */
export interface UpdateTarget {
  readonly parameters: readonly { readonly node: string; readonly name: string; readonly value: BufferId; readonly gradient?: BufferId; readonly decay: boolean }[];
  readonly optimizer: CompiledOptimizer;
}

export { optimizerStateCount };

/** Declares the optimizer's buffers for the trainable parameters (those with a gradient). */
export function declareOptimizer(builder: ProgramBuilder, parameters: UpdateTarget['parameters'], settings: OptimizerSettings): CompiledOptimizer {
  const scalars = builder.buffer([STEP_SCALARS], 'i32', 'input', 'optimizer/scalars');
  const norm = builder.buffer([], 'f32', 'activation', 'optimizer/gradient norm');
  const count = optimizerStateCount(settings);
  const state = new Map<string, BufferId[]>();
  for (const parameter of parameters) {
    if (parameter.gradient === undefined) continue;
    const key = `${parameter.node}/${parameter.name}`;
    const shape = builder.shape(parameter.value);
    state.set(key, Array.from({ length: count }, (_, k) => builder.buffer(shape, 'f32', 'optimizerState', `optimizer/${key}/${k}`)));
  }
  return { type: settings.type, scalars, norm, state };
}

/** The update op for one parameter; weight decay only where the parameter takes it. */
function updateOp(settings: OptimizerSettings, decay: boolean): Op {
  const weightDecay = decay ? settings.weightDecay : 0;
  const { momentum, nesterov, beta1, beta2, epsilon, rho } = settings;
  switch (settings.type) {
    case 'sgd':
      return { op: 'sgdUpdate', weightDecay, momentum: 0, nesterov: false };
    case 'momentum':
      return { op: momentum > 0 ? 'momentumUpdate' : 'sgdUpdate', weightDecay, momentum, nesterov };
    case 'adam':
    case 'adamw':
      return { op: 'adamUpdate', beta1, beta2, epsilon, weightDecay, decoupled: settings.type === 'adamw' };
    case 'rmsprop':
      return { op: 'rmspropUpdate', rho, epsilon, weightDecay };
  }
}

/** The update phase's calls for `settings` over the target's buffers. */
export function updateCalls(target: UpdateTarget, settings: OptimizerSettings): KernelCall[] {
  const { optimizer } = target;
  const needed = optimizerStateCount(settings);
  const trainable = target.parameters.filter((parameter) => parameter.gradient !== undefined);
  const calls: KernelCall[] = [];
  const gradients = trainable.map((parameter) => parameter.gradient as BufferId);
  if (settings.gradientClip !== undefined && gradients.length > 0) {
    calls.push({ op: { op: 'clipGradientNorm', maxNorm: settings.gradientClip }, inputs: gradients, outputs: [optimizer.norm, ...gradients] });
  }
  for (const parameter of trainable) {
    const key = `${parameter.node}/${parameter.name}`;
    const state = optimizer.state.get(key) ?? [];
    if (state.length < needed) {
      throw new Error(`The model was compiled for the ${optimizer.type} optimizer, whose state does not fit ${settings.type}: compile it with the optimizer it trains with (the optimizer compile option).`);
    }
    const used = state.slice(0, needed);
    const gradient = parameter.gradient as BufferId;
    calls.push({ op: updateOp(settings, parameter.decay), inputs: [parameter.value, gradient, optimizer.scalars, ...used], outputs: [parameter.value, ...used], node: parameter.node });
  }
  return calls;
}
