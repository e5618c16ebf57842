// convGemm.wgsl's tile for products of at most 16 columns (LeNet's 6 and 16 channels): 256×16,
// 256 threads, inner steps of 8 (8.5 KiB of workgroup memory), so that few of a tile's columns go to waste.
const TILE_M: u32 = 256u;
const TILE_N: u32 = 16u;
const DEPTH: u32 = 8u;
const THREAD_N: u32 = 4u;
