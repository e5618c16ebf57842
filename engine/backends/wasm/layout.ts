// Field positions in a kernel's parameter block: the host's copy of assembly/layout.ts (a test
// checks that the two files list the same numbers). Pointers are byte addresses in the module's
// memory; strides and sizes count elements.
export const A_MODE = 0;
export const B_MODE = 1;
export const BATCH = 2;
export const ROWS = 3;
export const COLUMNS = 4;
export const DEPTH = 5;
export const A_POINTER = 6;
export const A_BATCH_STRIDE = 7;
export const A_ROW_STRIDE = 8;
export const A_COLUMN_STRIDE = 9;
export const B_POINTER = 10;
export const B_BATCH_STRIDE = 11;
export const B_ROW_STRIDE = 12;
export const B_COLUMN_STRIDE = 13;
export const C_POINTER = 14;
export const C_BATCH_STRIDE = 15;
export const C_ROW_STRIDE = 16;
export const SCRATCH = 17;
export const SCRATCH_PER_PART = 18;
export const BIAS_POINTER = 19;
export const RELU = 20;
// Convolution geometry (NHWC images, weights [kH, kW, in, out]).
export const IMAGES = 21;
export const HEIGHT = 22;
export const WIDTH = 23;
export const IN_CHANNELS = 24;
export const OUT_HEIGHT = 25;
export const OUT_WIDTH = 26;
export const OUT_CHANNELS = 27;
export const KERNEL_HEIGHT = 28;
export const KERNEL_WIDTH = 29;
export const STRIDE_HEIGHT = 30;
export const STRIDE_WIDTH = 31;
export const PAD_TOP = 32;
export const PAD_LEFT = 33;
export const DILATION_HEIGHT = 34;
export const DILATION_WIDTH = 35;
export const DEPTH_PARTS = 36;
export const GEMM_FIELDS = 37;
export const GEMM_PARTIAL_FLOATS = 65536;

export const A_MATRIX = 0;
export const A_PATCHES = 1;
export const A_PATCHES_TRANSPOSED = 2;
export const A_GRADIENT_TAPS = 3;
export const B_MATRIX = 0;
export const B_TAPS_TRANSPOSED = 1;

/** Scratch bytes one thread's gemm needs (assembly/gemm.ts GEMM_SCRATCH_BYTES: MC·KC + KC·NC + MR·NR floats and a partial product). */
export const GEMM_SCRATCH_BYTES = (64 * 256 + 256 * 512 + 4 * 8 + GEMM_PARTIAL_FLOATS) * 4;
