// The backends by name. The engine above the seam creates one here and never imports a backend's
// kernels. Adding a backend is one entry in BACKENDS (fastest first).
import type { Backend, BackendName } from './backend.ts';
import { createCpuBackend } from './cpu/backend.ts';

export type * from './backend.ts';

export interface BackendOptions {
  /** Threads a threaded backend may use (default: what the machine offers). */
  readonly threads?: number;
}

interface BackendEntry {
  readonly name: BackendName;
  /** Whether this runtime can run it (WebAssembly SIMD, a GPU adapter...). */
  readonly available: () => boolean;
  readonly create: (options: BackendOptions) => Promise<Backend>;
}

/** Every registered backend, fastest first: the first available one is the default. */
const BACKENDS: readonly BackendEntry[] = [
  { name: 'cpu', available: () => true, create: () => Promise.resolve(createCpuBackend()) },
];

/** The names of the backends this runtime can run, fastest first. */
export function availableBackends(): BackendName[] {
  return BACKENDS.filter((entry) => entry.available()).map((entry) => entry.name);
}

/** The fastest backend this runtime can run. */
export function defaultBackendName(): BackendName {
  return availableBackends()[0] ?? 'cpu';
}

const LABELS: Readonly<Record<BackendName, string>> = { cpu: 'CPU', wasm: 'WebAssembly', webgpu: 'WebGPU' };

/** Why `name` cannot run here, in one line that lists the backends that can; null when it can. */
export function backendProblem(name: string): string | null {
  if (availableBackends().includes(name as BackendName)) return null;
  const choices = `choose one of: ${availableBackends().join(', ')}.`;
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
