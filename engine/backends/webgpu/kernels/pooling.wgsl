// The geometry of 2-D pooling (input [N, H, W, C], output [N, OH, OW, C]), prepended to the four
// pooling shaders. Words: 0 count, 1 N, 2 H, 3 W, 4 C, 5 OH, 6 OW, 7 window H, 8 window W,
// 9 stride H, 10 stride W, 11 padding top, 12 padding left, 13 countPadding (1) or not (0).
fn height() -> i32 { return i32(word(2u)); }
fn width() -> i32 { return i32(word(3u)); }
fn channels() -> u32 { return word(4u); }
fn outHeight() -> i32 { return i32(word(5u)); }
fn outWidth() -> i32 { return i32(word(6u)); }

// The cells of window (oh, ow) inside the image: first row, end row, first column, end column.
fn bounds(oh: i32, ow: i32) -> vec4<i32> {
  let row = oh * i32(word(9u)) - i32(word(11u));
  let column = ow * i32(word(10u)) - i32(word(12u));
  return vec4<i32>(max(0, row), min(height(), row + i32(word(7u))), max(0, column), min(width(), column + i32(word(8u))));
}

// Average pooling's divisor: the window area with countPadding, else the cells inside the image.
fn divisor(cells: vec4<i32>) -> f32 {
  if (word(13u) == 1u) { return f32(word(7u) * word(8u)); }
  return f32((cells.y - cells.x) * (cells.w - cells.z));
}

// The windows that cover input position i along an axis: [first, end) of output positions.
fn covering(i: i32, window: u32, stride: u32, before: u32, outputs: i32) -> vec2<i32> {
  let shifted = i + i32(before);
  let first = max(0, (shifted - i32(window) + i32(stride)) / i32(stride));
  return vec2<i32>(select(first, 0, shifted - i32(window) + 1 < 0), min(outputs, shifted / i32(stride) + 1));
}

// The (n, row, column, channel) of an NHWC index.
fn position(index: u32, rows: i32, columns: i32) -> vec4<u32> {
  let c = index % channels();
  let pixel = index / channels();
  return vec4<u32>(pixel / u32(rows * columns), (pixel / u32(columns)) % u32(rows), pixel % u32(columns), c);
}

fn cell(n: u32, row: i32, column: i32, c: u32) -> u32 { return ((n * u32(height()) + u32(row)) * u32(width()) + u32(column)) * channels() + c; }
