// Composite blocks (Encoder, Bottleneck, Decoder, Generator, Discriminator): templates that expand
// into a chain of catalog layers inside a named group. A graph stores the expanded layers, so the
// engine only ever sees catalog layers; the block is what the palette offers and the group recalls.
import type { BlockKind } from '../document.ts';
import type { LayerCategory, ParamSpec, Params } from '../layerSpec.ts';
import type { TensorShape } from '../shape.ts';

export interface BlockLayer {
  readonly type: string;
  readonly params: Readonly<Record<string, unknown>>;
}

export interface BlockSpec {
  readonly kind: Exclude<BlockKind, 'Custom'>;
  readonly category: Extract<LayerCategory, 'Autoencoder blocks' | 'GAN blocks'>;
  readonly summary: string;
  readonly concept: string;
  readonly params: Readonly<Record<string, ParamSpec>>;
  /** The layers, in order, for an input of this shape (null when the block starts the graph). */
  readonly expand: (params: Params, input: TensorShape | null) => readonly BlockLayer[];
}

export const ACTIVATIONS: Readonly<Record<string, BlockLayer>> = {
  relu: { type: 'ReLU', params: {} },
  leakyRelu: { type: 'LeakyReLU', params: { alpha: 0.2 } },
  tanh: { type: 'Tanh', params: {} },
  gelu: { type: 'GELU', params: {} },
  sigmoid: { type: 'Sigmoid', params: {} },
};

export function activationLayer(name: unknown): BlockLayer[] {
  const layer = ACTIVATIONS[name as string];
  return layer === undefined ? [] : [layer];
}
