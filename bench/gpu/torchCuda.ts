// PyTorch on CUDA beside the WebGPU benchmark: bench/training/pytorch.py with --device cuda (the
// same models and protocol as the CPU training benchmark), where its Python imports torch with
// CUDA. The interpreter is NETLOOM_BENCH_PYTHON, else Debian's /usr/bin/python3, else python3 on the PATH.
import { existsSync } from 'node:fs';
import { Driver } from '../training/driver.ts';
import type { ModelSpec } from '../training/models.ts';
import type { EngineInfo, TrialReply } from '../training/protocol.ts';

const ROOT = new URL('../..', import.meta.url).pathname;

export class TorchCuda {
  constructor(readonly driver: Driver) {}

  async prepare(spec: ModelSpec): Promise<void> {
    const parameters = await this.driver.request<number>({ command: 'prepare', model: spec });
    if (parameters !== spec.parameters) throw new Error(`PyTorch built ${spec.label} with ${parameters} trainable parameters, not ${spec.parameters}: fix bench/training/pytorch.py.`);
  }

  async samplesPerSecond(spec: ModelSpec, seconds: number): Promise<number> {
    const trial = await this.driver.request<TrialReply>({ command: 'trial', model: spec.name, seconds });
    return (trial.steps * spec.batchSize) / trial.seconds;
  }

  async matmulGflops(size: number, seconds: number): Promise<number> {
    const trial = await this.driver.request<TrialReply>({ command: 'matmul', size, seconds });
    return (2 * size ** 3 * trial.steps) / trial.seconds / 1e9;
  }

  close(): void {
    this.driver.close();
  }
}

/** The running driver and a line about it, or why PyTorch CUDA is not measured. */
export async function startTorchCuda(readEvery: number): Promise<{ driver: TorchCuda; info: string } | { reason: string }> {
  const python = process.env.NETLOOM_BENCH_PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
  const driver = new Driver({ label: 'PyTorch CUDA', executable: python, arguments: ['bench/training/pytorch.py', '--device', 'cuda', '--read-every', String(readEvery)] }, ROOT);
  try {
    const info = await driver.request<EngineInfo>({ command: 'info' });
    return { driver: new TorchCuda(driver), info: `PyTorch ${info.version}: ${info.details.join('; ')}; loss read every ${readEvery} steps` };
  } catch (error) {
    driver.close();
    // The driver's own words follow its command line and the request: keep those.
    const message = error instanceof Error ? error.message : String(error);
    return { reason: `not measured (${python}): ${message.split('": ').slice(1).join('": ') || message}` };
  }
}
