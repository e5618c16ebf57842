// The backend a user picks for training (Automatic: what the engine picks, WebGPU on a hardware
// GPU, else the fastest CPU backend) and how the dashboard names the one that trains: what it is,
// its threads, why one thread when that is all the page allows, and why it runs (the user's
// choice, or Automatic's with the reason WebGPU was passed over). Plain logic; RunControls and
// ProgressPanel draw it.
import type { BackendName, BackendStatus, RunSettings } from '../../engine/protocol/index.ts';

export type BackendChoice = 'auto' | BackendName;

/** Where the choice is kept between sessions (Web Storage, like the other preferences). */
export const BACKEND_CHOICE_KEY = 'netloom.backend';

export const BACKEND_LABELS: Readonly<Record<BackendName, string>> = { wasm: 'WebAssembly', cpu: 'CPU', webgpu: 'WebGPU' };

const KNOWN_BACKENDS: readonly BackendName[] = ['wasm', 'cpu', 'webgpu'];

export interface BackendOption {
  readonly value: BackendChoice;
  readonly label: string;
  /** A backend the engine cannot run here: shown, not chosen. */
  readonly disabled?: boolean;
  /** What it is or why it cannot run (the option's hover). */
  readonly hint?: string;
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

/** The backends a choice may name: those the engine's statuses say run here, else those its greeting lists. */
export function offeredBackends(listed: readonly BackendName[], statuses: readonly BackendStatus[]): readonly BackendName[] {
  return statuses.length === 0 ? listed : statuses.filter((status) => status.available).map((status) => status.name);
}

/**
 * Automatic first, then each backend: with the engine's statuses every one, WebGPU with its
 * adapter, one that cannot run here disabled with the reason; before them, the backends the
 * engine lists (before it has, the current choice).
 */
export function backendOptions(available: readonly BackendName[], choice: BackendChoice, statuses: readonly BackendStatus[] = []): readonly BackendOption[] {
  if (statuses.length > 0) return [{ value: 'auto', label: 'Automatic' }, ...statuses.map(statusOption)];
  const listed = available.length === 0 && choice !== 'auto' ? [choice] : available;
  return [{ value: 'auto', label: 'Automatic' }, ...listed.map((name) => ({ value: name, label: BACKEND_LABELS[name] }))];
}

function statusOption(status: BackendStatus): BackendOption {
  const label = status.adapter === undefined ? BACKEND_LABELS[status.name] : `${BACKEND_LABELS[status.name]} (${status.adapter})`;
  if (!status.available) return { value: status.name, label, disabled: true, hint: `Not available here: ${status.reason ?? 'the engine cannot run it'}` };
  return status.reason === undefined ? { value: status.name, label, hint: 'Automatic’s pick here' } : { value: status.name, label, hint: `Automatic passes it over: ${status.reason}` };
}

/** One line for the setting's hover: what Automatic picks here (and why not WebGPU) and what each choice means. */
export function backendChoiceHint(available: readonly BackendName[], statuses: readonly BackendStatus[] = []): string {
  const picked = statuses.find((status) => status.automatic)?.name ?? available[0];
  const webgpu = statuses.find((status) => status.name === 'webgpu' && !status.automatic)?.reason;
  const automatic = picked === undefined ? 'Automatic trains on the fastest backend available' : `Automatic trains on ${BACKEND_LABELS[picked]} here`;
  const passedOver = webgpu === undefined ? '' : ` (WebGPU passed over: ${webgpu})`;
  return `${automatic}${passedOver}; CPU runs the plain reference kernels, slower, to compare results. Applies from the next Train; a paused or finished run's weights carry over to the new backend.`;
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
  /** Automatic's pick or the user's. */
  readonly chosen?: 'automatic' | 'forced';
  readonly adapter?: string;
  /** Why Automatic did not take the other backends, by name. */
  readonly passedOver?: Readonly<Partial<Record<BackendName, string>>>;
  /** The weights the run goes on from, carried over from another backend. */
  readonly carried?: { readonly from: BackendName; readonly steps: number };
}

export interface BackendSummary {
  /** What computes, short enough for the progress row, e.g. "WebAssembly SIMD with relaxed FMA". */
  readonly name: string;
  /** e.g. "2 threads"; empty when the engine did not say. */
  readonly threads: string;
  /** One line for the hover: the engine's own description, what the backend is, and why one thread where the page allows no more. */
  readonly explanation: string;
  /** Why this backend runs, short (e.g. "WebGPU passed over: Google SwiftShader is a software renderer"); empty when the engine did not say. */
  readonly reason: string;
}

const EXPLANATIONS: Readonly<Record<BackendName, string>> = {
  wasm: 'the fastest engine on this machine',
  cpu: 'the plain reference kernels, slower, kept to check the other backends’ results',
  webgpu: 'kernels on the graphics card through WebGPU',
};

/** How the dashboard names the running backend; `isolated` is the engine's cross-origin isolation (null: not told). */
export function backendSummary(running: RunningBackend, isolated: boolean | null): BackendSummary {
  const count = running.threads;
  // A GPU's threads are not the engine's to count.
  const threads = count === undefined || running.backend === 'webgpu' ? '' : `${count} thread${count === 1 ? '' : 's'}`;
  const description = running.description ?? [BACKEND_LABELS[running.backend], threads].filter((part) => part !== '').join(', ');
  const full = description.replace(/,\s*\d+ threads?$/, '').trim() || BACKEND_LABELS[running.backend];
  const name = full.replace(/fused multiply-add/, 'FMA');
  const reasons = whyItRuns(running);
  const explanation = `${description}: ${EXPLANATIONS[running.backend]}${threadReason(running.backend, count, isolated)}.`;
  return { name, threads, explanation: [explanation, ...reasons.long].join(' '), reason: reasons.short.join(' · ') };
}

/** Why the backend runs: short for the progress row, whole sentences for the hover. */
function whyItRuns({ backend, chosen, passedOver = {}, carried }: RunningBackend): { short: string[]; long: string[] } {
  const short: string[] = [];
  const long: string[] = [];
  if (chosen === 'forced') {
    short.push('chosen in the setting');
    long.push('Chosen in the Backend setting.');
  }
  const webgpu = passedOver.webgpu;
  if (chosen === 'automatic' && backend !== 'webgpu' && webgpu !== undefined) {
    short.push(`WebGPU passed over: ${webgpu.replace(/ is a software renderer.*$/, ' (software)').replace(/: .*$/, '')}`);
    long.push(`Automatic passed WebGPU over: ${webgpu}.`);
  }
  if (chosen === 'automatic' && backend === 'webgpu') {
    short.push('Automatic: a hardware GPU');
    long.push('Automatic picked WebGPU: a hardware GPU that meets the kernels’ limits.');
  }
  if (carried !== undefined) {
    short.push(`weights from step ${carried.steps} on ${BACKEND_LABELS[carried.from]}`);
    long.push(`The run goes on from the weights of step ${carried.steps}, carried over from ${BACKEND_LABELS[carried.from]}.`);
  }
  return { short, long };
}

function threadReason(backend: BackendName, threads: number | undefined, isolated: boolean | null): string {
  if (backend !== 'wasm' || threads === undefined) return '';
  if (threads > 1) return `, splitting large layers across ${threads} threads over shared memory`;
  if (isolated === false) return '; one thread because this page is not cross-origin isolated, so the browser gives the engine no shared memory for helper threads';
  return isolated === true ? '; one thread because this machine offers the engine one core' : '';
}
