// Training speed in the app itself: the production web build (`vite build` + `vite preview`) in
// Debian's Chromium trains the LeNet-5 example (`?example=lenet5`, the MNIST digits) at batch 64,
// the training benchmark's LeNet, for a while. The page listens to the engine worker's events:
// `compiled` says which backend and how many threads run, `progress` the step and the samples/s
// the progress panel shows. Run just this with `npx tsx bench/browserTraining.ts` (`--no-build`
// reuses build/web; `--seconds 20`).
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import type { BenchResult } from './measure.ts';
import { middle } from './measure.ts';
import { startPreviewServer } from './previewServer.ts';
import { CHROMIUM_ARGS } from './uiFrames.ts';

/** The training benchmark's LeNet batch: the app's rate compares with the Node rate at the same batch. */
const BATCH_SIZE = 64;
/** Training before the measured window: the data loads, the kernels compile and warm up. */
const WARM_UP_MS = 3000;

/** What the page records of the engine worker's events (see recordEngineEvents). */
interface EngineLog {
  readonly compiled: { readonly backend: string; readonly description?: string; readonly threads?: number } | null;
  readonly progress: readonly { readonly time: number; readonly step: number; readonly samplesPerSecond: number }[];
  readonly problems: readonly string[];
  readonly isolated: boolean;
  readonly cores: number;
}

/** Node's LeNet rate for the same backend and threads, from the training benchmark of this run. */
export interface NodeRate {
  readonly label: string;
  readonly backend: string;
  readonly threads: number;
  readonly samplesPerSecond: number;
}

export interface BrowserTrainingOptions {
  readonly seconds: number;
  readonly build?: boolean;
  /** Netloom's Node rates on LeNet-5 batch 64 measured by the training benchmark in this run, if it ran. */
  readonly nodeRates?: readonly NodeRate[];
}

/** Runs in the page before the app: every engine worker's compiled, progress and problem events land in a log. */
function recordEngineEvents(): void {
  type Log = { compiled: unknown; progress: unknown[]; problems: string[] };
  const log: Log = { compiled: null, progress: [], problems: [] };
  (globalThis as unknown as { netloomEngineLog: Log }).netloomEngineLog = log;
  const Original = globalThis.Worker;
  globalThis.Worker = class extends Original {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      if (options?.name !== 'netloom-engine') return;
      this.addEventListener('message', (message: MessageEvent<{ type?: string; backend?: string; description?: string; threads?: number; step?: number; samplesPerSecond?: number; problems?: { message: string }[] }>) => {
        const event = message.data;
        if (event.type === 'compiled') log.compiled = { backend: event.backend, description: event.description, threads: event.threads };
        if (event.type === 'progress') log.progress.push({ time: performance.now(), step: event.step, samplesPerSecond: event.samplesPerSecond });
        if (event.type === 'problem') log.problems.push(...(event.problems ?? []).map((problem) => problem.message));
      });
    }
  };
}

async function readLog(page: Page): Promise<EngineLog> {
  return page.evaluate(() => {
    const log = (globalThis as unknown as { netloomEngineLog: Omit<EngineLog, 'isolated' | 'cores'> }).netloomEngineLog;
    return { ...log, isolated: globalThis.crossOriginIsolated, cores: navigator.hardwareConcurrency };
  });
}

async function waitForProgress(page: Page, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const log = await readLog(page);
    if (log.problems.length > 0) throw new Error(`The app could not train LeNet-5: ${log.problems[0]}`);
    if (log.progress.length > 0) return;
    if (Date.now() > deadline) throw new Error(`The app showed no training progress within ${timeoutMs / 1000} s of pressing Train (is build/data/mnist.bin there? \`node scripts/buildData.mjs\` makes it).`);
    await page.waitForTimeout(250);
  }
}

interface Measured {
  readonly log: EngineLog;
  /** Steps × batch over the measured window's wall time: epoch ends and validation included. */
  readonly throughput: number;
  /** The samples/s the progress panel showed: its last value, and the median over the window. */
  readonly shownLast: number;
  readonly shownMedian: number;
  readonly panelText: string;
  readonly steps: number;
  readonly seconds: number;
}

async function trainInApp(page: Page, url: string, seconds: number): Promise<Measured> {
  await page.addInitScript(recordEngineEvents);
  await page.goto(`${url}/?example=lenet5`);
  await page.getByTestId('layer-node').first().waitFor();
  await page.getByTestId('dashboard').waitFor();
  await page.getByTestId('setting-batchSize').fill(String(BATCH_SIZE));
  await page.getByTestId('setting-epochs').fill('1000');
  await page.getByTestId('run-train').click();
  await waitForProgress(page, 120_000);
  await page.waitForTimeout(WARM_UP_MS);
  const start = (await readLog(page)).progress.length;
  await page.waitForTimeout(seconds * 1000);
  const log = await readLog(page);
  const panelText = (await page.getByTestId('progress-panel').innerText()).replace(/\s+/g, ' ');
  await page.getByTestId('run-stop').click();
  const window = log.progress.slice(Math.max(0, start - 1));
  const [first, last] = [window[0], window[window.length - 1]];
  if (first === undefined || last === undefined || last.step <= first.step) throw new Error(`The app made no training steps in ${seconds} s (${log.progress.length} progress events).`);
  const wall = (last.time - first.time) / 1000;
  return {
    log,
    throughput: ((last.step - first.step) * BATCH_SIZE) / wall,
    shownLast: last.samplesPerSecond,
    shownMedian: middle(window.map((event) => event.samplesPerSecond)),
    panelText,
    steps: last.step - first.step,
    seconds: wall,
  };
}

const count = (value: number) => Math.round(value).toLocaleString('en');

function comparisonRow(measured: Measured, nodeRates: readonly NodeRate[] | undefined): [string, string] {
  const { compiled } = measured.log;
  const label = 'Netloom in the browser / in Node (LeNet-5, batch 64)';
  if (nodeRates === undefined) return [label, 'the training benchmark did not run in this run (`--only training,browser` runs both)'];
  const node = nodeRates.find((rate) => rate.backend === compiled?.backend && rate.threads === compiled.threads);
  if (node === undefined) return [label, `no Node engine on ${compiled?.backend ?? '?'} with ${compiled?.threads ?? '?'} threads in this run (Node measured: ${nodeRates.map((rate) => rate.label).join(', ')})`];
  const others = nodeRates.filter((rate) => rate !== node).map((rate) => `${rate.label} ${count(rate.samplesPerSecond)}`);
  return [label, `${count(measured.shownMedian)} shown in the app / ${count(node.samplesPerSecond)} ${node.label} in Node = ${(measured.shownMedian / node.samplesPerSecond).toFixed(2)}× (throughput with data and validation: ${(measured.throughput / node.samplesPerSecond).toFixed(2)}×)${others.length > 0 ? `; other Node engines: ${others.join(', ')}` : ''}`];
}

export async function benchBrowserTraining({ seconds, build = true, nodeRates }: BrowserTrainingOptions): Promise<BenchResult> {
  const server = await startPreviewServer({ build });
  const load = loadavg()[0];
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const measured = await trainInApp(page, server.url, seconds);
    const { compiled, isolated, cores } = measured.log;
    const threads = compiled?.threads ?? 1;
    // The page must be cross-origin isolated (the preview server's headers): one thread otherwise.
    const fastest = compiled?.backend === 'wasm' && isolated && threads === Math.min(cores, 8);
    return {
      name: 'Training speed in the browser app',
      rows: [
        ['how', `Debian Chromium (headless) via Playwright, production build (\`vite build\` + \`vite preview\`); the LeNet-5 example (\`?example=lenet5\`, MNIST digits) at batch ${BATCH_SIZE} (the training benchmark's LeNet), ${(WARM_UP_MS / 1000).toFixed(0)} s of warm-up, then ${seconds} s measured; the page records the engine worker's events; \`npx tsx bench/browserTraining.ts\` runs only this`],
        ['machine load', `${cpus().length} cores shared with other jobs (1-minute load average ${load.toFixed(1)} at the start): compare runs with care`],
        ['backend the app chose', `${compiled?.backend ?? 'unknown (no compiled event)'}: ${compiled?.description ?? `no description, ${threads} thread(s)`}; page cross-origin isolated: ${isolated ? 'yes' : 'NO (one thread only)'}; navigator.hardwareConcurrency ${cores}`],
        ['samples/s shown in the progress panel (median over the window / last)', `${count(measured.shownMedian)} / ${count(measured.shownLast)} (the panel read "${measured.panelText}")`],
        ['throughput over the window (steps × batch / wall time; epoch ends and validation included)', `${count(measured.throughput)} samples/s (${measured.steps} steps in ${measured.seconds.toFixed(1)} s)`],
        comparisonRow(measured, nodeRates),
        ['target: the app trains on the fastest backend (wasm), cross-origin isolated, on every core (at most 8 threads)', fastest ? 'met' : 'missed'],
      ],
      pass: fastest,
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (process.argv[1] !== undefined && import.meta.filename === resolve(process.argv[1])) {
  const index = process.argv.indexOf('--seconds');
  const result = await benchBrowserTraining({ seconds: index === -1 ? 20 : Number(process.argv[index + 1]), build: !process.argv.includes('--no-build') });
  console.log(`${result.pass ? 'meets target' : 'MISSES TARGET'}: ${result.name}`);
  for (const [label, value] of result.rows) console.log(`  ${label}: ${value}`);
}
