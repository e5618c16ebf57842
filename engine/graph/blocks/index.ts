// The composite block catalog.
import type { BlockSpec } from './blockSpec.ts';
import { Bottleneck } from './bottleneck.ts';
import { Decoder } from './decoder.ts';
import { Discriminator } from './discriminator.ts';
import { Encoder } from './encoder.ts';
import { Generator } from './generator.ts';

export const blockCatalog: ReadonlyMap<string, BlockSpec> = new Map([Encoder, Bottleneck, Decoder, Generator, Discriminator].map((block) => [block.kind, block]));

export type { BlockLayer, BlockSpec } from './blockSpec.ts';
