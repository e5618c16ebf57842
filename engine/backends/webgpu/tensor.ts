/// <reference types="@webgpu/types" />
// The WebGPU backend's view of a buffer: its shape, element type and the GPUBuffer holding it
// (shared with the buffer it aliases).
import type { DType } from '../../ir/index.ts';

export interface GpuTensor {
  readonly shape: readonly number[];
  readonly dtype: DType;
  readonly count: number;
  readonly buffer: GPUBuffer;
}
