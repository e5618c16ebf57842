// maxPool2dBackward: one thread per input value adds the gradient of every window whose first
// maximum (row-major, recomputed from x) is this cell.
@group(0) @binding(1) var<storage, read> input: array<f32>;
@group(0) @binding(2) var<storage, read> dOutput: array<f32>;
@group(0) @binding(3) var<storage, read_write> dInput: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>, @builtin(local_invocation_index) local: u32) {
  let index = elementIndex(group, groups, local);
  if (index >= word(0u)) { return; }
  let at = position(index, height(), width());
  let rows = covering(i32(at.y), word(7u), word(9u), word(11u), outHeight());
  let columns = covering(i32(at.z), word(8u), word(10u), word(12u), outWidth());
  var sum = 0.0;
  for (var oh = rows.x; oh < rows.y; oh++) {
    for (var ow = columns.x; ow < columns.y; ow++) {
      let cells = bounds(oh, ow);
      var best = cell(at.x, cells.x, cells.z, at.w);
      for (var row = cells.x; row < cells.y; row++) {
        for (var column = cells.z; column < cells.w; column++) {
          let candidate = cell(at.x, row, column, at.w);
          if (input[candidate] > input[best]) { best = candidate; }
        }
      }
      if (best == index) { sum += dOutput[((at.x * u32(outHeight()) + u32(oh)) * u32(outWidth()) + u32(ow)) * channels() + at.w]; }
    }
  }
  dInput[index] = sum;
}
