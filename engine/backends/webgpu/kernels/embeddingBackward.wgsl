// embeddingBackward: dTable[v, f] = Σ over positions p with ids[p] = v of dy[p, f]; one thread per
// table value gathers (no atomics: ids seen twice add up in order). Words: 0 count (table values),
// 1 dimension, 2 positions.
@group(0) @binding(1) var<storage, read> ids: array<i32>;
@group(0) @binding(2) var<storage, read> dOutput: array<f32>;
@group(0) @binding(3) var<storage, read_write> dTable: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>, @builtin(local_invocation_index) local: u32) {
  let index = elementIndex(group, groups, local);
  if (index >= word(0u)) { return; }
  let dimension = word(1u);
  let id = i32(index / dimension);
  let feature = index % dimension;
  var sum = 0.0;
  for (var position = 0u; position < word(2u); position++) {
    if (ids[position] == id) { sum += dOutput[position * dimension + feature]; }
  }
  dTable[index] = sum;
}
