// The convolutions as implicit matrix products: result[m, n] = Σ over k of a(m, k)·b(k, n), with
// a and b read from the images in place (no unfolded copy). The op's file says what m, n and k
// are and reads the operands through four functions:
//   rowOf(m) -> vec4<i32>            what a row needs, decoded once per thread and row;
//   innerOf(k) -> vec4<i32>          what an inner index needs, decoded once per thread and step;
//   aValue(row, inner) -> f32        a(m, k), 0 outside the image;
//   bValue(k, n) -> f32              b(k, n);
// and binds the product as `result` ([M, N] row-major; [splits, M, N] when the inner axis is split).
// A workgroup computes a TILE_M×TILE_N tile, each thread a 4×THREAD_N block in registers, stepping
// through the inner axis DEPTH at a time with both operands' tiles in workgroup memory (the tile
// file, convTile*.wgsl, sets the four sizes). Words 16..:
// 16 M, 17 N, 18 K, 19 inner values per split (a multiple of DEPTH), 20 tiles along N, 21 tiles.
// Dispatch: the tiles as an x·y grid (grid() in context.ts), z the splits of the inner axis.
const THREADS_N: u32 = TILE_N / THREAD_N;
const THREADS: u32 = (TILE_M / 4u) * THREADS_N;
const ROWS_PER_PASS: u32 = THREADS / DEPTH;
const A_SLOTS: u32 = TILE_M * DEPTH / THREADS;

var<workgroup> aTile: array<f32, TILE_M * DEPTH>; // [TILE_M rows][DEPTH]
var<workgroup> bTile: array<f32, DEPTH * TILE_N>; // [DEPTH][TILE_N columns]

fn gemmRows() -> u32 { return word(16u); }
fn gemmColumns() -> u32 { return word(17u); }
fn gemmInner() -> u32 { return word(18u); }

@compute @workgroup_size(THREADS)
fn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>, @builtin(local_invocation_index) thread: u32) {
  let tile = groupIndex(group, groups);
  if (tile >= word(21u)) { return; }
  let rowStart = (tile / word(20u)) * TILE_M;
  let columnStart = (tile % word(20u)) * TILE_N;
  let innerStart = group.z * word(19u);
  let innerEnd = min(gemmInner(), innerStart + word(19u));
  // The A tile's loads: each thread one inner lane, A_SLOTS rows, the same at every step.
  let lane = thread % DEPTH;
  var rows: array<vec4<i32>, A_SLOTS>;
  for (var slot = 0u; slot < A_SLOTS; slot++) { rows[slot] = rowOf(rowStart + thread / DEPTH + slot * ROWS_PER_PASS); }
  let threadRow = (thread / THREADS_N) * 4u;
  let threadColumn = (thread % THREADS_N) * THREAD_N;
  var sums: array<array<f32, THREAD_N>, 4>;
  for (var depth = innerStart; depth < innerEnd; depth += DEPTH) {
    let k = depth + lane;
    let inner = innerOf(k);
    for (var slot = 0u; slot < A_SLOTS; slot++) {
      var value = 0.0;
      if (k < innerEnd) { value = aValue(rows[slot], inner); }
      aTile[(thread / DEPTH + slot * ROWS_PER_PASS) * DEPTH + lane] = value;
    }
    for (var index = thread; index < DEPTH * TILE_N; index += THREADS) {
      let kb = depth + index / TILE_N;
      let column = columnStart + index % TILE_N;
      var value = 0.0;
      if (kb < innerEnd && column < gemmColumns()) { value = bValue(kb, column); }
      bTile[index] = value;
    }
    workgroupBarrier();
    for (var step = 0u; step < DEPTH; step++) {
      var left: array<f32, 4>;
      var right: array<f32, THREAD_N>;
      for (var i = 0u; i < 4u; i++) { left[i] = aTile[(threadRow + i) * DEPTH + step]; }
      for (var j = 0u; j < THREAD_N; j++) { right[j] = bTile[step * TILE_N + threadColumn + j]; }
      for (var i = 0u; i < 4u; i++) {
        for (var j = 0u; j < THREAD_N; j++) { sums[i][j] += left[i] * right[j]; }
      }
    }
    workgroupBarrier();
  }
  let base = group.z * gemmRows() * gemmColumns();
  for (var i = 0u; i < 4u; i++) {
    let row = rowStart + threadRow + i;
    for (var j = 0u; j < THREAD_N; j++) {
      let column = columnStart + threadColumn + j;
      if (row < gemmRows() && column < gemmColumns()) { result[base + row * gemmColumns() + column] = sums[i][j]; }
    }
  }
}
