// clipGradientNorm, phase 3 (one dispatch per gradient): gradient *= the factor in slot word 1.
// Words: 0 count, 1 n.
@group(0) @binding(1) var<storage, read> scratch: array<f32>;
@group(0) @binding(2) var<storage, read_write> gradient: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>, @builtin(local_invocation_index) local: u32) {
  let index = elementIndex(group, groups, local);
  if (index >= word(0u)) { return; }
  gradient[index] *= scratch[word(1u)];
}
