// convGemm.wgsl's tile for products of 5 to 8 columns (6 channels): 256×8, 256 threads of 4×2,
// inner steps of 8 (8.25 KiB of workgroup memory).
const TILE_M: u32 = 256u;
const TILE_N: u32 = 8u;
const DEPTH: u32 = 8u;
const THREAD_N: u32 = 2u;
