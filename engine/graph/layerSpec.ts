// The shape of a layer catalog entry: params, ports, shape rule and the texts the inspector shows.
import type { TensorShape } from './shape.ts';

export type LayerCategory = 'Input & Output' | 'Core' | 'Activations' | 'Convolution' | 'Recurrent' | 'Autoencoder blocks' | 'GAN blocks';

interface ParamBase {
  /** One line: what the param does. */
  readonly doc: string;
}
export interface IntParam extends ParamBase {
  readonly kind: 'int';
  readonly default: number;
  readonly min: number;
  readonly max: number;
}
export interface FloatParam extends ParamBase {
  readonly kind: 'float';
  readonly default: number;
  readonly min: number;
  readonly max: number;
}
export interface BoolParam extends ParamBase {
  readonly kind: 'bool';
  readonly default: boolean;
}
export interface EnumParam extends ParamBase {
  readonly kind: 'enum';
  readonly default: string;
  readonly options: readonly string[];
}
/** A list of ints such as a kernel size [3, 3] or a target shape. */
export interface IntListParam extends ParamBase {
  readonly kind: 'intList';
  readonly default: readonly number[];
  readonly min: number;
  readonly max: number;
  readonly minLength: number;
  readonly maxLength: number;
}
export type ParamSpec = IntParam | FloatParam | BoolParam | EnumParam | IntListParam;
export type ParamValue = number | boolean | string | readonly number[];
export type Params = Readonly<Record<string, ParamValue>>;

export interface PortSpec {
  readonly name: string;
  readonly doc: string;
}

/** What a shape rule returns: the output shape, or what is wrong and how to fix it. */
export type ShapeResult =
  | { readonly ok: true; readonly shape: TensorShape }
  | {
      readonly ok: false;
      readonly message: string;
      /** The param at fault, when one is. */
      readonly field?: string;
      /** The input port at fault, when one is. */
      readonly port?: string;
      readonly suggestion?: string;
      /** A node type to insert on the edge into `port` (Flatten before Dense). */
      readonly insert?: { readonly type: string; readonly params?: Readonly<Record<string, unknown>> };
      /** A param value that would make the rule pass. */
      readonly setParam?: { readonly field: string; readonly value: ParamValue };
    };

export interface LayerSpec {
  readonly type: string;
  readonly category: LayerCategory;
  /** One line for the palette. */
  readonly summary: string;
  /** A short concept text for the inspector: what the layer does and why. */
  readonly concept: string;
  readonly params: Readonly<Record<string, ParamSpec>>;
  readonly inputs: readonly PortSpec[];
  /** Every layer has a single output port, `out`, except loss heads, which have none. */
  readonly hasOutput: boolean;
  /** True for loss heads (SoftmaxCrossEntropy, MSE, BCE). */
  readonly isLoss?: boolean;
  /** Input shapes in port order; params already checked and defaulted. */
  readonly shape: (inputs: readonly TensorShape[], params: Params) => ShapeResult;
  /** Trainable parameter count for these input shapes. */
  readonly parameterCount?: (inputs: readonly TensorShape[], params: Params) => number;
}

export function ok(shape: TensorShape): ShapeResult {
  return { ok: true, shape };
}

export function fail(message: string, details: Omit<Extract<ShapeResult, { ok: false }>, 'ok' | 'message'> = {}): ShapeResult {
  return { ok: false, message, ...details };
}
