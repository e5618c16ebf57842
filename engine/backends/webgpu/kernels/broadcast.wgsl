// broadcast: stretches x to the output shape, reading x through strides (0 along stretched axes).
// Words: 0 count, 1 rank, then the output shape and x's strides (rank words each).
@group(0) @binding(1) var<storage, read> input: array<f32>;
@group(0) @binding(2) var<storage, read_write> output: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>, @builtin(local_invocation_index) local: u32) {
  let index = elementIndex(group, groups, local);
  if (index >= word(0u)) { return; }
  let rank = word(1u);
  var remaining = index;
  var offset = 0u;
  for (var axis = rank; axis > 0u; axis--) {
    let size = word(1u + axis);
    let coordinate = remaining % size;
    remaining = remaining / size;
    offset += coordinate * word(1u + rank + axis);
  }
  output[index] = input[offset];
}
