// lstmSequence, step t (word 6), second half: c_t = f·c_{t-1} + i·g (c0 at t = 0), h_t = o·tanh(c_t),
// one thread per (b, unit). Words: recurrent.wgsl's (count: B·H).
@group(0) @binding(1) var<storage, read> initialCell: array<f32>;
@group(0) @binding(2) var<storage, read> gates: array<f32>;
@group(0) @binding(3) var<storage, read_write> cell: array<f32>;
@group(0) @binding(4) var<storage, read_write> hidden: array<f32>;

fn stableTanh(x: f32) -> f32 {
  let e = exp(-2.0 * abs(x));
  return sign(x) * (1.0 - e) / (1.0 + e);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>, @builtin(local_invocation_index) local: u32) {
  let index = elementIndex(group, groups, local);
  if (index >= word(0u)) { return; }
  let unit = index % units();
  let b = index / units();
  let t = timeStep();
  let row = b * time() + t;
  let base = row * columns();
  let previous = select(cell[(row - 1u) * units() + unit], initialCell[b * units() + unit], t == 0u);
  let c = gates[base + units() + unit] * previous + gates[base + unit] * gates[base + 2u * units() + unit];
  cell[row * units() + unit] = c;
  hidden[row * units() + unit] = gates[base + 3u * units() + unit] * stableTanh(c);
}
