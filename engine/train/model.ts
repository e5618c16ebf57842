// A compiled graph bound to the CPU backend: feed inputs, run forward and backward passes, read
// any node's output (a probe) and read or write parameters. Buffers are allocated once here;
// every pass after that replays bound calls without allocating.
import { allocateBuffers, bindCalls, runCalls, type BoundCall, type CpuTensor, type Precision } from '../backends/cpu/index.ts';
import { compileGraph, type CompiledGraph, type CompileOptions } from '../compile/index.ts';
import type { BufferId } from '../ir/index.ts';
import type { ParameterSlot } from './optimizers/types.ts';

export interface ModelOptions extends CompileOptions {
  readonly precision?: Precision;
  /** Seed for parameter initialization; defaults to the graph's training seed. */
  readonly initSeed?: number;
}

export interface TensorView {
  readonly shape: readonly number[];
  readonly data: Float32Array | Float64Array | Int32Array;
}

export class Model {
  readonly compiled: CompiledGraph;
  private readonly tensors: Map<BufferId, CpuTensor>;
  private readonly phases: { readonly train: BoundCall[]; readonly backward: BoundCall[]; readonly infer: BoundCall[] };

  constructor(compiled: CompiledGraph, options: { precision?: Precision; initSeed?: number } = {}) {
    this.compiled = compiled;
    this.tensors = allocateBuffers(compiled.program, options.precision ?? 'f32', options.initSeed ?? compiled.document.training.seed);
    this.phases = {
      train: bindCalls(compiled.trainForward, this.tensors),
      backward: bindCalls(compiled.backward, this.tensors),
      infer: bindCalls(compiled.inferForward, this.tensors),
    };
  }

  static compile(document: unknown, options: ModelOptions): Model {
    return new Model(compileGraph(document, options), options);
  }

  /** The array an Input node reads: fill it in place, batch first. */
  input(nodeId: string): TensorView {
    const buffer = this.compiled.inputs.get(nodeId);
    if (buffer === undefined) throw new Error(`Node ${nodeId} is not an Input of this graph.`);
    return this.tensor(buffer);
  }

  /** The labels or targets the loss reads (not for autoencoders, whose target is the input). */
  target(): TensorView {
    if (this.compiled.target === null) throw new Error('This graph has no separate target: it reconstructs its input.');
    return this.tensor(this.compiled.target);
  }

  /** Runs the forward pass: 'train' uses dropout and batch statistics, 'infer' does not. */
  forward(mode: 'train' | 'infer' = 'infer'): void {
    runCalls(mode === 'train' ? this.phases.train : this.phases.infer);
  }

  /** Runs the backward pass; call after forward('train'). */
  backward(): void {
    runCalls(this.phases.backward);
  }

  loss(): number {
    if (this.compiled.loss === null) throw new Error('This graph has no loss head.');
    return this.tensor(this.compiled.loss).data[0];
  }

  /** A node's output after the last forward pass (the loss for a loss head). */
  probe(nodeId: string): TensorView {
    const buffer = this.compiled.nodeOutputs.get(nodeId);
    if (buffer === undefined) throw new Error(`Node ${nodeId} has no output in this graph.`);
    return this.tensor(buffer);
  }

  /** The gradient of an Input requested with `inputGradients` at compile time. */
  inputGradient(nodeId: string): TensorView {
    const buffer = this.compiled.inputGradients.get(nodeId);
    if (buffer === undefined) throw new Error(`No gradient was requested for input ${nodeId}.`);
    return this.tensor(buffer);
  }

  tensor(buffer: BufferId): TensorView {
    const tensor = this.tensors.get(buffer);
    if (tensor === undefined) throw new Error(`Buffer ${buffer} is not allocated.`);
    return tensor;
  }

  /** Optimizer slots over the live parameter and gradient arrays (f32 models only). */
  parameterSlots(): ParameterSlot[] {
    return this.compiled.parameters.map((parameter) => {
      const value = this.tensor(parameter.value).data;
      const gradient = parameter.gradient === undefined ? new Float32Array(value.length) : this.tensor(parameter.gradient).data;
      if (!(value instanceof Float32Array) || !(gradient instanceof Float32Array)) throw new Error('Training needs a float32 model.');
      return { name: `${parameter.node}/${parameter.name}`, value, gradient, state: [], frozen: parameter.gradient === undefined, decay: parameter.decay };
    });
  }

  /** Copies of every parameter, keyed `node/name`. */
  readParameters(): Map<string, Float32Array> {
    return new Map(this.compiled.parameters.map((parameter) => [`${parameter.node}/${parameter.name}`, Float32Array.from(this.tensor(parameter.value).data)]));
  }

  writeParameters(values: ReadonlyMap<string, ArrayLike<number>>): void {
    for (const parameter of this.compiled.parameters) {
      const key = `${parameter.node}/${parameter.name}`;
      const value = values.get(key);
      if (value === undefined) continue;
      const target = this.tensor(parameter.value).data;
      if (value.length !== target.length) throw new Error(`${key} holds ${target.length} values, not ${value.length}.`);
      target.set(value);
    }
  }
}
