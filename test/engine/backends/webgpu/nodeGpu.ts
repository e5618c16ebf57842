// The GPU for tests in Node: the `webgpu` package (Dawn) over SwiftShader's Vulkan driver where
// no GPU is present (VK_ICD_FILENAMES, set here when the caller left it unset and Debian's
// Chromium ships the driver). Resolves to undefined, with the reason, where no adapter is found.
import { existsSync } from 'node:fs';

const SWIFTSHADER = '/usr/lib/chromium/vk_swiftshader_icd.json';

export interface NodeGpu {
  readonly gpu?: GPU;
  /** Why there is no GPU (when gpu is undefined). */
  readonly reason?: string;
}

let found: Promise<NodeGpu> | undefined;

async function probe(): Promise<NodeGpu> {
  if (process.env.VK_ICD_FILENAMES === undefined && existsSync(SWIFTSHADER)) process.env.VK_ICD_FILENAMES = SWIFTSHADER;
  try {
    const { create, globals } = await import('webgpu');
    Object.assign(globalThis, globals);
    const gpu = create([]);
    const adapter = await gpu.requestAdapter();
    return adapter === null ? { reason: `no WebGPU adapter (VK_ICD_FILENAMES=${process.env.VK_ICD_FILENAMES ?? 'unset'}; SwiftShader needs libvulkan1)` } : { gpu };
  } catch (error) {
    return { reason: `the webgpu package did not load: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The Node GPU, probed once per test process. */
export function nodeGpu(): Promise<NodeGpu> {
  found ??= probe();
  return found;
}
