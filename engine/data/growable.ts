// Typed arrays that grow by doubling, for readers that learn the count only at the end
// (CSV rows, text characters). `finish` trims to the exact length (one copy).

export class GrowableFloat32 {
  private values: Float32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.values = new Float32Array(Math.max(1, capacity));
  }

  push(value: number): void {
    if (this.length === this.values.length) {
      const larger = new Float32Array(this.values.length * 2);
      larger.set(this.values);
      this.values = larger;
    }
    this.values[this.length++] = value;
  }

  finish(): Float32Array {
    return this.values.slice(0, this.length);
  }
}

export class GrowableInt32 {
  private values: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.values = new Int32Array(Math.max(1, capacity));
  }

  push(value: number): void {
    if (this.length === this.values.length) {
      const larger = new Int32Array(this.values.length * 2);
      larger.set(this.values);
      this.values = larger;
    }
    this.values[this.length++] = value;
  }

  /** The values so far, without copying (valid until the next push). */
  view(): Int32Array {
    return this.values.subarray(0, this.length);
  }

  finish(): Int32Array {
    return this.values.slice(0, this.length);
  }
}
