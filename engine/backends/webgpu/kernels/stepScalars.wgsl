// The optimizer's per-step scalars (ir/stepScalars.ts): word 0 the step, words 1 and 2 the
// learning rate as the low and high words of a float64, decoded here to the nearest float32.
@group(0) @binding(3) var<storage, read> scalars: array<u32>;

fn stepCount() -> f32 { return f32(scalars[0]); }

fn learningRate() -> f32 {
  let low = scalars[1];
  let high = scalars[2];
  let exponent = i32((high >> 20u) & 0x7ffu);
  if (exponent == 0) { return 0.0; }
  let mantissa = 1.0 + f32(high & 0xfffffu) / 1048576.0 + f32(low) / 4503599627370496.0;
  let magnitude = ldexp(mantissa, exponent - 1023);
  return select(magnitude, -magnitude, (high >> 31u) == 1u);
}

// 1 - e^u for u ≤ 0 without cancellation near 0 (the bias corrections 1 - β^t, u = t·ln β).
fn oneMinusExp(u: f32) -> f32 {
  if (u > -0.5) {
    var term = -u;
    var sum = term;
    for (var n = 2.0; n < 12.0; n += 1.0) {
      term *= u / n;
      sum += term;
    }
    return sum;
  }
  return 1.0 - exp(u);
}
