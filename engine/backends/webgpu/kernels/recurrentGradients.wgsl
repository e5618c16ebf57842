// The gradients a fused recurrent backward op takes from its pre-activation gradients dPre
// [B, T, C], one thread per output value. Phase (word 7) 0: dx[r, f] = Σ_c Wx[f, c]·dPre[r, c];
// 1: dWx[f, c] = Σ_r x[r, f]·dPre[r, c]; 2: dWh[k, c] = Σ_r hPrevious[r, k]·dPre[r, c], hPrevious
// being h0 at t = 0, else the hidden state of the step before. Words: recurrent.wgsl's.
@group(0) @binding(1) var<storage, read> input: array<f32>;
@group(0) @binding(2) var<storage, read> initialHidden: array<f32>;
@group(0) @binding(3) var<storage, read> hidden: array<f32>;
@group(0) @binding(4) var<storage, read> inputWeights: array<f32>;
@group(0) @binding(5) var<storage, read> dPre: array<f32>;
@group(0) @binding(6) var<storage, read_write> gradient: array<f32>;

fn previous(r: u32, k: u32) -> f32 {
  if (r % time() == 0u) { return initialHidden[(r / time()) * units() + k]; }
  return hidden[(r - 1u) * units() + k];
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>, @builtin(local_invocation_index) local: u32) {
  let index = elementIndex(group, groups, local);
  if (index >= word(0u)) { return; }
  let rows = batch() * time();
  var sum = 0.0;
  switch word(7u) {
    case 0u: {
      let f = index % features();
      let r = index / features();
      for (var c = 0u; c < columns(); c++) { sum += inputWeights[f * columns() + c] * dPre[r * columns() + c]; }
    }
    case 1u: {
      let c = index % columns();
      let f = index / columns();
      for (var r = 0u; r < rows; r++) { sum += input[r * features() + f] * dPre[r * columns() + c]; }
    }
    default: {
      let c = index % columns();
      let k = index / columns();
      for (var r = 0u; r < rows; r++) { sum += previous(r, k) * dPre[r * columns() + c]; }
    }
  }
  gradient[index] = sum;
}
