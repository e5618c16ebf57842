// A lost GPU device surfaces as an error on the next run (or bind) and on the next read, naming
// the reason and what to do, instead of runs that silently do nothing.
import { describe, expect, it } from 'vitest';
import { GpuDevice } from '../../../../engine/backends/webgpu/device.ts';

function fakeDevice(lost: Promise<{ reason: string; message: string }>): GPUDevice {
  return { lost, pushErrorScope: () => undefined, popErrorScope: () => Promise.resolve(null) } as unknown as GPUDevice;
}

describe('a lost WebGPU device', () => {
  it('runs while the device lives; once lost, the next run and the next read throw its reason', async () => {
    let loseDevice: (info: { reason: string; message: string }) => void = () => undefined;
    const device = new GpuDevice(fakeDevice(new Promise((resolve) => (loseDevice = resolve))));
    expect(device.scoped('a run of 3 calls', () => 7)).toBe(7);
    await device.settle();
    loseDevice({ reason: 'unknown', message: 'the driver was reset' });
    await Promise.resolve();
    const message = 'The GPU device was lost (unknown: the driver was reset); train on the wasm or cpu backend.';
    let ran = false;
    expect(() => device.scoped('a run of 3 calls', () => (ran = true))).toThrow(message);
    expect(ran).toBe(false);
    await expect(device.settle()).rejects.toThrow(message);
  });
});
