// The backend a user picks for training (Automatic: the fastest the engine has) and how the
// dashboard names the one that trains: what it is, its threads, and why one thread when that is
// all the page allows. Plain logic; RunControls and ProgressPanel draw it.
import type { BackendName, RunSettings } from '../../engine/protocol/index.ts';

export type BackendChoice = 'auto' | BackendName;

/** Where the choice is kept between sessions (Web Storage, like the other preferences). */
export const BACKEND_CHOICE_KEY = 'netloom.backend';

export const BACKEND_LABELS: Readonly<Record<BackendName, string>> = { wasm: 'WebAssembly', cpu: 'CPU', webgpu: 'WebGPU' };

const KNOWN_BACKENDS: readonly BackendName[] = ['wasm', 'cpu', 'webgpu'];

export interface BackendOption {
  readonly value: BackendChoice;
  readonly label: string;
}

/** A stored choice read back: anything unknown is Automatic. */
export function parseBackendChoice(text: string | null): BackendChoice {
  return KNOWN_BACKENDS.includes(text as BackendName) ? (text as BackendName) : 'auto';
}

/** The choice that applies: a backend the engine does not list falls back to Automatic (until the engine has said what it has, the choice stands). */
export function effectiveChoice(choice: BackendChoice, available: readonly BackendName[]): BackendChoice {
  if (choice === 'auto' || available.length === 0) return choice;
  return available.includes(choice) ? choice : 'auto';
}

/** Automatic first, then each backend the engine lists, fastest first (before it has, the current choice). */
export function backendOptions(available: readonly BackendName[], choice: BackendChoice): readonly BackendOption[] {
  const listed = available.length === 0 && choice !== 'auto' ? [choice] : available;
  return [{ value: 'auto', label: 'Automatic' }, ...listed.map((name) => ({ value: name, label: BACKEND_LABELS[name] }))];
}

/** One line for the setting's hover: what Automatic picks here and what each choice means. */
export function backendChoiceHint(available: readonly BackendName[]): string {
  const fastest = available[0];
  const automatic = fastest === undefined ? 'Automatic trains on the fastest backend available' : `Automatic trains on the fastest here, ${BACKEND_LABELS[fastest]}`;
  return `${automatic}; CPU runs the plain reference kernels, slower, to compare results. Applies from the next Train.`;
}

/** The run settings' share of the choice: nothing for Automatic (the engine picks). */
export function backendSetting(choice: BackendChoice): Pick<RunSettings, 'backend'> {
  return choice === 'auto' ? {} : { backend: choice };
}

/** The backend a run trains on, as the engine's `compiled` event says. */
export interface RunningBackend {
  readonly backend: BackendName;
  readonly description?: string;
  readonly threads?: number;
}

export interface BackendSummary {
  /** What computes, short enough for the progress row, e.g. "WebAssembly SIMD with relaxed FMA". */
  readonly name: string;
  /** e.g. "2 threads"; empty when the engine did not say. */
  readonly threads: string;
  /** One line for the hover: the engine's own description, what the backend is, and why one thread where the page allows no more. */
  readonly explanation: string;
}

const EXPLANATIONS: Readonly<Record<BackendName, string>> = {
  wasm: 'the fastest engine on this machine',
  cpu: 'the plain reference kernels, slower, kept to check the other backends’ results',
  webgpu: 'kernels on the graphics card through WebGPU',
};

/** How the dashboard names the running backend; `isolated` is the engine's cross-origin isolation (null: not told). */
export function backendSummary(running: RunningBackend, isolated: boolean | null): BackendSummary {
  const count = running.threads;
  const threads = count === undefined ? '' : `${count} thread${count === 1 ? '' : 's'}`;
  const description = running.description ?? [BACKEND_LABELS[running.backend], threads].filter((part) => part !== '').join(', ');
  const full = description.replace(/,\s*\d+ threads?$/, '').trim() || BACKEND_LABELS[running.backend];
  const name = full.replace(/fused multiply-add/, 'FMA');
  return { name, threads, explanation: `${description}: ${EXPLANATIONS[running.backend]}${threadReason(running.backend, count, isolated)}.` };
}

function threadReason(backend: BackendName, threads: number | undefined, isolated: boolean | null): string {
  if (backend !== 'wasm' || threads === undefined) return '';
  if (threads > 1) return `, splitting large layers across ${threads} threads over shared memory`;
  if (isolated === false) return '; one thread because this page is not cross-origin isolated, so the browser gives the engine no shared memory for helper threads';
  return isolated === true ? '; one thread because this machine offers the engine one core' : '';
}
