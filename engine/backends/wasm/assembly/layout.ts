// Field positions in a kernel's parameter block (i32 words, written once by the host at bind time;
// the host's copy of these numbers is ../layout.ts and must stay equal). Pointers are byte
// addresses in this module's memory; strides and sizes count elements.

// Matrix products and the convolutions run as matrix products (gemm.ts).
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
// Depth split (gemmDepthPart / gemmDepthSum): how many parts computed partial products.
export const DEPTH_PARTS = 36;
export const GEMM_FIELDS = 37;
/** Floats of one thread's partial product in the depth split (its scratch holds that many). */
export const GEMM_PARTIAL_FLOATS = 65536;

// A operand modes: how element (m, k) of A is found.
export const A_MATRIX = 0; // a[m·rowStride + k·columnStride]
export const A_PATCHES = 1; // conv2d: m an output pixel, k a tap (kh, kw, ci) of the input image
export const A_PATCHES_TRANSPOSED = 2; // conv2dBackwardFilter: m a tap, k an output pixel
export const A_GRADIENT_TAPS = 3; // conv2dBackwardInput: m an input pixel, k (kh, kw, co) of dOutput
// B operand modes: how element (k, n) of B is found.
export const B_MATRIX = 0; // b[k·rowStride + n·columnStride]
export const B_TAPS_TRANSPOSED = 1; // conv2dBackwardInput: k = (tap, co), n = ci: w[(tap·Ci + ci)·Co + co]
