// What a gradient rule sees: the forward call, the gradient flowing into each of its outputs, and
// ways to emit backward calls and hand gradients to its inputs.
import type { BufferId, DType, KernelCall, Op } from '../../ir/index.ts';
import { call, type ProgramBuilder } from '../builder.ts';

export class GradientContext {
  constructor(
    readonly builder: ProgramBuilder,
    readonly forward: KernelCall,
    /** The gradient buffer of each output, or undefined where none flows. */
    readonly outputGradients: readonly (BufferId | undefined)[],
    private readonly needs: (buffer: BufferId) => boolean,
    private readonly contribute: (buffer: BufferId, gradient: BufferId) => void,
    private readonly calls: KernelCall[],
  ) {}

  /** Whether input `index` needs a gradient (it leads back to a trainable parameter). */
  needsInput(index: number): boolean {
    return this.needs(this.forward.inputs[index]);
  }

  /** The gradient of output `index`; rules only run when output 0's gradient exists unless they say otherwise. */
  dOutput(index = 0): BufferId {
    const gradient = this.outputGradients[index];
    if (gradient === undefined) throw new Error(`No gradient flows into output ${index} of ${this.forward.op.op}.`);
    return gradient;
  }

  /** A fresh gradient buffer shaped like input `index` (or like `like`). */
  gradientBuffer(like: BufferId, dtype: DType = 'f32'): BufferId {
    const spec = this.builder.spec(like);
    return this.builder.buffer(spec.descriptor.shape, dtype, 'gradient', spec.name === undefined ? undefined : `d ${spec.name}`);
  }

  scratch(shape: readonly number[]): BufferId {
    return this.builder.buffer(shape, 'f32', 'scratch', `${this.forward.node ?? 'op'}/scratch`);
  }

  emit(op: Op, inputs: readonly BufferId[], outputs: readonly BufferId[]): void {
    this.calls.push(call(op, inputs, outputs, this.forward.node));
  }

  /** Adds `gradient` to the gradient of input `index`. */
  give(index: number, gradient: BufferId): void {
    this.contribute(this.forward.inputs[index], gradient);
  }

  /** Emits `op` into a new gradient buffer shaped like input `index` and gives it to that input. */
  giveComputed(index: number, op: Op, inputs: readonly BufferId[]): void {
    if (!this.needsInput(index)) return;
    const gradient = this.gradientBuffer(this.forward.inputs[index]);
    this.emit(op, inputs, [gradient]);
    this.give(index, gradient);
  }
}

/** The backward of one forward op. */
export type GradientRule = (context: GradientContext) => void;

/** An op that has no gradient by design, and why (a backward op, a constant, a sampled mask, ...). */
export interface NoGradient {
  readonly noGradient: string;
}

/**
 * One entry per forward op: its gradient rule, or an explicit statement that it has none. Backward ops
 * (named `...Backward...`) are not differentiated again (no second derivatives), so they have no entry.
 */
export type GradientTable<Name extends string> = { readonly [Key in Name as Key extends `${string}Backward${string}` ? never : Key]: GradientRule | NoGradient };

export function noGradient(reason: string): NoGradient {
  return { noGradient: reason };
}
