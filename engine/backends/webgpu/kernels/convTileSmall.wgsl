// convGemm.wgsl's tile for products of at most 64 rows and 16 columns (a small layer's filter
// gradient, e.g. 3·3·2 rows, 13 columns): 64×16, 64 threads, inner steps of 8 (2.5 KiB of workgroup memory).
const TILE_M: u32 = 64u;
const TILE_N: u32 = 16u;
const DEPTH: u32 = 8u;
const THREAD_N: u32 = 4u;
