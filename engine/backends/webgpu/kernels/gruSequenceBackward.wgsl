// gruSequenceBackward's gate gradients at step t (word 6), one thread per (b, unit), with
// dh = dHidden_t + carried dh and a = hiddenCandidate: dnPre = dh·(1 - z)·(1 - n²),
// drPre = dnPre·a·r(1 - r), dzPre = dh·(h_{t-1} - n)·z(1 - z). The input side of the gates gets
// (drPre, dzPre, dnPre), the hidden side (drPre, dzPre, dnPre·r), each [B, T, 3H].
// Words: recurrent.wgsl's (count: B·H).
@group(0) @binding(1) var<storage, read> initialHidden: array<f32>;
@group(0) @binding(2) var<storage, read> hidden: array<f32>;
@group(0) @binding(3) var<storage, read> gates: array<f32>;
@group(0) @binding(4) var<storage, read> hiddenCandidate: array<f32>;
@group(0) @binding(5) var<storage, read> dHidden: array<f32>;
@group(0) @binding(6) var<storage, read> carried: array<f32>;
@group(0) @binding(7) var<storage, read_write> inputSide: array<f32>;
@group(0) @binding(8) var<storage, read_write> hiddenSide: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>, @builtin(local_invocation_index) local: u32) {
  let index = elementIndex(group, groups, local);
  if (index >= word(0u)) { return; }
  let unit = index % units();
  let b = index / units();
  let t = timeStep();
  let row = b * time() + t;
  let H = units();
  let base = row * columns();
  let reset = gates[base + unit];
  let update = gates[base + H + unit];
  let next = gates[base + 2u * H + unit];
  let previous = select(hidden[(row - 1u) * H + unit], initialHidden[b * H + unit], t == 0u);
  let dh = dHidden[row * H + unit] + carried[index];
  let dNextPre = dh * (1.0 - update) * (1.0 - next * next);
  let dResetPre = dNextPre * hiddenCandidate[row * H + unit] * reset * (1.0 - reset);
  let dUpdatePre = dh * (previous - next) * update * (1.0 - update);
  inputSide[base + unit] = dResetPre;
  inputSide[base + H + unit] = dUpdatePre;
  inputSide[base + 2u * H + unit] = dNextPre;
  hiddenSide[base + unit] = dResetPre;
  hiddenSide[base + H + unit] = dUpdatePre;
  hiddenSide[base + 2u * H + unit] = dNextPre * reset;
}
