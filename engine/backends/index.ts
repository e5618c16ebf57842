// The backends by name. The engine above the seam creates one here and never imports a backend's
// kernels. Adding a backend is one entry in BACKENDS (fastest first). What a backend needs from
// the runtime it runs in (the wasm kernels' bytes, a way to start pool workers, the cores) comes
// from the entry point through setBackendEnvironment: engine/cli in Node, engine/worker in a
// browser; without it only the cpu backend is available.
import type { Backend, BackendName } from './backend.ts';
import { backendStatuses, probeGpu, type BackendStatus } from './choice.ts';
import { createCpuBackend } from './cpu/backend.ts';
import { createWasmBackend, simdSupported, type PoolWorker, type WasmBuild } from './wasm/index.ts';
import { createWebGpuBackend, type WebGpuBackendOptions } from './webgpu/index.ts';

export type * from './backend.ts';
export { automaticBackend, choiceReport, type BackendStatus, type ChoiceReport } from './choice.ts';

export interface BackendOptions {
  /** Threads a threaded backend may use (default: what the machine offers). */
  readonly threads?: number;
}

export interface BackendEnvironment {
  /** The bytes of one build of the wasm kernels; the wasm backend is available only with it. */
  readonly loadWasm?: (build: WasmBuild) => Promise<BufferSource>;
  /** Starts one pool worker for the wasm backend's threads; without it the wasm backend runs on one thread. */
  readonly spawnPoolWorker?: () => PoolWorker;
  /** The cores this runtime offers: the default thread count. */
  readonly cores?: number;
  /** The GPU (navigator.gpu, or the `webgpu` package's in Node); the webgpu backend is available only with it. */
  readonly gpu?: WebGpuBackendOptions['gpu'];
}

let environment: BackendEnvironment = {};

/** Called once by an entry point (the CLI, the engine worker, test set-up) before creating backends. */
export function setBackendEnvironment(next: BackendEnvironment): void {
  environment = next;
}

interface BackendEntry {
  readonly name: BackendName;
  /** Whether this runtime can run it (WebAssembly SIMD, a GPU adapter...). */
  readonly available: () => boolean;
  readonly create: (options: BackendOptions) => Promise<Backend>;
  /** False where the backend runs only when asked for by name (never the default). */
  readonly automatic?: boolean;
}

/** Every registered backend, fastest first: the first available one is the default. */
const BACKENDS: readonly BackendEntry[] = [
  {
    name: 'wasm',
    available: () => environment.loadWasm !== undefined && simdSupported(),
    create: ({ threads }) => {
      const { loadWasm, spawnPoolWorker, cores } = environment;
      if (loadWasm === undefined) throw new Error('The wasm backend has no kernels to load in this runtime.');
      return createWasmBackend({ loadModule: loadWasm, spawnWorker: spawnPoolWorker, threads: threads ?? cores });
    },
  },
  { name: 'cpu', available: () => true, create: () => Promise.resolve(createCpuBackend()) },
  {
    // Never the synchronous default (the CLI's): Automatic takes it only once the GPU is probed and
    // found to be a hardware adapter with the kernels' limits (probeBackends, choice.ts).
    name: 'webgpu',
    available: () => environment.gpu !== undefined,
    automatic: false,
    create: () => {
      const { gpu } = environment;
      if (gpu === undefined) throw new Error('The webgpu backend has no GPU in this runtime.');
      return createWebGpuBackend({ gpu });
    },
  },
];

/** The names of the backends this runtime can run, fastest first. */
export function availableBackends(): BackendName[] {
  return BACKENDS.filter((entry) => entry.available()).map((entry) => entry.name);
}

/** Every backend's status here, with the GPU probed: which Automatic picks and why the others are passed over (choice.ts). */
export async function probeBackends(): Promise<BackendStatus[]> {
  return backendStatuses(availableBackends(), await probeGpu(environment.gpu));
}

/** The fastest backend this runtime can run without probing a GPU (the CLI's default). */
export function defaultBackendName(): BackendName {
  return BACKENDS.find((entry) => entry.automatic !== false && entry.available())?.name ?? 'cpu';
}

const LABELS: Readonly<Record<BackendName, string>> = { cpu: 'CPU', wasm: 'WebAssembly', webgpu: 'WebGPU' };

/** Why `name` cannot run here, in one line that lists the backends that can; null when it can. */
export function backendProblem(name: string): string | null {
  if (availableBackends().includes(name as BackendName)) return null;
  const choices = `choose one of: ${availableBackends().join(', ')}.`;
  if (name === 'webgpu') return `The WebGPU backend needs a GPU, which this runtime did not offer; ${choices}`;
  return name in LABELS ? `The ${LABELS[name as BackendName]} backend is not available in this version; ${choices}` : `Unknown backend "${name}"; ${choices}`;
}

/** Creates the backend `name` (default: the fastest available); an unknown or unavailable name is an error that lists the others. */
export async function createBackend(name: string = defaultBackendName(), options: BackendOptions = {}): Promise<Backend> {
  const entry = BACKENDS.find((candidate) => candidate.name === name && candidate.available());
  if (entry === undefined) throw new Error(backendProblem(name) ?? `The backend "${name}" is not registered.`);
  return entry.create(options);
}

/** The reference backend, created synchronously: the default of Model.compile and of tests. */
export function referenceBackend(): Backend {
  return createCpuBackend();
}
