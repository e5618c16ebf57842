// dropout: one thread draws the mask in order from the xoshiro128** state (ir/random.ts), exactly
// the cpu backend's masks, and advances the state in place; y = x·mask. A value is kept when its
// 24-bit uniform draw u satisfies u ≥ threshold = ⌈rate·2^24⌉ (the cpu's u·2^-24 ≥ rate, in
// integers). Words: 0 count, 1 threshold, 2 keep factor 1/(1 - rate).
@group(0) @binding(1) var<storage, read> input: array<f32>;
@group(0) @binding(2) var<storage, read_write> state: array<u32>;
@group(0) @binding(3) var<storage, read_write> output: array<f32>;
@group(0) @binding(4) var<storage, read_write> mask: array<f32>;

fn rotate(value: u32, bits: u32) -> u32 { return (value << bits) | (value >> (32u - bits)); }

@compute @workgroup_size(1)
fn main() {
  var s = vec4<u32>(state[0], state[1], state[2], state[3]);
  for (var index = 0u; index < word(0u); index++) {
    let result = rotate(s.y * 5u, 7u) * 9u;
    let shifted = s.y << 9u;
    s.z ^= s.x;
    s.w ^= s.y;
    s.y ^= s.z;
    s.x ^= s.w;
    s.z ^= shifted;
    s.w = rotate(s.w, 11u);
    let factor = select(0.0, real(2u), (result >> 8u) >= word(1u));
    mask[index] = factor;
    output[index] = input[index] * factor;
  }
  state[0] = s.x;
  state[1] = s.y;
  state[2] = s.z;
  state[3] = s.w;
}
