// A buffer in WebAssembly memory: its byte address and a typed-array view of it, which the cpu
// reference kernels read and write like any CpuTensor. The view is renewed when the memory grows.
import type { DType } from '../../ir/index.ts';
import { elementCount } from '../../ir/index.ts';
import { integerShape, type CpuTensor } from '../cpu/tensor.ts';

export class WasmTensor implements CpuTensor {
  readonly shape: readonly number[];
  readonly dtype: DType;
  readonly address: number;
  readonly length: number;
  data: Float32Array | Int32Array;

  constructor(shape: readonly number[], dtype: DType, address: number, memory: WebAssembly.Memory) {
    this.shape = integerShape(shape);
    this.dtype = dtype;
    this.address = address;
    this.length = elementCount(shape);
    this.data = this.view(memory);
  }

  refresh(memory: WebAssembly.Memory): void {
    this.data = this.view(memory);
  }

  private view(memory: WebAssembly.Memory): Float32Array | Int32Array {
    return this.dtype === 'i32' ? new Int32Array(memory.buffer, this.address, this.length) : new Float32Array(memory.buffer, this.address, this.length);
  }
}
