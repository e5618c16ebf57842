// A compiled graph on a backend: feed inputs, run forward and backward passes and the update,
// read any node's output (a probe) and read or write parameters. Buffers are allocated once here;
// every pass after that replays bound calls without allocating. Model sees the backend only
// through the seam (../backends/backend.ts). The training path writes inputs with `write` and
// reads with `view`/`read`/`readLoss`, which work on every backend: free on a host backend (cpu,
// wasm: the live array), through a staging buffer on a device (webgpu). The synchronous views
// (`input`, `target`, `tensor`, `probe`, `loss`) need a host backend and are for tests and tools.
import { referenceBackend, type Backend, type BackendBuffers, type BoundCalls, type HostArray, type Precision } from '../backends/index.ts';
import { compileGraph, type CompiledGraph, type CompileOptions } from '../compile/index.ts';
import type { BufferId, KernelCall } from '../ir/index.ts';

export interface ModelOptions extends CompileOptions {
  readonly precision?: Precision;
  /** Seed for parameter initialization; defaults to the graph's training seed. */
  readonly initSeed?: number;
  /** Where the buffers live and the calls run; defaults to the reference (cpu) backend. */
  readonly backend?: Backend;
}

/** A buffer's shape and values in host memory. */
export interface HostTensor {
  readonly shape: readonly number[];
  readonly data: HostArray;
}

export class Model {
  readonly compiled: CompiledGraph;
  readonly backend: Backend;
  readonly precision: Precision;
  /** Whether the backend keeps the buffers in host memory (cpu, wasm): `view` then costs nothing. */
  readonly onHost: boolean;
  private readonly buffers: BackendBuffers;
  private readonly phases: { readonly train: BoundCalls; readonly backward: BoundCalls; readonly infer: BoundCalls };

  constructor(compiled: CompiledGraph, options: { precision?: Precision; initSeed?: number; backend?: Backend } = {}) {
    this.compiled = compiled;
    this.backend = options.backend ?? referenceBackend();
    this.precision = options.precision ?? 'f32';
    this.buffers = this.backend.allocate(compiled.program, { precision: this.precision, seed: options.initSeed ?? compiled.document.training.seed });
    this.phases = { train: this.bind(compiled.trainForward), backward: this.bind(compiled.backward), infer: this.bind(compiled.inferForward) };
    this.onHost = compiled.program.buffers.length > 0 && this.buffers.hostArray(0) !== undefined;
  }

  static compile(document: unknown, options: ModelOptions): Model {
    return new Model(compileGraph(document, options), options);
  }

  /** Resolves calls on this model's buffers once (the update phase of a trainer). */
  bind(calls: readonly KernelCall[]): BoundCalls {
    return this.buffers.bind(calls);
  }

  run(calls: BoundCalls): void {
    this.buffers.run(calls);
  }

  /** The buffer an Input node reads. */
  inputBuffer(nodeId: string): BufferId {
    const buffer = this.compiled.inputs.get(nodeId);
    if (buffer === undefined) throw new Error(`Node ${nodeId} is not an Input of this graph.`);
    return buffer;
  }

  /** The array an Input node reads, in host memory: fill it in place, batch first. */
  input(nodeId: string): HostTensor {
    return this.tensor(this.inputBuffer(nodeId));
  }

  /** The labels or targets the loss reads (not for autoencoders, whose target is the input). */
  target(): HostTensor {
    return this.tensor(this.targetBuffer());
  }

  targetBuffer(): BufferId {
    if (this.compiled.target === null) throw new Error('This graph has no separate target: it reconstructs its input.');
    return this.compiled.target;
  }

  /** Overwrites a buffer (or its first values) before the next pass, on any backend. */
  write(buffer: BufferId, values: ArrayLike<number>): void {
    this.buffers.write(buffer, values);
  }

  /** Runs the forward pass: 'train' uses dropout and batch statistics, 'infer' does not. */
  forward(mode: 'train' | 'infer' = 'infer'): void {
    this.buffers.run(mode === 'train' ? this.phases.train : this.phases.infer);
  }

  /** Runs the backward pass; call after forward('train'). */
  backward(): void {
    this.buffers.run(this.phases.backward);
  }

  /** The loss of the last pass (host memory). */
  loss(): number {
    if (this.compiled.loss === null) throw new Error('This graph has no loss head.');
    const data = this.buffers.hostArray(this.compiled.loss);
    if (data === undefined) throw new Error(`The ${this.backend.name} backend keeps the loss off the host: read it with read().`);
    return data[0];
  }

  /** A node's output after the last forward pass (the loss for a loss head), in host memory. */
  probe(nodeId: string): HostTensor {
    return this.tensor(this.outputBuffer(nodeId));
  }

  outputBuffer(nodeId: string): BufferId {
    const buffer = this.compiled.nodeOutputs.get(nodeId);
    if (buffer === undefined) throw new Error(`Node ${nodeId} has no output in this graph.`);
    return buffer;
  }

  /** The gradient of an Input requested with `inputGradients` at compile time. */
  inputGradient(nodeId: string): HostTensor {
    const buffer = this.compiled.inputGradients.get(nodeId);
    if (buffer === undefined) throw new Error(`No gradient was requested for input ${nodeId}.`);
    return this.tensor(buffer);
  }

  /** The live host array of a buffer: needs a backend with buffers in host memory. */
  tensor(buffer: BufferId): HostTensor {
    const data = this.buffers.hostArray(buffer);
    if (data === undefined) throw new Error(`The ${this.backend.name} backend keeps buffer ${buffer} off the host: read it with read().`);
    return { shape: this.shapeOf(buffer), data };
  }

  /** A copy of a buffer once every call run so far has finished (any backend). */
  async read(buffer: BufferId): Promise<HostTensor> {
    return { shape: this.shapeOf(buffer), data: await this.buffers.read(buffer) };
  }

  /**
   * A buffer's values after every call run so far, on any backend. On a host backend the live
   * array, at no cost (valid until the next pass: copy what is kept longer); on a device a copy,
   * whose read is queued now, so passes run after this call do not change what it resolves to.
   */
  view(buffer: BufferId): Promise<HostTensor> {
    if (!this.onHost) return this.read(buffer);
    return Promise.resolve(this.tensor(buffer));
  }

  /** The loss of the last pass, on any backend (read as `view` reads). */
  async readLoss(): Promise<number> {
    if (this.compiled.loss === null) throw new Error('This graph has no loss head.');
    return (await this.view(this.compiled.loss)).data[0];
  }

  /** Copies of every parameter, keyed `node/name`, on any backend. */
  async readParametersAsync(): Promise<Map<string, Float32Array>> {
    const reads = this.compiled.parameters.map(async (parameter) => [`${parameter.node}/${parameter.name}`, Float32Array.from((await this.view(parameter.value)).data)] as const);
    return new Map(await Promise.all(reads));
  }

  /** Copies of every parameter, keyed `node/name` (host memory). */
  readParameters(): Map<string, Float32Array> {
    return new Map(this.compiled.parameters.map((parameter) => [`${parameter.node}/${parameter.name}`, Float32Array.from(this.tensor(parameter.value).data)]));
  }

  writeParameters(values: ReadonlyMap<string, ArrayLike<number>>): void {
    for (const parameter of this.compiled.parameters) {
      const key = `${parameter.node}/${parameter.name}`;
      const value = values.get(key);
      if (value === undefined) continue;
      const size = this.sizeOf(parameter.value);
      if (value.length !== size) throw new Error(`${key} holds ${size} values, not ${value.length}.`);
      this.buffers.write(parameter.value, value);
    }
  }

  /** Frees the buffers (the backend stays usable for other models). */
  dispose(): void {
    this.buffers.dispose();
  }

  shapeOf(buffer: BufferId): readonly number[] {
    const spec = this.compiled.program.buffers[buffer];
    if (spec === undefined) throw new Error(`Buffer ${buffer} is not allocated.`);
    return spec.descriptor.shape;
  }

  sizeOf(buffer: BufferId): number {
    return this.shapeOf(buffer).reduce((product, size) => product * size, 1);
  }
}
