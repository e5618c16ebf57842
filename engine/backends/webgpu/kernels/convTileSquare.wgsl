// convGemm.wgsl's tile for products of more than 16 columns: 64×64, 256 threads, inner steps of 16 (8 KiB of workgroup memory).
const TILE_M: u32 = 64u;
const TILE_N: u32 = 64u;
const DEPTH: u32 = 16u;
const THREAD_N: u32 = 4u;
