/// <reference types="@webgpu/types" />
// What the WebGPU kernels need of an adapter, and how an adapter is named to a user.

export type WebGpuLimit =
  | 'maxComputeInvocationsPerWorkgroup'
  | 'maxComputeWorkgroupSizeX'
  | 'maxComputeWorkgroupSizeY'
  | 'maxComputeWorkgroupStorageSize'
  | 'maxStorageBuffersPerShaderStage'
  | 'maxComputeWorkgroupsPerDimension';

/**
 * The limits the kernels use (kernels/*.wgsl): workgroups of 256 threads (16 × 16 for matmul),
 * matmul's two 4 KiB tiles in workgroup memory, up to 8 storage buffers per shader, grids of up to
 * 65,535 workgroups per axis. All are WebGPU's defaults, so only a compatibility-mode or otherwise
 * reduced adapter falls short.
 */
export const WEBGPU_REQUIRED_LIMITS: Readonly<Record<WebGpuLimit, number>> = {
  maxComputeInvocationsPerWorkgroup: 256,
  maxComputeWorkgroupSizeX: 256,
  maxComputeWorkgroupSizeY: 16,
  maxComputeWorkgroupStorageSize: 8192,
  maxStorageBuffersPerShaderStage: 8,
  maxComputeWorkgroupsPerDimension: 65535,
};

/** The limits `limits` falls short of, each with what it has and what the kernels need, e.g. "maxStorageBuffersPerShaderStage 4 (needs 8)". */
export function missingLimits(limits: GPUSupportedLimits, required: Readonly<Record<WebGpuLimit, number>> = WEBGPU_REQUIRED_LIMITS): string[] {
  return (Object.entries(required) as [WebGpuLimit, number][]).filter(([name, needed]) => limits[name] < needed).map(([name, needed]) => `${name} ${limits[name]} (needs ${needed})`);
}

interface AdapterInfo {
  readonly vendor?: string;
  readonly architecture?: string;
  readonly description?: string;
}

const SPELLINGS: Readonly<Record<string, string>> = {
  amd: 'AMD',
  apple: 'Apple',
  arm: 'Arm',
  google: 'Google',
  intel: 'Intel',
  mesa: 'Mesa',
  microsoft: 'Microsoft',
  nvidia: 'NVIDIA',
  qualcomm: 'Qualcomm',
  swiftshader: 'SwiftShader',
};

function spelled(word: string): string {
  return SPELLINGS[word.toLowerCase()] ?? word;
}

/** The adapter's name where the runtime tells it: its description, else its vendor and architecture (e.g. "Google SwiftShader"). */
export function adapterName(adapter: GPUAdapter): string {
  const info = (adapter as { info?: AdapterInfo }).info ?? {};
  if (info.description !== undefined && info.description !== '') return info.description;
  const parts = [info.vendor, info.architecture].filter((part): part is string => part !== undefined && part !== '').map(spelled);
  return parts.length === 0 ? 'an unnamed adapter' : parts.join(' ');
}
