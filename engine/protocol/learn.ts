// Messages of the Learn panel's labs that read the user's network: inference on chosen dataset
// examples (the X-vs-O tour, the convolution lab in the user's network) and where an activation
// layer's inputs fall during a run (the activation lab's overlay). Binning and counting happen in
// the worker; the UI draws what comes back.
// Structural copies of messages.ts's TensorPayload and Histogram (messages.ts imports this file).

/** Float32 values, row-major. */
export interface LearnTensor {
  readonly shape: readonly number[];
  readonly data: ArrayBuffer;
}

/** Counts of values in `counts.length` equal bins spanning [min, max]. */
export interface LearnHistogram {
  readonly min: number;
  readonly max: number;
  readonly counts: readonly number[];
  readonly nonFinite: number;
}

/** A dataset example by index, or the `nth` (from 0) example of a class. */
export type ExampleChoice = { readonly index: number } | { readonly label: number; readonly nth?: number };

/** Whose weights: the worker's latest run (which must be this graph's) or the graph's seeded initial ones. */
export type LearnWeights = 'run' | 'initial';

/** A stretch of an activation's input axis (ends may be ±Infinity): where its gradient is zero, or vanishing. */
export interface GradientRegion {
  readonly from: number;
  readonly to: number;
  readonly kind: 'zero' | 'vanishing';
}

export interface InferredExample {
  /** The example's index in the dataset. */
  readonly index: number;
  readonly label?: number;
  readonly className?: string;
}

export type LearnRequest =
  /** Runs the graph forward (inference) on the chosen examples, normalized as training does; answers the named nodes' outputs and parameters. */
  | {
      readonly type: 'inferExamples';
      readonly requestId: number;
      readonly document: unknown;
      readonly weights: LearnWeights;
      readonly examples: readonly ExampleChoice[];
      /** Nodes whose outputs to return, each [examples, ...dims]; an Input's output is the example as fed. */
      readonly nodeIds: readonly string[];
      /** Nodes whose parameters to return (`weights`, `bias`...). */
      readonly parameterNodeIds: readonly string[];
    }
  /** The inputs of an activation node in the run's latest batch, binned on [from, to], and its units whose inputs all lie in a region. */
  | {
      readonly type: 'binActivationInputs';
      readonly requestId: number;
      readonly nodeId: string;
      readonly from: number;
      readonly to: number;
      readonly bins: number;
      readonly regions: readonly GradientRegion[];
    };

/** Shares of an activation's inputs in the latest batch: of all values, and of units (one per output position and channel). */
export interface ActivationInputStats {
  /** Counts over [from, to] in equal bins; values outside are in `below` and `above`. */
  readonly histogram: LearnHistogram;
  readonly below: number;
  readonly above: number;
  readonly values: number;
  readonly samples: number;
  /** Values per example: the units. */
  readonly units: number;
  /** Share of values inside the zero and the vanishing regions. */
  readonly zeroShare: number;
  readonly vanishingShare: number;
  /** Units whose every input in the batch lies in a zero region (dead) or in a zero or vanishing one (saturated, not dead). */
  readonly deadUnits: number;
  readonly saturatedUnits: number;
}

export type LearnEvent =
  | {
      readonly type: 'examplesInferred';
      readonly requestId: number;
      readonly weights: LearnWeights;
      /** Training steps behind the weights (0 for initial weights). */
      readonly steps: number;
      readonly examples: readonly InferredExample[];
      readonly outputs: Readonly<Record<string, LearnTensor>>;
      readonly parameters: Readonly<Record<string, Readonly<Record<string, LearnTensor>>>>;
      /** A classifier's class probabilities, [examples, classes]. */
      readonly probabilities?: LearnTensor;
      readonly classNames?: readonly string[];
    }
  | { readonly type: 'activationInputsBinned'; readonly requestId: number; readonly nodeId: string; readonly inputNodeId: string; readonly steps: number; readonly stats: ActivationInputStats };

/** The answers to LearnRequest, for the engine client. */
export const LEARN_ANSWERS = ['examplesInferred', 'activationInputsBinned'] as const;
