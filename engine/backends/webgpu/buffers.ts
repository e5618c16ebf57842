/// <reference types="@webgpu/types" />
// A Program's buffers on one GPU device: one storage buffer per plain buffer (aliases share their
// target's), initialized on the host exactly as on the cpu backend (same initializers, drawn in
// buffer order from one seeded stream) and uploaded once. `bind` resolves calls to dispatches once
// (pipelines from the device's cache, a parameter buffer and a bind group per dispatch); `run`
// records every dispatch of the list into one compute pass and submits once, without reading
// anything back; `read` copies a buffer into a mappable staging buffer and maps it.
import type { BufferId, KernelCall, Program } from '../../ir/index.ts';
import { checkProgram, elementCount, initialize, OP_SIGNATURES, seedRandomState } from '../../ir/index.ts';
import type { BackendBuffers, BoundCalls, HostArray } from '../backend.ts';
import type { GpuDevice } from './device.ts';
import type { Dispatch } from './kernels/context.ts';
import { refuseMissingKernels, wrapCall } from './registry.ts';
import type { GpuTensor } from './tensor.ts';

interface RecordedDispatch {
  readonly pipeline: GPUComputePipeline;
  readonly bindGroup: GPUBindGroup;
  readonly workgroups: readonly [number, number, number];
}

interface GpuBoundCalls extends BoundCalls {
  readonly dispatches: readonly RecordedDispatch[];
}

// GPUBufferUsage and GPUMapMode flags by value (the spec fixes them), so that importing this module
// needs no WebGPU globals.
const MAP_READ = 0x1;
const COPY_SRC = 0x4;
const COPY_DST = 0x8;
const UNIFORM = 0x40;
const STORAGE = 0x80;
const MAP_MODE_READ = 0x1;

export class WebGpuBuffers implements BackendBuffers {
  private readonly tensors = new Map<BufferId, GpuTensor>();
  /** Every GPUBuffer this allocation created (storage, parameters, scratch), destroyed by dispose. */
  private readonly owned: GPUBuffer[] = [];
  private disposed = false;

  constructor(private readonly gpu: GpuDevice, program: Program, seed: number) {
    const problems = checkProgram(program);
    if (problems.length > 0) throw new Error(`The program is malformed: ${problems.join(' ')}`);
    refuseMissingKernels(program.calls);
    const random = seedRandomState(seed);
    for (const buffer of program.buffers) {
      if (buffer.aliasOf !== undefined) continue;
      const { shape, dtype } = buffer.descriptor;
      const count = elementCount(shape);
      const storage = this.create(count * 4, STORAGE | COPY_SRC | COPY_DST, buffer.name ?? `buffer ${buffer.id}`);
      if (buffer.initializer !== undefined) {
        const values = dtype === 'i32' ? new Int32Array(count) : new Float32Array(count);
        initialize(values, buffer.initializer, random);
        gpu.device.queue.writeBuffer(storage, 0, values);
      }
      this.tensors.set(buffer.id, { shape, dtype, count, buffer: storage });
    }
    for (const buffer of program.buffers) {
      const target = buffer.aliasOf === undefined ? undefined : this.tensors.get(buffer.aliasOf);
      if (target !== undefined) this.tensors.set(buffer.id, { ...target, shape: buffer.descriptor.shape, count: elementCount(buffer.descriptor.shape) });
    }
  }

  /** A buffer of at least 4 bytes (WebGPU binds no empty buffer), rounded up to whole words. */
  private create(bytes: number, usage: number, label: string): GPUBuffer {
    const buffer = this.gpu.device.createBuffer({ size: Math.max(4, Math.ceil(bytes / 4) * 4), usage, label });
    this.owned.push(buffer);
    return buffer;
  }

  bind(calls: readonly KernelCall[]): GpuBoundCalls {
    this.checkAlive();
    const context = { scratch: (bytes: number) => this.create(bytes, STORAGE, 'scratch') };
    const dispatches = calls.flatMap((call, index) => {
      const what = where(call, index);
      try {
        const inputs = call.inputs.map((id) => this.tensor(id));
        const outputs = call.outputs.map((id) => this.tensor(id));
        refuseSharedStorage(call, inputs, outputs);
        return this.gpu.scoped(what, () => wrapCall(call.op, inputs, outputs, context).map((dispatch) => this.record(dispatch, what)));
      } catch (error) {
        throw new Error(`${what}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
    });
    return { count: calls.length, dispatches };
  }

  private record(dispatch: Dispatch, what: string): RecordedDispatch {
    const pipeline = this.gpu.pipeline(dispatch.shader);
    const parameters = this.create(dispatch.parameters.words.byteLength, UNIFORM | COPY_DST, `${what} parameters`);
    this.gpu.device.queue.writeBuffer(parameters, 0, dispatch.parameters.words);
    const entries = [parameters, ...dispatch.buffers].map((buffer, binding) => ({ binding, resource: { buffer } }));
    const bindGroup = this.gpu.device.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries, label: what });
    return { pipeline, bindGroup, workgroups: dispatch.workgroups };
  }

  run(bound: BoundCalls): void {
    this.checkAlive();
    if (!('dispatches' in bound)) throw new Error('These calls were bound by another backend: bind them with the WebGPU backend.');
    const { dispatches } = bound as GpuBoundCalls;
    const device = this.gpu.device;
    this.gpu.scoped(`a run of ${bound.count} calls`, () => {
      const encoder = device.createCommandEncoder();
      const pass = encoder.beginComputePass();
      for (const dispatch of dispatches) {
        pass.setPipeline(dispatch.pipeline);
        pass.setBindGroup(0, dispatch.bindGroup);
        pass.dispatchWorkgroups(...dispatch.workgroups);
      }
      pass.end();
      device.queue.submit([encoder.finish()]);
    });
  }

  hostArray(): undefined {
    return undefined;
  }

  async read(buffer: BufferId): Promise<HostArray> {
    const tensor = this.tensor(buffer);
    const bytes = Math.max(4, tensor.count * 4);
    const device = this.gpu.device;
    const staging = device.createBuffer({ size: bytes, usage: MAP_READ | COPY_DST, label: `read ${buffer}` });
    try {
      const encoder = device.createCommandEncoder();
      encoder.copyBufferToBuffer(tensor.buffer, 0, staging, 0, bytes);
      device.queue.submit([encoder.finish()]);
      await this.gpu.settle();
      await staging.mapAsync(MAP_MODE_READ);
      const copy = staging.getMappedRange().slice(0, tensor.count * 4);
      staging.unmap();
      return tensor.dtype === 'i32' ? new Int32Array(copy) : new Float32Array(copy);
    } finally {
      staging.destroy();
    }
  }

  write(buffer: BufferId, values: ArrayLike<number>): void {
    const tensor = this.tensor(buffer);
    if (values.length > tensor.count) throw new RangeError(`Buffer ${buffer} holds ${tensor.count} values; ${values.length} were written to it.`);
    const array = tensor.dtype === 'i32' ? Int32Array.from(values) : Float32Array.from(values);
    if (array.length > 0) this.gpu.device.queue.writeBuffer(tensor.buffer, 0, array);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const buffer of this.owned) buffer.destroy();
    this.tensors.clear();
  }

  private tensor(id: BufferId): GpuTensor {
    this.checkAlive();
    const tensor = this.tensors.get(id);
    if (tensor === undefined) throw new Error(`Buffer ${id} is not part of this program's buffers on the WebGPU backend.`);
    return tensor;
  }

  private checkAlive(): void {
    if (this.disposed) throw new Error('These WebGPU buffers were disposed; allocate the program again.');
  }
}

function where(call: KernelCall, index: number): string {
  return `call ${index} (${call.op.op}${call.node === undefined ? '' : ` of node ${call.node}`})`;
}

/**
 * Refuses an output that shares storage with an input unless the op's signature updates that
 * buffer in place (its kernel then binds it once, read-write): WebGPU cannot bind one buffer both
 * read-only and writable in one dispatch.
 */
function refuseSharedStorage(call: KernelCall, inputs: readonly GpuTensor[], outputs: readonly GpuTensor[]): void {
  const signature = OP_SIGNATURES[call.op.op];
  outputs.forEach((output, index) => {
    const name = signature.outputs[Math.min(index, signature.outputs.length - 1)];
    if (signature.inputs.includes(name)) return;
    const shared = inputs.findIndex((input) => input.buffer === output.buffer);
    if (shared >= 0) throw new Error(`output ${index} shares its storage with input ${shared}, which a WebGPU kernel cannot read and write at once: give the output its own buffer.`);
  });
}
