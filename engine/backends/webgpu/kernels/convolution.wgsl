// The geometry of a 2-D convolution in the conv2d direction (input [N, H, W, Ci], weights
// [kH, kW, Ci, Co], output [N, OH, OW, Co]), shared by the three convolution shaders. Words:
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

