// avgPool2dBackward: one thread per input value adds dy / divisor of every window covering it.
@group(0) @binding(1) var<storage, read> dOutput: array<f32>;
@group(0) @binding(2) var<storage, read_write> dInput: array<f32>;

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
      sum += dOutput[((at.x * u32(outHeight()) + u32(oh)) * u32(outWidth()) + u32(ow)) * channels() + at.w] / divisor(bounds(oh, ow));
    }
  }
  dInput[index] = sum;
}
