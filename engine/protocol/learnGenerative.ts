// The Learn panel's generative labs ask the engine worker about the run's trained parts: an
// autoencoder's latent codes, decoded points of its latent plane, and a GAN's state (the
// discriminator's verdicts, the generator's mapping). Every number is computed in the worker.

/** Images, count × height × width × channels in [0, 1] (the shape of messages.ts's ImageGrid; this file imports nothing). */
export interface DecodedImages {
  readonly count: number;
  readonly height: number;
  readonly width: number;
  readonly channels: number;
  readonly data: ArrayBuffer;
}

/** A rectangle of a plane: [xMin, xMax] × [yMin, yMax]. */
export interface PlaneBounds {
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
  readonly yMax: number;
}

/**
 * The plane a latent code of more than 2 values is drawn on: its first two principal axes. A code
 * c sits at ((c − mean)·first, (c − mean)·second); a point (x, y) of the plane decodes as
 * mean + x·first + y·second. `explained`: the share of the codes' variance along each axis.
 */
export interface LatentProjection {
  readonly mean: readonly number[];
  readonly first: readonly number[];
  readonly second: readonly number[];
  readonly explained: readonly [number, number];
}

export type LearnGenerativeRequest =
  /** The codes of `count` held-out examples spread over the validation split (else the fixed examples), with their classes. */
  | { readonly type: 'latentCodes'; readonly requestId: number; readonly count: number }
  /** Decodes points of the latent plane, (x, y) pairs; through `projection` when the code has more than 2 values. */
  | { readonly type: 'decodeLatent'; readonly requestId: number; readonly points: readonly number[]; readonly projection?: LatentProjection }
  /** Decodes `steps` codes on the straight line from example `from`'s code to example `to`'s (indices into the latentCodes answer). */
  | { readonly type: 'interpolateLatent'; readonly requestId: number; readonly from: number; readonly to: number; readonly steps: number; readonly projection?: LatentProjection }
  /** The GAN's state now; for 2-D data also the discriminator over a `gridSize`² grid of the plane and the generator over a `gridSize`² grid of its noise. */
  | { readonly type: 'ganSnapshot'; readonly requestId: number; readonly gridSize: number };

/** What a GAN's 2-D plane shows: all point arrays are float32 (x, y) pairs in the data's coordinates. */
export interface GanPlane {
  readonly bounds: PlaneBounds;
  /** The discriminator's probability "real" at gridSize × gridSize points, row by row from yMax down to yMin, xMin to xMax. */
  readonly heat: ArrayBuffer;
  readonly gridSize: number;
  /** The generator's outputs for a gridSize × gridSize grid of noise over [−noiseExtent, noiseExtent]² (the first two noise values; the rest 0), row by row. */
  readonly warped: ArrayBuffer;
  readonly noiseExtent: number;
  readonly real: ArrayBuffer;
  readonly generated: ArrayBuffer;
}

export type LearnGenerativeEvent =
  | {
      readonly type: 'latent';
      readonly requestId: number;
      readonly step: number;
      /** Values in one code; above 2 the points are its projection. */
      readonly codeSize: number;
      readonly count: number;
      /** count float32 (x, y) pairs. */
      readonly points: ArrayBuffer;
      /** Each point's class (−1: none), and the classes' names. */
      readonly labels: readonly number[];
      readonly classNames: readonly string[];
      /** The dataset index of each point. */
      readonly indices: readonly number[];
      readonly projection: LatentProjection | null;
      readonly bounds: PlaneBounds;
    }
  /** Decoded images, and where their codes sit on the plane (float32 pairs). */
  | { readonly type: 'decoded'; readonly requestId: number; readonly images: DecodedImages; readonly points: ArrayBuffer }
  | {
      readonly type: 'ganState';
      readonly requestId: number;
      readonly step: number;
      readonly epoch: number;
      /** The discriminator's mean probability "real" on real examples and on generated ones. */
      readonly realScore: number;
      readonly fakeScore: number;
      /** Root-mean-square distance of the samples from their mean, real and generated (in the data's units). */
      readonly realSpread: number;
      readonly generatedSpread: number;
      /** For classed 2-D data (the ring): the classes whose centre draws a fair share of generated points, and the share of points near some centre. */
      readonly modes: { readonly covered: number; readonly total: number; readonly onModes: number } | null;
      readonly plane: GanPlane | null;
    };
