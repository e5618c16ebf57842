// convGemm.wgsl's tile for products of at most 4 columns (the gradient of a 1- or 3-channel
// image): 256×4, 256 threads of 4×1, inner steps of 8 (8.1 KiB of workgroup memory).
const TILE_M: u32 = 256u;
const TILE_N: u32 = 4u;
const DEPTH: u32 = 8u;
const THREAD_N: u32 = 1u;
