// The CPU backend: plain TypeScript reference kernels, their registry and a program runner.
export { kernelRegistry, runKernel, type KernelRegistry } from './registry.ts';
export type { Kernel } from './kernel.ts';
export { allocateBuffers, bindCalls, runCalls, type BoundCall } from './execute.ts';
export type { Precision } from '../backend.ts';
export { createCpuBackend } from './backend.ts';
export type { CpuTensor, FloatArray } from './tensor.ts';
