// Builds an ONNX graph as plain objects in the shape of onnx.proto's messages: nodes in order,
// initializers (raw little-endian bytes), unique value names. A value carries its layout: Netloom's
// tensors are batch-first NHWC ("canonical"); a value may be held with its axes permuted (NCHW for
// the convolutions), and `inLayout` inserts one Transpose per value and layout, reused after that.

/** ONNX TensorProto.DataType values used here. */
export const ELEMENT_TYPE = { float: 1, int32: 6, int64: 7, bool: 9 } as const;

const ATTRIBUTE_TYPE = { FLOAT: 1, INT: 2, STRING: 3, FLOATS: 6, INTS: 7 } as const;

export interface OnnxAttribute {
  readonly name: string;
  readonly type: number;
  readonly f?: number;
  readonly i?: number;
  readonly s?: Uint8Array;
  readonly floats?: readonly number[];
  readonly ints?: readonly number[];
}

export interface OnnxNode {
  readonly name: string;
  readonly op_type: string;
  readonly input: readonly string[];
  readonly output: readonly string[];
  readonly attribute: readonly OnnxAttribute[];
  readonly doc_string?: string;
}

export interface OnnxTensor {
  readonly name: string;
  readonly dims: readonly number[];
  readonly data_type: number;
  readonly raw_data: Uint8Array;
}

/** A value in the graph: its name and layout (physical axis i holds canonical axis perm[i]). */
export interface Value {
  readonly name: string;
  readonly perm: readonly number[];
}

export function intAttribute(name: string, value: number): OnnxAttribute {
  return { name, type: ATTRIBUTE_TYPE.INT, i: value };
}

export function intsAttribute(name: string, values: readonly number[]): OnnxAttribute {
  return { name, type: ATTRIBUTE_TYPE.INTS, ints: values };
}

export function floatAttribute(name: string, value: number): OnnxAttribute {
  return { name, type: ATTRIBUTE_TYPE.FLOAT, f: value };
}

export function floatsAttribute(name: string, values: readonly number[]): OnnxAttribute {
  return { name, type: ATTRIBUTE_TYPE.FLOATS, floats: values };
}

export function stringAttribute(name: string, value: string): OnnxAttribute {
  return { name, type: ATTRIBUTE_TYPE.STRING, s: new TextEncoder().encode(value) };
}

export function identity(rank: number): number[] {
  return Array.from({ length: rank }, (_, axis) => axis);
}

/** NHWC held as NCHW: physical axes hold canonical axes 0, 3, 1, 2. */
export const NCHW: readonly number[] = [0, 3, 1, 2];

function bytesOf(values: Float32Array | Int32Array | BigInt64Array): Uint8Array {
  return new Uint8Array(values.buffer.slice(values.byteOffset, values.byteOffset + values.byteLength));
}

export class GraphBuilder {
  readonly nodes: OnnxNode[] = [];
  readonly initializers: OnnxTensor[] = [];
  private readonly names = new Set<string>();
  private readonly layouts = new Map<string, Value>();

  /** A fresh value name: `base`, or `base_2`, `base_3`… when taken. */
  unique(base: string): string {
    let name = base;
    for (let suffix = 2; this.names.has(name); suffix++) name = `${base}_${suffix}`;
    this.names.add(name);
    return name;
  }

  reserve(name: string): void {
    this.names.add(name);
  }

  floatTensor(base: string, values: Float32Array, dims: readonly number[]): string {
    return this.tensor(base, dims, ELEMENT_TYPE.float, bytesOf(values));
  }

  int64Tensor(base: string, values: readonly number[]): string {
    return this.tensor(base, [values.length], ELEMENT_TYPE.int64, bytesOf(BigInt64Array.from(values.map((value) => BigInt(value)))));
  }

  private tensor(base: string, dims: readonly number[], type: number, bytes: Uint8Array): string {
    const name = this.unique(base);
    this.initializers.push({ name, dims, data_type: type, raw_data: bytes });
    return name;
  }

  /** Adds a node; returns its output names (`outputs` given as bases, made unique). */
  node(owner: string, opType: string, inputs: readonly string[], outputs: readonly string[], attributes: readonly OnnxAttribute[] = []): string[] {
    const names = outputs.map((output) => (output === '' ? '' : this.unique(output)));
    this.nodes.push({ name: this.unique(`${owner}:${opType}`), op_type: opType, input: inputs, output: names, attribute: attributes });
    return names;
  }

  /** A node whose one output has exactly this name (a graph output's). */
  named(owner: string, opType: string, inputs: readonly string[], output: string, attributes: readonly OnnxAttribute[] = []): string {
    if (this.names.has(output)) throw new Error(`The ONNX value name ${output} is taken.`);
    this.names.add(output);
    this.nodes.push({ name: this.unique(`${owner}:${opType}`), op_type: opType, input: inputs, output: [output], attribute: attributes });
    return output;
  }

  /** One output: the common case. */
  op(owner: string, opType: string, inputs: readonly string[], attributes: readonly OnnxAttribute[] = [], output = `${owner}/${opType}`): string {
    return this.node(owner, opType, inputs, [output], attributes)[0];
  }

  /** The value with its axes in `perm`: itself, or a Transpose of it (made once per value and layout). */
  inLayout(value: Value, perm: readonly number[], owner: string): Value {
    if (value.perm.join() === perm.join()) return value;
    const key = `${value.name}|${perm.join()}`;
    const known = this.layouts.get(key);
    if (known !== undefined) return known;
    const order = perm.map((axis) => value.perm.indexOf(axis));
    const name = this.op(owner, 'Transpose', [value.name], [intsAttribute('perm', order)], `${value.name}/transposed`);
    const result = { name, perm };
    this.layouts.set(key, result);
    return result;
  }

  /** The value in Netloom's own layout. */
  canonical(value: Value, owner: string): Value {
    return this.inLayout(value, identity(value.perm.length), owner);
  }
}
