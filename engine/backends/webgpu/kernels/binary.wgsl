// add, sub, mul, div with numpy broadcasting: each operand is read through strides over the
// output's shape (0 along stretched axes). Words: 0 count, 1 kind (0 add, 1 sub, 2 mul, 3 div),
// 2 rank, then the output shape, a's strides and b's strides (rank words each).
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<f32>;
@group(0) @binding(3) var<storage, read_write> output: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>, @builtin(local_invocation_index) local: u32) {
  let index = elementIndex(group, groups, local);
  if (index >= word(0u)) { return; }
  let rank = word(2u);
  var remaining = index;
  var aOffset = 0u;
  var bOffset = 0u;
  for (var axis = rank; axis > 0u; axis--) {
    let size = word(2u + axis);
    let coordinate = remaining % size;
    remaining = remaining / size;
    aOffset += coordinate * word(2u + rank + axis);
    bOffset += coordinate * word(2u + 2u * rank + axis);
  }
  let x = a[aOffset];
  let y = b[bOffset];
  switch word(1u) {
    case 0u: { output[index] = x + y; }
    case 1u: { output[index] = x - y; }
    case 2u: { output[index] = x * y; }
    default: { output[index] = x / y; }
  }
}
