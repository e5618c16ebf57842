// The geometry of a 2-D convolution in the conv2d direction (input [N, H, W, Ci], weights
// [kH, kW, Ci, Co], output [N, OH, OW, Co]), prepended to the three convolution shaders. Words:
// 0 count, 1 N, 2 H, 3 W, 4 Ci, 5 OH, 6 OW, 7 Co, 8 kH, 9 kW, 10 stride H, 11 stride W, 12 padding
// top, 13 padding left, 14 dilation H, 15 dilation W.
fn height() -> i32 { return i32(word(2u)); }
fn width() -> i32 { return i32(word(3u)); }
fn inChannels() -> u32 { return word(4u); }
fn outHeight() -> i32 { return i32(word(5u)); }
fn outWidth() -> i32 { return i32(word(6u)); }
fn outChannels() -> u32 { return word(7u); }
fn kernelHeight() -> u32 { return word(8u); }
fn kernelWidth() -> u32 { return word(9u); }
fn stride() -> vec2<i32> { return vec2<i32>(i32(word(10u)), i32(word(11u))); }
fn paddingBefore() -> vec2<i32> { return vec2<i32>(i32(word(12u)), i32(word(13u))); }
fn dilation() -> vec2<i32> { return vec2<i32>(i32(word(14u)), i32(word(15u))); }

// The position along one axis a kernel tap of an output position reads: o·stride - before + k·dilation.
fn tap(output: i32, k: u32, axis: u32) -> i32 { return output * stride()[axis] - paddingBefore()[axis] + i32(k) * dilation()[axis]; }

// The output position whose tap k reads input position i along an axis, or -1 where none does.
fn reader(input: i32, k: u32, axis: u32, outputs: i32) -> i32 {
  let shifted = input + paddingBefore()[axis] - i32(k) * dilation()[axis];
  if (shifted < 0 || shifted % stride()[axis] != 0) { return -1; }
  let output = shifted / stride()[axis];
  return select(-1, output, output < outputs);
}
