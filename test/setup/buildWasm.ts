// Vitest global setup: builds the wasm backend's kernels when their sources changed (a no-op
// otherwise), so every test run uses modules compiled from the sources in the repository.
import { buildWasm } from '../../scripts/buildWasm.mjs';

export async function setup(): Promise<void> {
  await buildWasm();
}
