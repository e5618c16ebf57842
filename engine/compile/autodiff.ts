// Reverse-mode autodiff: walk the forward calls backwards, apply each op's gradient rule, and sum
// the gradients a buffer receives from several consumers. Only buffers that lead back to a
// trainable parameter (or a requested input) get gradients.
import type { BufferId, KernelCall } from '../ir/index.ts';
import { call, type ProgramBuilder } from './builder.ts';
import { GradientContext, gradientRuleOf } from './gradients/index.ts';

export interface BackwardPass {
  readonly calls: KernelCall[];
  /** The final gradient buffer of each requested buffer (parameters, inputs). */
  readonly gradients: Map<BufferId, BufferId>;
}

/**
 * seeds: the gradient flowing into some forward outputs (a loss gets a buffer holding 1).
 * wrt: the buffers whose gradients are wanted (trainable parameters, or an input for a GAN).
 */
export function buildBackward(builder: ProgramBuilder, forward: readonly KernelCall[], seeds: ReadonlyMap<BufferId, BufferId>, wrt: readonly BufferId[]): BackwardPass {
  const needed = requiresGradient(builder, forward, wrt);
  const needs = (buffer: BufferId): boolean => needed.has(buffer) || (builder.viewSource(buffer) !== undefined && needs(builder.viewSource(buffer) as BufferId));
  const contributions = new Map<BufferId, BufferId[]>();
  const calls: KernelCall[] = [];
  const contribute = (buffer: BufferId, gradient: BufferId) => {
    const source = builder.viewSource(buffer);
    if (source !== undefined) return contribute(source, builder.view(gradient, builder.shape(source)));
    contributions.set(buffer, [...(contributions.get(buffer) ?? []), gradient]);
  };
  for (const [buffer, gradient] of seeds) contribute(buffer, gradient);
  for (let index = forward.length - 1; index >= 0; index--) {
    const forwardCall = forward[index];
    const outputGradients = forwardCall.outputs.map((output) => (contributions.has(output) ? sumGradients(builder, output, contributions, calls) : undefined));
    if (outputGradients[0] === undefined || !forwardCall.inputs.some(needs)) continue;
    const rule = gradientRuleOf(forwardCall);
    rule(new GradientContext(builder, forwardCall, outputGradients, needs, contribute, calls));
  }
  const gradients = new Map<BufferId, BufferId>();
  for (const buffer of wrt) {
    if (contributions.has(buffer)) gradients.set(buffer, sumGradients(builder, buffer, contributions, calls));
  }
  return { calls, gradients };
}

/** Buffers computed (directly or not) from a wanted buffer. */
function requiresGradient(builder: ProgramBuilder, forward: readonly KernelCall[], wrt: readonly BufferId[]): Set<BufferId> {
  const needed = new Set<BufferId>(wrt);
  const needs = (buffer: BufferId): boolean => needed.has(buffer) || (builder.viewSource(buffer) !== undefined && needs(builder.viewSource(buffer) as BufferId));
  for (const forwardCall of forward) {
    if (!forwardCall.inputs.some(needs)) continue;
    for (const output of forwardCall.outputs) if (builder.dtype(output) === 'f32') needed.add(output);
  }
  return needed;
}

/** The one gradient of `buffer`: its single contribution, or the sum of several (emitted once). */
function sumGradients(builder: ProgramBuilder, buffer: BufferId, contributions: Map<BufferId, BufferId[]>, calls: KernelCall[]): BufferId {
  const parts = contributions.get(buffer) as BufferId[];
  if (parts.length === 1) return parts[0];
  let total = parts[0];
  for (const part of parts.slice(1)) {
    const sum = builder.buffer(builder.shape(buffer), 'f32', 'gradient', `d ${builder.spec(buffer).name ?? buffer}`);
    calls.push(call({ op: 'add' }, [total, part], [sum]));
    total = sum;
  }
  contributions.set(buffer, [total]);
  return total;
}
