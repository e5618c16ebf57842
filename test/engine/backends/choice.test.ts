// Automatic's choice from fake GPUs: no WebGPU, no adapter, a software (fallback) adapter, a
// hardware adapter short of a limit the kernels need, a good hardware adapter; and the reasons
// each backend is passed over.
import { describe, expect, it } from 'vitest';
import { automaticBackend, backendStatuses, choiceReport, isSoftwareAdapter, probeGpu } from '../../../engine/backends/choice.ts';
import type { BackendName } from '../../../engine/backends/index.ts';
import { WEBGPU_REQUIRED_LIMITS } from '../../../engine/backends/webgpu/adapter.ts';

interface FakeAdapter {
  readonly info: { vendor: string; architecture: string; device: string; description: string; isFallbackAdapter?: boolean };
  readonly limits: Record<string, number>;
  readonly isFallbackAdapter?: boolean;
}

const GOOD_LIMITS = { ...WEBGPU_REQUIRED_LIMITS, maxStorageBufferBindingSize: 2 ** 30, maxBufferSize: 2 ** 30 };
const swiftShader: FakeAdapter = { info: { vendor: 'google', architecture: 'swiftshader', device: '', description: '', isFallbackAdapter: true }, limits: GOOD_LIMITS };
const nvidia: FakeAdapter = { info: { vendor: 'nvidia', architecture: 'hopper', device: '', description: 'NVIDIA H100 80GB HBM3' }, limits: GOOD_LIMITS };
const compatibility: FakeAdapter = { info: { vendor: 'intel', architecture: 'gen-9', device: '', description: '' }, limits: { ...GOOD_LIMITS, maxStorageBuffersPerShaderStage: 4 } };

function fakeGpu(adapter: FakeAdapter | null | Error): GPU {
  const requestAdapter = () => (adapter instanceof Error ? Promise.reject(adapter) : Promise.resolve(adapter));
  return { requestAdapter } as unknown as GPU;
}

async function statusesWith(adapter: FakeAdapter | null | Error | undefined, available: readonly BackendName[] = ['wasm', 'cpu', 'webgpu']) {
  const finding = await probeGpu(adapter === undefined ? undefined : fakeGpu(adapter));
  return backendStatuses(available, finding);
}

describe('backend choice', () => {
  it('without WebGPU, Automatic takes WebAssembly and says why WebGPU cannot run', async () => {
    const statuses = await statusesWith(undefined, ['wasm', 'cpu']);
    expect(automaticBackend(statuses)).toBe('wasm');
    expect(statuses).toEqual([
      { name: 'wasm', available: true, automatic: true },
      { name: 'cpu', available: true, automatic: false, reason: 'slower than WebAssembly; the reference kernels' },
      { name: 'webgpu', available: false, automatic: false, reason: 'this runtime offers no WebGPU (no navigator.gpu)' },
    ]);
  });

  it('a GPU without an adapter, or whose request fails, leaves WebGPU unavailable with the reason', async () => {
    const none = await statusesWith(null);
    expect(none[2]).toEqual({ name: 'webgpu', available: false, automatic: false, reason: 'no WebGPU adapter was found (no GPU, or its driver is blocked here)' });
    const failed = await statusesWith(new Error('GPU process crashed'));
    expect(failed[2].reason).toBe('asking for a WebGPU adapter failed (GPU process crashed)');
    expect(automaticBackend(failed)).toBe('wasm');
  });

  it('SwiftShader (the fallback adapter) can be forced, and Automatic passes it over as a software renderer', async () => {
    const statuses = await statusesWith(swiftShader);
    expect(statuses[2]).toEqual({ name: 'webgpu', available: true, automatic: false, adapter: 'Google SwiftShader', reason: 'Google SwiftShader is a software renderer, slower than WebAssembly on this CPU' });
    expect(automaticBackend(statuses)).toBe('wasm');
    // Weighed against the CPU reference where WebAssembly cannot run.
    const withoutWasm = await statusesWith(swiftShader, ['cpu', 'webgpu']);
    expect(withoutWasm[2].reason).toBe('Google SwiftShader is a software renderer, slower than the CPU reference kernels');
    expect(withoutWasm[0]).toEqual({ name: 'wasm', available: false, automatic: false, reason: 'this runtime cannot run WebAssembly SIMD, or has no kernels for it' });
    expect(automaticBackend(withoutWasm)).toBe('cpu');
  });

  it('a software renderer is known by its name where the runtime does not flag the fallback adapter', () => {
    const named = (description: string) => ({ info: { vendor: 'mesa', architecture: '', device: '', description } }) as unknown as GPUAdapter;
    expect(isSoftwareAdapter(named('llvmpipe (LLVM 15.0.6, 256 bits)'))).toBe(true);
    expect(isSoftwareAdapter(named('SwiftShader Device (Subzero)'))).toBe(true);
    expect(isSoftwareAdapter(named('Microsoft Basic Render Driver'))).toBe(true);
    expect(isSoftwareAdapter(named('AMD Radeon RX 7900 XTX'))).toBe(false);
    expect(isSoftwareAdapter({ isFallbackAdapter: true } as unknown as GPUAdapter)).toBe(true);
  });

  it('a hardware adapter short of a limit the kernels need is unavailable, naming the limit', async () => {
    const statuses = await statusesWith(compatibility);
    expect(statuses[2]).toEqual({ name: 'webgpu', available: false, automatic: false, adapter: 'Intel gen-9', reason: 'Intel gen-9 lacks limits the kernels need: maxStorageBuffersPerShaderStage 4 (needs 8)' });
    expect(automaticBackend(statuses)).toBe('wasm');
  });

  it('a hardware adapter that meets the limits is Automatic’s pick; the CPU backends say they are slower', async () => {
    const statuses = await statusesWith(nvidia);
    expect(automaticBackend(statuses)).toBe('webgpu');
    expect(statuses).toEqual([
      { name: 'wasm', available: true, automatic: false, reason: 'slower than WebGPU on NVIDIA H100 80GB HBM3' },
      { name: 'cpu', available: true, automatic: false, reason: 'slower than WebGPU on NVIDIA H100 80GB HBM3' },
      { name: 'webgpu', available: true, automatic: true, adapter: 'NVIDIA H100 80GB HBM3' },
    ]);
    expect(statuses.filter((status) => status.automatic)).toHaveLength(1);
  });

  it('the compiled report names the adapter and why Automatic passed the others over', async () => {
    const statuses = await statusesWith(swiftShader);
    expect(choiceReport(statuses, 'wasm', false)).toEqual({
      chosen: 'automatic',
      passedOver: { cpu: 'slower than WebAssembly; the reference kernels', webgpu: 'Google SwiftShader is a software renderer, slower than WebAssembly on this CPU' },
    });
    expect(choiceReport(statuses, 'webgpu', true)).toEqual({ chosen: 'forced', adapter: 'Google SwiftShader', passedOver: { cpu: 'slower than WebAssembly; the reference kernels' } });
  });
});
