// softmaxBackward (word 2 = 0): dx = y·(dy - Σ dy·y); logSoftmaxBackward (word 2 = 1):
// dx = dy - e^y·Σ dy; per row of the last axis, one workgroup of 64 threads per row. Words: 0 rows,
// 1 columns, 2 form.
@group(0) @binding(1) var<storage, read> output: array<f32>;
@group(0) @binding(2) var<storage, read> dOutput: array<f32>;
@group(0) @binding(3) var<storage, read_write> dInput: array<f32>;

var<workgroup> partial: array<f32, 64>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>, @builtin(local_invocation_index) local: u32) {
  let row = groupIndex(group, groups);
  let columns = word(1u);
  let start = min(row, max(word(0u), 1u) - 1u) * columns;
  let logarithmic = word(2u) == 1u;
  var sum = 0.0;
  for (var column = local; column < columns; column += 64u) {
    let dy = dOutput[start + column];
    sum += select(dy * output[start + column], dy, logarithmic);
  }
  partial[local] = sum;
  workgroupBarrier();
  for (var half = 32u; half > 0u; half = half / 2u) {
    if (local < half) { partial[local] += partial[local + half]; }
    workgroupBarrier();
  }
  let total = partial[0];
  if (row >= word(0u)) { return; }
  for (var column = local; column < columns; column += 64u) {
    let y = output[start + column];
    let dy = dOutput[start + column];
    dInput[start + column] = select(y * (dy - total), dy - exp(y) * total, logarithmic);
  }
}
