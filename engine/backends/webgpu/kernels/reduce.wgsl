// reduceSum, reduceMean, sumToShape: one workgroup per output value sums the reduced axes (its 64
// threads take every 64th value, then a tree in workgroup memory). Words: 0 outputs, 1 values
// per output, 2 factor (f32), 3 kept rank K, 4 reduced rank R, then the kept shape and strides
// (K words each), the reduced shape and strides (R words each).
@group(0) @binding(1) var<storage, read> input: array<f32>;
@group(0) @binding(2) var<storage, read_write> output: array<f32>;

var<workgroup> partial: array<f32, 64>;

fn offsetOf(index: u32, start: u32, rank: u32) -> u32 {
  var remaining = index;
  var offset = 0u;
  for (var axis = rank; axis > 0u; axis--) {
    let size = word(start + axis - 1u);
    let coordinate = remaining % size;
    remaining = remaining / size;
    offset += coordinate * word(start + rank + axis - 1u);
  }
  return offset;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>, @builtin(local_invocation_index) local: u32) {
  let wanted = groupIndex(group, groups);
  let kept = word(3u);
  let reduced = word(4u);
  let valid = wanted < word(0u);
  var sum = 0.0;
  if (valid) {
    let base = offsetOf(wanted, 5u, kept);
    for (var index = local; index < word(1u); index += 64u) {
      sum += input[base + offsetOf(index, 5u + 2u * kept, reduced)];
    }
  }
  partial[local] = sum;
  workgroupBarrier();
  for (var half = 32u; half > 0u; half = half / 2u) {
    if (local < half) { partial[local] += partial[local + half]; }
    workgroupBarrier();
  }
  if (valid && local == 0u) { output[wanted] = partial[0] * real(2u); }
}
