// The kernels this module exports to the host (../kernels.ts calls them by these names).
export { gemm, gemmDepthPart, gemmDepthSum, gemmScratchBytes } from './gemm';

/** The first byte after this module's static data: the host allocates buffers from here on. */
export function heapBase(): usize {
  return __heap_base;
}
export { biasAdd, relu, reluBackward } from './elementwise';
