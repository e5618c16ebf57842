// Sums the partial products of a convolution whose inner axis was split across workgroups
// (convGemm.wgsl, z > 1): total[i] = Σ over s of partial[s·count + i], in split order. Words:
// 0 count, 1 splits. One thread per value.
@group(0) @binding(1) var<storage, read> partial: array<f32>;
@group(0) @binding(2) var<storage, read_write> total: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>, @builtin(local_invocation_index) local: u32) {
  let index = elementIndex(group, groups, local);
  let count = word(0u);
  if (index >= count) { return; }
  var sum = 0.0;
  for (var split = 0u; split < word(1u); split++) { sum += partial[split * count + index]; }
  total[index] = sum;
}
