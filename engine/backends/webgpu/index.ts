/// <reference types="@webgpu/types" />
// The WebGPU backend: buffers on a GPU device, one WGSL compute shader per op (kernels/*.wgsl,
// bundled into shaders.ts by scripts/buildWgsl.mjs), a training step recorded as one command
// submission. The host supplies the GPU (navigator.gpu in a browser, the `webgpu` package's in
// Node); this folder imports no Node module. Every op of the IR has a kernel (registry.ts).
import type { Program } from '../../ir/index.ts';
import type { AllocateOptions, Backend, BackendBuffers } from '../backend.ts';
import { WebGpuBuffers } from './buffers.ts';
import { GpuDevice } from './device.ts';
import { adapterName, missingLimits, WEBGPU_REQUIRED_LIMITS } from './adapter.ts';

export { adapterName, missingLimits, WEBGPU_REQUIRED_LIMITS, type WebGpuLimit } from './adapter.ts';
export { refuseMissingKernels, webgpuKernels, webgpuOps, type WebGpuRegistry } from './registry.ts';

export interface WebGpuBackendOptions {
  /** navigator.gpu, or the `webgpu` package's create([]) in Node. */
  readonly gpu: GPU;
}

/** The device asks for the kernels' limits (adapter.ts) and the adapter's own storage-binding and buffer sizes. */
export async function createWebGpuBackend({ gpu }: WebGpuBackendOptions): Promise<Backend> {
  const adapter = await gpu.requestAdapter();
  if (adapter === null) throw new Error('No WebGPU adapter was found (no GPU, or its driver is not usable here): train on the wasm or cpu backend.');
  const missing = missingLimits(adapter.limits);
  if (missing.length > 0) throw new Error(`The WebGPU adapter ${adapterName(adapter)} lacks limits the kernels need (${missing.join(', ')}): train on the wasm or cpu backend.`);
  const maxStorage = adapter.limits.maxStorageBufferBindingSize;
  const device = await adapter.requestDevice({ requiredLimits: { ...WEBGPU_REQUIRED_LIMITS, maxStorageBufferBindingSize: maxStorage, maxBufferSize: adapter.limits.maxBufferSize } });
  const gpuDevice = new GpuDevice(device);
  const name = adapterName(adapter);
  return {
    name: 'webgpu',
    description: `WebGPU on ${name}`,
    threads: 1,
    maxProgramBytes: device.limits.maxBufferSize,
    allocate(program: Program, { precision, seed }: AllocateOptions): BackendBuffers {
      if (precision !== 'f32') throw new Error(`The WebGPU backend computes in float32 only; precision '${precision}' (gradient checks) runs on the cpu backend.`);
      for (const buffer of program.buffers) {
        const bytes = buffer.descriptor.shape.reduce((product, size) => product * size, 4);
        if (bytes > maxStorage) throw new Error(`Buffer ${buffer.name ?? buffer.id} takes ${bytes} bytes, more than this GPU binds at once (${maxStorage}): train on the wasm or cpu backend.`);
      }
      return new WebGpuBuffers(gpuDevice, program, seed);
    },
    dispose(): void {
      device.destroy();
    },
  };
}
