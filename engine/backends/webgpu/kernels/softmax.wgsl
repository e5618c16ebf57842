// softmax (word 2 = 0) or logSoftmax (word 2 = 1) over the last axis: one workgroup of 64 threads
// per row (the row's maximum, then its sum of e^(x - max), as trees in workgroup memory). Words:
// 0 rows, 1 columns, 2 form.
@group(0) @binding(1) var<storage, read> input: array<f32>;
@group(0) @binding(2) var<storage, read_write> output: array<f32>;

var<workgroup> partial: array<f32, 64>;

fn combine(local: u32, maximum: bool) {
  workgroupBarrier();
  for (var half = 32u; half > 0u; half = half / 2u) {
    if (local < half) {
      if (maximum) { partial[local] = max(partial[local], partial[local + half]); }
      else { partial[local] += partial[local + half]; }
    }
    workgroupBarrier();
  }
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>, @builtin(local_invocation_index) local: u32) {
  let row = groupIndex(group, groups);
  let columns = word(1u);
  let start = min(row, max(word(0u), 1u) - 1u) * columns;
  var largest = -3.4028234663852886e38;
  for (var column = local; column < columns; column += 64u) { largest = max(largest, input[start + column]); }
  partial[local] = largest;
  combine(local, true);
  let maximum = partial[0];
  workgroupBarrier();
  var sum = 0.0;
  for (var column = local; column < columns; column += 64u) { sum += exp(input[start + column] - maximum); }
  partial[local] = sum;
  combine(local, false);
  let total = partial[0];
  if (row >= word(0u)) { return; }
  let shift = maximum + log(total);
  for (var column = local; column < columns; column += 64u) {
    let x = input[start + column];
    if (word(2u) == 1u) { output[start + column] = x - shift; }
    else { output[start + column] = exp(x - maximum) / total; }
  }
}
