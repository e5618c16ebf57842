// The GPU for benchmarks in Node: the `webgpu` package (Dawn). Where VK_ICD_FILENAMES is unset and
// no NVIDIA driver is present, it points the Vulkan loader at SwiftShader (Debian's Chromium ships
// the driver): the numbers are then those of a CPU emulator, correctness runs only.
import { existsSync } from 'node:fs';

const SWIFTSHADER = '/usr/lib/chromium/vk_swiftshader_icd.json';

export interface BenchGpu {
  readonly gpu: GPU;
  /** The adapter's name as Dawn reports it (vendor, architecture, device, description). */
  readonly adapter: string;
  /** True when the adapter is SwiftShader (a CPU emulator: no speed figure). */
  readonly emulated: boolean;
}

function hasNvidiaDriver(): boolean {
  return existsSync('/proc/driver/nvidia/version');
}

/** The `webgpu` package's GPU and its adapter's name; throws, saying what to do, where none is found. */
export async function benchGpu(): Promise<BenchGpu> {
  if (process.env.VK_ICD_FILENAMES === undefined && !hasNvidiaDriver() && existsSync(SWIFTSHADER)) process.env.VK_ICD_FILENAMES = SWIFTSHADER;
  const { create, globals } = await import('webgpu');
  Object.assign(globalThis, globals);
  const gpu = create([]);
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (adapter === null) {
    throw new Error(`The webgpu package found no adapter (VK_ICD_FILENAMES=${process.env.VK_ICD_FILENAMES ?? 'unset'}): install libvulkan1 and the GPU's Vulkan driver, or set VK_ICD_FILENAMES=${SWIFTSHADER} for SwiftShader.`);
  }
  const info = adapter.info;
  const name = [info.vendor, info.architecture, info.device, info.description].filter((part) => part !== '').join(' ');
  return { gpu, adapter: name, emulated: /swiftshader/i.test(name) };
}
