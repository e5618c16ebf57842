// The memory limit of runs in a browser worker. Browsers tell a rounded device memory at most
// (navigator.deviceMemory: 0.25 to 8 GiB, absent in some): a run may take half of it, and 4 GiB
// where it is unknown. The wasm backend's own 4 GiB per model applies on top (memoryBudget.ts).
import { GIBIBYTE } from '../graph/index.ts';
import { DEFAULT_MEMORY_LIMIT } from '../train/memoryBudget.ts';

export function browserMemoryLimit(deviceMemory: number | undefined): number {
  if (deviceMemory === undefined || !Number.isFinite(deviceMemory) || deviceMemory <= 0) return DEFAULT_MEMORY_LIMIT;
  return Math.max(GIBIBYTE / 2, (deviceMemory * GIBIBYTE) / 2);
}
