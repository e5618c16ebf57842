// Event builders for the dashboard's tests.
import type { EngineEvent, StepTelemetry } from '../../../engine/protocol/index.ts';

export function steps(from: number, to: number, epoch = 0, losses: (step: number) => Record<string, number> = (step) => ({ loss: 1 / step }), metrics: (step: number) => Record<string, number> = () => ({})): EngineEvent {
  const list: StepTelemetry[] = [];
  for (let step = from; step <= to; step++) list.push({ step, epoch, losses: losses(step), metrics: metrics(step), learningRate: 0.01 });
  return { type: 'steps', steps: list };
}

export function tensor(shape: number[], fill = (index: number) => index): { shape: number[]; data: ArrayBuffer } {
  const size = shape.reduce((product, dim) => product * dim, 1);
  return { shape, data: Float32Array.from({ length: size }, (_, index) => fill(index)).buffer };
}

export function grid(count: number, size = 2): { count: number; height: number; width: number; channels: number; data: ArrayBuffer } {
  return { count, height: size, width: size, channels: 1, data: new Float32Array(count * size * size).fill(0.5).buffer };
}
