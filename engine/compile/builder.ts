// Declares the buffers of a program as lowering and autodiff need them. Views (reshapes) alias the
// storage of their root buffer, so Flatten and Reshape copy nothing.
import type { BufferId, BufferRole, BufferSpec, DType, Initializer, KernelCall, Op } from '../ir/index.ts';

export class ProgramBuilder {
  readonly buffers: BufferSpec[] = [];
  private readonly roots = new Map<BufferId, BufferId>();

  buffer(shape: readonly number[], dtype: DType, role: BufferRole, name?: string, initializer?: Initializer): BufferId {
    const id = this.buffers.length;
    this.buffers.push({ id, descriptor: { shape: [...shape], dtype }, role, name, initializer });
    return id;
  }

  /** A buffer of another shape over the same storage (same element count). */
  view(source: BufferId, shape: readonly number[], name?: string): BufferId {
    const origin = this.spec(source);
    if (sameDims(origin.descriptor.shape, shape)) return source;
    const root = this.rootOf(source);
    const id = this.buffers.length;
    this.buffers.push({ id, descriptor: { shape: [...shape], dtype: origin.descriptor.dtype }, role: origin.role, name: name ?? origin.name, aliasOf: root });
    this.roots.set(id, source);
    return id;
  }

  /** The buffer a view was made from (itself for plain buffers). */
  viewSource(id: BufferId): BufferId | undefined {
    return this.roots.get(id);
  }

  rootOf(id: BufferId): BufferId {
    return this.spec(id).aliasOf ?? id;
  }

  spec(id: BufferId): BufferSpec {
    const spec = this.buffers[id];
    if (spec === undefined) throw new Error(`Buffer ${id} is not declared.`);
    return spec;
  }

  shape(id: BufferId): readonly number[] {
    return this.spec(id).descriptor.shape;
  }

  dtype(id: BufferId): DType {
    return this.spec(id).descriptor.dtype;
  }
}

export function call(op: Op, inputs: readonly BufferId[], outputs: readonly BufferId[], node?: string): KernelCall {
  return { op, inputs, outputs, node };
}

export function sameDims(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((size, axis) => size === b[axis]);
}
