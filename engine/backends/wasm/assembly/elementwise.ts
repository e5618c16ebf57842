// Elementwise kernels, 4 lanes at a time. Parameter block: [count, x, second, out, channels]
// (byte addresses; `second` is dOutput or the bias).

// @ts-ignore: decorator
@inline function word(params: usize, index: i32): i32 {
  return load<i32>(params + (<usize>index << 2));
}

/** out = max(x, 0) */
export function relu(params: usize): void {
  const count = word(params, 0), x = <usize>word(params, 1), out = <usize>word(params, 3);
  const zero = f32x4.splat(0);
  let i = 0;
  for (; i + 4 <= count; i += 4) v128.store(out + (<usize>i << 2), f32x4.max(v128.load(x + (<usize>i << 2)), zero));
  for (; i < count; i++) store<f32>(out + (<usize>i << 2), max<f32>(load<f32>(x + (<usize>i << 2)), 0));
}

/** out = dOutput where x > 0, else 0 */
export function reluBackward(params: usize): void {
  const count = word(params, 0), x = <usize>word(params, 1), dy = <usize>word(params, 2), out = <usize>word(params, 3);
  const zero = f32x4.splat(0);
  let i = 0;
  for (; i + 4 <= count; i += 4) {
    const at = <usize>i << 2;
    v128.store(out + at, v128.and(v128.load(dy + at), f32x4.gt(v128.load(x + at), zero)));
  }
  for (; i < count; i++) {
    const at = <usize>i << 2;
    store<f32>(out + at, load<f32>(x + at) > 0 ? load<f32>(dy + at) : 0);
  }
}

/** out[r, c] = x[r, c] + bias[c] over rows of `channels` */
export function biasAdd(params: usize): void {
  const count = word(params, 0), x = <usize>word(params, 1), bias = <usize>word(params, 2), out = <usize>word(params, 3);
  const channels = word(params, 4);
  for (let row = 0; row < count; row += channels) {
    const from = <usize>row << 2;
    let c = 0;
    for (; c + 4 <= channels; c += 4) {
      const at = <usize>c << 2;
      v128.store(out + from + at, f32x4.add(v128.load(x + from + at), v128.load(bias + at)));
    }
    for (; c < channels; c++) {
      const at = <usize>c << 2;
      store<f32>(out + from + at, load<f32>(x + from + at) + load<f32>(bias + at));
    }
  }
}
