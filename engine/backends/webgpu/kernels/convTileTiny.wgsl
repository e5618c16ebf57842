// convGemm.wgsl's tile for products of at most 32 rows and 8 columns (a first layer's filter
// gradient: 5·5·1 rows, 6 columns): 32×8, 32 threads of 4×2, inner steps of 8 (1.25 KiB of
// workgroup memory); the wrapper splits the long inner axis across many such workgroups.
const TILE_M: u32 = 32u;
const TILE_N: u32 = 8u;
const DEPTH: u32 = 8u;
const THREAD_N: u32 = 2u;
