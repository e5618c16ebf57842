// What a layer's lowering sees and may do: its node, params, input buffers, and the builder.
import type { GraphNode, Params, TensorShape } from '../../graph/index.ts';
import type { BufferId, DType, Initializer, KernelCall, Op } from '../../ir/index.ts';
import { call, type ProgramBuilder } from '../builder.ts';

export interface ParameterEntry {
  readonly node: string;
  /** e.g. 'weights', 'bias', 'gamma'. */
  readonly name: string;
  readonly buffer: BufferId;
  /** Weight decay applies (weights yes; biases and normalization no). */
  readonly decay: boolean;
}

export interface LoweringState {
  readonly builder: ProgramBuilder;
  readonly batch: number;
  /** Forward calls for training (dropout active, batch statistics). */
  readonly train: KernelCall[];
  /** Forward calls for inference (no dropout, running statistics). */
  readonly infer: KernelCall[];
  readonly parameters: ParameterEntry[];
  /** Seed for each random state buffer (dropout), derived from the run's seed. */
  nextSeed: () => number;
}

export class LoweringContext {
  constructor(
    readonly state: LoweringState,
    readonly node: GraphNode,
    readonly params: Params,
    readonly inputs: readonly BufferId[],
    readonly inputShapes: readonly TensorShape[],
    /** The graph's output shape (without the batch); loss heads: a scalar. */
    readonly outputShape: TensorShape,
  ) {}

  get builder(): ProgramBuilder {
    return this.state.builder;
  }

  get batch(): number {
    return this.state.batch;
  }

  /** [batch, ...dims] of the node's output. */
  get outputDims(): number[] {
    return [this.batch, ...this.outputShape.dims];
  }

  activation(shape: readonly number[] = this.outputDims, name = 'output', dtype: DType = 'f32'): BufferId {
    return this.builder.buffer(shape, dtype, 'activation', `${this.node.id}/${name}`);
  }

  parameter(name: string, shape: readonly number[], initializer: Initializer, decay: boolean): BufferId {
    const buffer = this.builder.buffer(shape, 'f32', 'parameter', `${this.node.id}/${name}`, initializer);
    this.state.parameters.push({ node: this.node.id, name, buffer, decay });
    return buffer;
  }

  persistent(name: string, shape: readonly number[], initializer: Initializer, dtype: DType = 'f32'): BufferId {
    return this.builder.buffer(shape, dtype, 'state', `${this.node.id}/${name}`, initializer);
  }

  /** A call that runs in training and inference alike. */
  emit(op: Op, inputs: readonly BufferId[], outputs: readonly BufferId[]): void {
    const kernelCall = call(op, inputs, outputs, this.node.id);
    this.state.train.push(kernelCall);
    this.state.infer.push(kernelCall);
  }

  emitTrain(op: Op, inputs: readonly BufferId[], outputs: readonly BufferId[]): void {
    this.state.train.push(call(op, inputs, outputs, this.node.id));
  }

  emitInfer(op: Op, inputs: readonly BufferId[], outputs: readonly BufferId[]): void {
    this.state.infer.push(call(op, inputs, outputs, this.node.id));
  }
}

/** Lowers one layer: emits its calls and returns the buffer holding its output. */
export type Lowering = (context: LoweringContext) => BufferId;
