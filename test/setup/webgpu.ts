// Vitest global setup (the main process, before any test worker starts): points the Vulkan loader
// at SwiftShader's driver where the caller did not choose one, so that the WebGPU tests find an
// adapter without a GPU. Test workers are threads: they share this process's environment, which
// a worker's own process.env (a copy) cannot change.
import { existsSync } from 'node:fs';

const SWIFTSHADER = '/usr/lib/chromium/vk_swiftshader_icd.json';

export function setup(): void {
  if (process.env.VK_ICD_FILENAMES === undefined && existsSync(SWIFTSHADER)) process.env.VK_ICD_FILENAMES = SWIFTSHADER;
}
