/// <reference types="@webgpu/types" />
// The device side shared by every allocation of one backend: the compute pipelines, created once
// per shader and cached, and the validation errors a run or a bind raised (reported by the next
// read, since WebGPU reports them asynchronously); a lost device, thrown by the next run, bind or read.
import { SHADERS } from './shaders.ts';

export class GpuDevice {
  private readonly pipelines = new Map<string, GPUComputePipeline>();
  /** The last error scope's outcome: settle waits for it (scopes resolve in order). */
  private latest: Promise<void> = Promise.resolve();
  /** The first validation error since the last settle. */
  private error: string | undefined;
  private lost: string | undefined;

  constructor(readonly device: GPUDevice) {
    void device.lost.then((info) => {
      this.lost = `The GPU device was lost (${info.reason}: ${info.message}); train on the wasm or cpu backend.`;
    });
  }

  /** The pipeline of common.wgsl followed by `pieces` (kernels/*.wgsl), created on first use. */
  pipeline(pieces: readonly string[]): GPUComputePipeline {
    const key = pieces.join('+');
    let pipeline = this.pipelines.get(key);
    if (pipeline === undefined) {
      const code = ['common', ...pieces].map((name) => shaderText(name)).join('\n');
      const module = this.device.createShaderModule({ code, label: key });
      pipeline = this.device.createComputePipeline({ layout: 'auto', compute: { module, entryPoint: 'main' }, label: key });
      this.pipelines.set(key, pipeline);
    }
    return pipeline;
  }

  /** Runs `work` inside a validation error scope; the error, if any, is thrown by the next `settle`. A lost device throws here, before any work. */
  scoped<Result>(what: string, work: () => Result): Result {
    if (this.lost !== undefined) throw new Error(this.lost);
    this.device.pushErrorScope('validation');
    try {
      return work();
    } finally {
      const outcome = this.device.popErrorScope().then((error) => {
        if (error !== null) this.error ??= `${what}: ${error.message}`;
      });
      this.latest = Promise.all([this.latest, outcome]).then(() => undefined);
    }
  }

  /** Throws the first error raised since the last settle (or that the device was lost). */
  async settle(): Promise<void> {
    await this.latest;
    if (this.lost !== undefined) throw new Error(this.lost);
    const error = this.error;
    this.error = undefined;
    if (error !== undefined) throw new Error(`WebGPU rejected ${error}`);
  }
}

function shaderText(name: string): string {
  const text = SHADERS[name];
  if (text === undefined) throw new Error(`The WebGPU backend has no shader kernels/${name}.wgsl; regenerate shaders.ts with \`node scripts/buildWgsl.mjs\`.`);
  return text;
}
