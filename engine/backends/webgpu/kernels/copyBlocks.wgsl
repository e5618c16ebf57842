// Rows of a block copied between a part and a whole along one axis (concat, split, slice,
// sliceBackward): row r of the part's block of `block` words sits at r·wholeBlock + offset in the
// whole. Words: 0 count (rows·block), 1 block, 2 whole block, 3 offset, 4 direction (0: part to
// whole, 1: whole to part). Words are copied as they are (f32 or i32 alike).
@group(0) @binding(1) var<storage, read> source: array<u32>;
@group(0) @binding(2) var<storage, read_write> destination: array<u32>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>, @builtin(local_invocation_index) local: u32) {
  let index = elementIndex(group, groups, local);
  if (index >= word(0u)) { return; }
  let block = word(1u);
  let inWhole = (index / block) * word(2u) + word(3u) + index % block;
  if (word(4u) == 0u) { destination[inWhole] = source[index]; }
  else { destination[index] = source[inWhole]; }
}
