// upsample2d: one thread per output value, nearest (x at ⌊o / s⌋) or bilinear (two rows by two
// columns, weights from upsampling.wgsl's blend).
@group(0) @binding(1) var<storage, read> input: array<f32>;
@group(0) @binding(2) var<storage, read_write> output: array<f32>;

fn at(n: u32, row: u32, column: u32, c: u32) -> f32 { return input[((n * sizes().x + row) * sizes().y + column) * word(4u) + c]; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>, @builtin(local_invocation_index) local: u32) {
  let index = elementIndex(group, groups, local);
  if (index >= word(0u)) { return; }
  let c = index % word(4u);
  let pixel = index / word(4u);
  let ow = pixel % sizes().w;
  let oh = (pixel / sizes().w) % sizes().z;
  let n = pixel / (sizes().w * sizes().z);
  if (word(9u) == 0u) {
    output[index] = at(n, oh / word(7u), ow / word(8u), c);
    return;
  }
  let rows = blend(oh, word(7u), sizes().x);
  let columns = blend(ow, word(8u), sizes().y);
  let top = (1.0 - columns.z) * at(n, u32(rows.x), u32(columns.x), c) + columns.z * at(n, u32(rows.x), u32(columns.y), c);
  let bottom = (1.0 - columns.z) * at(n, u32(rows.y), u32(columns.x), c) + columns.z * at(n, u32(rows.y), u32(columns.y), c);
  output[index] = (1.0 - rows.z) * top + rows.z * bottom;
}
