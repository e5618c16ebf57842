// matmul: C = op(A)·op(B), batched. A workgroup of 16×16 threads computes a 64×64 tile of C, each
// thread a 4×4 block in registers, stepping through the inner axis 16 at a time with the A and B
// tiles staged in workgroup memory. Transposes and shared operands are strides. Words: 0 M, 1 N,
// 2 K, 3 A's batch stride, 4 B's batch stride (0: shared), 5 A's stride along M, 6 A's along K,
// 7 B's along K, 8 B's along N. Dispatch: (N/64, M/64, batch), rounded up.
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<f32>;
@group(0) @binding(3) var<storage, read_write> product: array<f32>;

const TILE: u32 = 64u;
const DEPTH: u32 = 16u;

var<workgroup> aTile: array<f32, 1024>; // [TILE rows][DEPTH]
var<workgroup> bTile: array<f32, 1024>; // [DEPTH][TILE columns]

@compute @workgroup_size(16, 16)
fn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(local_invocation_id) local: vec3<u32>, @builtin(local_invocation_index) thread: u32) {
  let rows = word(0u);
  let columns = word(1u);
  let inner = word(2u);
  let aBase = group.z * word(3u);
  let bBase = group.z * word(4u);
  let rowStart = group.y * TILE;
  let columnStart = group.x * TILE;
  var sums: array<array<f32, 4>, 4>;
  for (var depth = 0u; depth < inner; depth += DEPTH) {
    for (var slot = 0u; slot < 4u; slot++) {
      let index = thread + slot * 256u;
      let row = index / DEPTH;
      let k = index % DEPTH;
      var value = 0.0;
      if (rowStart + row < rows && depth + k < inner) { value = a[aBase + (rowStart + row) * word(5u) + (depth + k) * word(6u)]; }
      aTile[index] = value;
      let kb = index / TILE;
      let column = index % TILE;
      var other = 0.0;
      if (columnStart + column < columns && depth + kb < inner) { other = b[bBase + (depth + kb) * word(7u) + (columnStart + column) * word(8u)]; }
      bTile[index] = other;
    }
    workgroupBarrier();
    for (var k = 0u; k < DEPTH; k++) {
      var left: array<f32, 4>;
      var right: array<f32, 4>;
      for (var i = 0u; i < 4u; i++) {
        left[i] = aTile[(local.y * 4u + i) * DEPTH + k];
        right[i] = bTile[k * TILE + local.x * 4u + i];
      }
      for (var i = 0u; i < 4u; i++) {
        for (var j = 0u; j < 4u; j++) { sums[i][j] += left[i] * right[j]; }
      }
    }
    workgroupBarrier();
  }
  let cBase = group.z * rows * columns;
  for (var i = 0u; i < 4u; i++) {
    let row = rowStart + local.y * 4u + i;
    for (var j = 0u; j < 4u; j++) {
      let column = columnStart + local.x * 4u + j;
      if (row < rows && column < columns) { product[cBase + row * columns + column] = sums[i][j]; }
    }
  }
}
