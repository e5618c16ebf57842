// The backends the engine suite runs on, for every test that trains or compares against PyTorch:
// the cpu reference, wasm on 1 thread and wasm on 2 threads (the registered backends, created by
// name as the app and the CLI create them), and webgpu through the `webgpu` package (SwiftShader
// without a GPU), which runs the checks that read through the backend seam asynchronously and
// skips the others (each with its reason). A third backend plugs in with one entry here: its
// tolerance and the checks it skips, each with the reason next to it. The op spec runs kernel
// variants of these backends (spec/backends.ts) against the cpu reference.
import { afterAll, beforeAll } from 'vitest';
import { createBackend, type Backend, type BackendName } from '../../../engine/backends/index.ts';
import { createWebGpuBackend } from '../../../engine/backends/webgpu/index.ts';
import type { OpName } from '../../../engine/ir/index.ts';
import { nodeGpu } from './webgpu/nodeGpu.ts';

/** The checks of the suite that run per backend (each names the test files it stands for). */
export type SuiteCheck =
  /** torchParity.test.ts in float64 at 1e-10, and layerGradients.test.ts's float64 finite differences. */
  | 'float64'
  /** torchParity.test.ts in float32, at the backend's parityTolerance. */
  | 'parity'
  /** The learning tests that take seconds on wasm: exampleLearning, the LSTMs, lstmEcho, the ring GAN. */
  | 'learning'
  /** The long learning tests (tens of seconds on wasm): LeNet's 2 epochs, the dense autoencoders. */
  | 'long learning'
  /** The small runs: XOR, X-vs-O, divergence, the GAN's bookkeeping. */
  | 'small runs'
  /** The DCGAN example's few steps and samples (gan.test.ts): the slowest small run. */
  | 'DCGAN steps'
  /** Same seed, same losses bit for bit; checkpoints resume bit for bit on the same backend. */
  | 'determinism'
  /** The worker host's runs (it creates its backend by name, with the environment's threads). */
  | 'host';

export interface BackendUnderTest {
  /** How tests name it: 'cpu', 'wasm', 'wasm ×2'. */
  readonly label: string;
  readonly name: BackendName;
  readonly threads: number;
  /**
   * Relative tolerance of the float32 PyTorch parity (torchParity.test.ts's measure: against
   * max(|expected|, 1e-2 of the tensor's largest |value|)). The cpu reference sums in double
   * precision; wasm sums float32 in SIMD lanes and blocks, so a sum of n terms drifts by about
   * n · 6e-8 of its largest term.
   */
  readonly parityTolerance: number;
  /** Checks this backend cannot run, with the reason. */
  readonly skip: Readonly<Partial<Record<SuiteCheck, string>>>;
  /** Checks this backend skips to keep the suite's time, with the reason; NETLOOM_TEST_EVERY_BACKEND=1 runs them. */
  readonly costly?: Readonly<Partial<Record<SuiteCheck, string>>>;
  readonly create: () => Promise<Backend>;
}

const WASM_FLOAT32 = 'wasm computes in float32 only; the float64 fixtures and gradient checks run on the cpu reference.';
const WEBGPU_OFF_HOST = 'the WebGPU backend keeps its buffers off the host, which the determinism and checkpoint tests read synchronously (Model.input, target, tensor); the training loops read through Model.view, as the small runs and the parity check do on it.';
const SWIFTSHADER_SLOW = 'on SwiftShader (a GPU in software, on these CPUs) each exceeds its 30 to 60 s limit; on a real GPU NETLOOM_TEST_EVERY_BACKEND=1 runs them (bench/gpu/run.sh does). The small runs and the parity check run on it here, and test/engine/cli/webgpuTrain.test.ts trains X-vs-O for an epoch.';
/** The `webgpu` package's GPU in this test process, or why there is none (then every webgpu check is skipped with that reason). */
const { gpu, reason: noGpu } = await nodeGpu();
const SAME_ARITHMETIC = 'a long run; 2 threads split the kernels that 1 thread runs whole, as the op spec, the determinism tests and the shorter learning tests check.';

export const BACKENDS_UNDER_TEST: readonly BackendUnderTest[] = [
  { label: 'cpu', name: 'cpu', threads: 1, parityTolerance: 1e-4, skip: {}, create: () => createBackend('cpu') },
  { label: 'wasm', name: 'wasm', threads: 1, parityTolerance: 1e-4, skip: { float64: WASM_FLOAT32 }, create: () => createBackend('wasm', { threads: 1 }) },
  {
    label: 'wasm ×2',
    name: 'wasm',
    threads: 2,
    parityTolerance: 1e-4,
    skip: {
      float64: WASM_FLOAT32,
      host: 'the host creates its backend by name with the environment\'s threads (1 in tests); test/engine/cli/engineWorker.test.ts runs the host on wasm with 2 threads.',
    },
    costly: { 'long learning': SAME_ARITHMETIC },
    create: () => createBackend('wasm', { threads: 2 }),
  },
  {
    // The `webgpu` package's GPU (test/engine/backends/webgpu/nodeGpu.ts), handed to the backend directly: the tests' environment offers no GPU by name.
    label: 'webgpu',
    name: 'webgpu',
    threads: 1,
    parityTolerance: 1e-4,
    skip: gpu === undefined
      ? { float64: noGpu, parity: noGpu, learning: noGpu, 'long learning': noGpu, 'small runs': noGpu, 'DCGAN steps': noGpu, determinism: noGpu, host: noGpu }
      : {
          float64: 'WebGPU computes in float32 only; the float64 fixtures and gradient checks run on the cpu reference.',
          determinism: 'seeded bit-for-bit determinism is not required on a GPU; besides, ' + WEBGPU_OFF_HOST,
          host: 'the host creates its backend by name from the environment, which gives tests no GPU.',
        },
    costly: { learning: SWIFTSHADER_SLOW, 'long learning': SWIFTSHADER_SLOW, 'DCGAN steps': SWIFTSHADER_SLOW },
    create: () => (gpu === undefined ? Promise.reject(new Error(noGpu)) : createWebGpuBackend({ gpu })),
  },
];

/**
 * Ops whose kernels a backend does not have yet, with the reason: the op spec (opSpec.test.ts,
 * every op against the cpu reference at 1e-4 relative + 1e-5 of the output's scale) skips them.
 * Empty: wasm and webgpu run every op of the IR (a test checks that this list names exactly the
 * ops missing from engine/backends/webgpu/registry.ts, each with the reason "no WebGPU kernel yet").
 */
export const OP_SPEC_SKIPS: Readonly<Partial<Record<BackendName, Readonly<Partial<Record<OpName, string>>>>>> = { wasm: {}, webgpu: {} };

/** A backend for one check: `title` names it, and the skip reason when it does not run it. */
export interface BackendCase extends BackendUnderTest {
  readonly title: string;
  readonly skipped: boolean;
}

/**
 * The backends under test for a check, skipped ones included, as rows for describe.each with
 * '%s': the title (with the skip reason where skipped), then the backend.
 */
export function backendsFor(check: SuiteCheck): [string, BackendCase][] {
  return BACKENDS_UNDER_TEST.map((backend) => {
    const reason = skipReason(backend, check);
    const title = reason === undefined ? backend.label : `${backend.label} (skipped: ${reason})`;
    return [title, { ...backend, skipped: reason !== undefined, title }];
  });
}

/** Why `backend` skips `check`, or undefined when it runs it. */
export function skipReason(backend: BackendUnderTest, check: SuiteCheck): string | undefined {
  const everyBackend = process.env.NETLOOM_TEST_EVERY_BACKEND === '1';
  return backend.skip[check] ?? (everyBackend ? undefined : backend.costly?.[check]);
}

/** The backends that run a check (no skipped ones). */
export function runningBackends(check: SuiteCheck): BackendUnderTest[] {
  return BACKENDS_UNDER_TEST.filter((backend) => skipReason(backend, check) === undefined);
}

/**
 * Creates the backend before the tests of the enclosing describe and disposes it after; call the
 * returned function inside a test. Nothing is created for a skipped backend.
 */
export function useBackend(backend: BackendCase | BackendUnderTest): () => Backend {
  let created: Backend | undefined;
  const skipped = 'skipped' in backend && backend.skipped;
  beforeAll(async () => {
    if (!skipped) created = await backend.create();
  });
  afterAll(() => {
    created?.dispose();
    created = undefined;
  });
  return () => {
    if (created === undefined) throw new Error(`The ${backend.label} backend was not created: call useBackend inside its describe.`);
    return created;
  };
}
