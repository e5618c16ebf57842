// avgPool2d: one thread per output value, its window's sum over the divisor (pooling.wgsl).
@group(0) @binding(1) var<storage, read> input: array<f32>;
@group(0) @binding(2) var<storage, read_write> output: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>, @builtin(local_invocation_index) local: u32) {
  let index = elementIndex(group, groups, local);
  if (index >= word(0u)) { return; }
  let at = position(index, outHeight(), outWidth());
  let cells = bounds(i32(at.y), i32(at.z));
  var sum = 0.0;
  for (var row = cells.x; row < cells.y; row++) {
    for (var column = cells.z; column < cells.w; column++) { sum += input[cell(at.x, row, column, at.w)]; }
  }
  output[index] = sum / divisor(cells);
}
