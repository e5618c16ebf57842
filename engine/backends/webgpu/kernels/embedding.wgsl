// embedding: output[p, f] = table[ids[p], f], one thread per output value; an id outside the
// vocabulary gives NaN (the cpu backend throws). Words: 0 count, 1 dimension, 2 vocabulary, 3 NaN.
@group(0) @binding(1) var<storage, read> ids: array<i32>;
@group(0) @binding(2) var<storage, read> table: array<f32>;
@group(0) @binding(3) var<storage, read_write> output: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>, @builtin(local_invocation_index) local: u32) {
  let index = elementIndex(group, groups, local);
  if (index >= word(0u)) { return; }
  let dimension = word(1u);
  let id = ids[index / dimension];
  if (id < 0 || u32(id) >= word(2u)) { output[index] = real(3u); return; }
  output[index] = table[u32(id) * dimension + index % dimension];
}
