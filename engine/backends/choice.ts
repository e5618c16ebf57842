/// <reference types="@webgpu/types" />
// Which backend trains where none is named, and why. The GPU is probed once: is there an adapter,
// what is it, is it a software renderer (SwiftShader, llvmpipe...), does it meet the limits the
// WebGPU kernels need. Every backend then gets a status with its reason. Automatic takes WebGPU
// only on a hardware adapter that meets the limits, else the fastest CPU backend.
import type { BackendName } from './backend.ts';
import { adapterName, missingLimits } from './webgpu/adapter.ts';

/** What the engine knows of one backend here (the protocol's BackendStatus has the same shape). */
export interface BackendStatus {
  readonly name: BackendName;
  /** Whether it can run here (a forced choice works). */
  readonly available: boolean;
  /** Whether Automatic trains on it: exactly one status has it. */
  readonly automatic: boolean;
  /** The GPU adapter it would run on (webgpu), e.g. "Google SwiftShader". */
  readonly adapter?: string;
  /** Why Automatic passes it over, or why it cannot run; absent for Automatic's pick. */
  readonly reason?: string;
}

/** What probing the GPU found. */
export interface GpuFinding {
  /** The adapter's name; absent when there is none. */
  readonly adapter?: string;
  /** A software renderer (the fallback adapter): correct, and slower than the CPU backends. */
  readonly software: boolean;
  /** The limits the adapter falls short of, e.g. "maxStorageBuffersPerShaderStage 4 (needs 8)". */
  readonly missing: readonly string[];
  /** Why there is no adapter to use (no WebGPU, no adapter, the request failed). */
  readonly problem?: string;
}

const SOFTWARE_RENDERERS = ['swiftshader', 'llvmpipe', 'lavapipe', 'softpipe', 'software', 'microsoft basic render'];

interface AdapterWithInfo {
  readonly isFallbackAdapter?: boolean;
  readonly info?: { readonly isFallbackAdapter?: boolean; readonly vendor?: string; readonly architecture?: string; readonly device?: string; readonly description?: string };
}

/** Whether the adapter is a software renderer: the fallback adapter, or one whose info names a software rasterizer. */
export function isSoftwareAdapter(adapter: GPUAdapter): boolean {
  const { isFallbackAdapter, info } = adapter as unknown as AdapterWithInfo;
  if (isFallbackAdapter === true || info?.isFallbackAdapter === true) return true;
  const words = [info?.vendor, info?.architecture, info?.device, info?.description].join(' ').toLowerCase();
  return SOFTWARE_RENDERERS.some((name) => words.includes(name));
}

/** Asks `gpu` for an adapter and reads what it is; never throws. */
export async function probeGpu(gpu: GPU | undefined): Promise<GpuFinding> {
  if (gpu === undefined) return { software: false, missing: [], problem: 'this runtime offers no WebGPU (no navigator.gpu)' };
  try {
    const adapter = await gpu.requestAdapter();
    if (adapter === null) return { software: false, missing: [], problem: 'no WebGPU adapter was found (no GPU, or its driver is blocked here)' };
    return { adapter: adapterName(adapter), software: isSoftwareAdapter(adapter), missing: missingLimits(adapter.limits) };
  } catch (cause) {
    return { software: false, missing: [], problem: `asking for a WebGPU adapter failed (${cause instanceof Error ? cause.message : String(cause)})` };
  }
}

const LABELS: Readonly<Record<BackendName, string>> = { cpu: 'CPU', wasm: 'WebAssembly', webgpu: 'WebGPU' };

/** The WebGPU backend's status from what the probe found; `fastest`: the CPU backend it is weighed against. */
function webgpuStatus(gpu: GpuFinding, fastest: BackendName): BackendStatus {
  const adapter = gpu.adapter;
  if (adapter === undefined) return { name: 'webgpu', available: false, automatic: false, reason: gpu.problem ?? 'no WebGPU adapter was found' };
  if (gpu.missing.length > 0) return { name: 'webgpu', available: false, automatic: false, adapter, reason: `${adapter} lacks limits the kernels need: ${gpu.missing.join(', ')}` };
  if (gpu.software) return { name: 'webgpu', available: true, automatic: false, adapter, reason: `${adapter} is a software renderer, slower than ${fastest === 'cpu' ? 'the CPU reference kernels' : 'WebAssembly on this CPU'}` };
  return { name: 'webgpu', available: true, automatic: true, adapter };
}

/**
 * Every backend's status, in BACKENDS' order: `available` lists the CPU backends this runtime
 * can run, fastest first (webgpu, if listed, is ignored: the probe decides it).
 */
export function backendStatuses(available: readonly BackendName[], gpu: GpuFinding): BackendStatus[] {
  const cpuBackends = (['wasm', 'cpu'] as const).filter((name) => available.includes(name));
  const fastest = cpuBackends[0] ?? 'cpu';
  const webgpu = webgpuStatus(gpu, fastest);
  const pick: BackendName = webgpu.automatic ? 'webgpu' : fastest;
  const cpuStatus = (name: BackendName): BackendStatus => {
    if (!available.includes(name)) return { name, available: false, automatic: false, reason: name === 'wasm' ? 'this runtime cannot run WebAssembly SIMD, or has no kernels for it' : 'not available here' };
    if (name === pick) return { name, available: true, automatic: true };
    return { name, available: true, automatic: false, reason: pick === 'webgpu' ? `slower than WebGPU on ${webgpu.adapter ?? 'the GPU'}` : `slower than ${LABELS[pick]}; the reference kernels` };
  };
  return [cpuStatus('wasm'), cpuStatus('cpu'), webgpu];
}

/** The backend Automatic trains on. */
export function automaticBackend(statuses: readonly BackendStatus[]): BackendName {
  return statuses.find((status) => status.automatic)?.name ?? 'cpu';
}

/** What a run's `compiled` event says of its backend: Automatic's pick or the user's, its adapter, why Automatic passed the others over. */
export interface ChoiceReport {
  readonly chosen: 'automatic' | 'forced';
  readonly adapter?: string;
  readonly passedOver: Partial<Record<BackendName, string>>;
}

export function choiceReport(statuses: readonly BackendStatus[], name: BackendName, forced: boolean): ChoiceReport {
  const passedOver: Partial<Record<BackendName, string>> = {};
  for (const status of statuses) if (status.name !== name && status.reason !== undefined) passedOver[status.name] = status.reason;
  const adapter = statuses.find((status) => status.name === name)?.adapter;
  return { chosen: forced ? 'forced' : 'automatic', ...(adapter === undefined ? {} : { adapter }), passedOver };
}
