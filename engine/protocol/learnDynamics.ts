// The Learn panel's requests about training dynamics: a gradient study (small networks trained in
// the worker, their gradient norms per time step and per layer streamed as they train) and an
// LSTM cell's values for one example, step by step. Failures come back as these events with a
// `problem`, never as the run's `problem` event, so the dock never shows them.

/** One network of a gradient study: `time` norms are per time step (oldest first), `depth` norms per layer (the first layer first). */
export interface GradientCurve {
  /** What it is: `SimpleRNN`, `LSTM`, `GRU`, `Sigmoid MLP`, `ReLU MLP`. */
  readonly name: string;
  readonly kind: 'time' | 'depth';
  /** ‖∂L/∂x_t‖ over the batch for each step t (time), or ‖∂L/∂W_l‖ for each Dense layer l (depth). */
  readonly norms: readonly number[];
  /** The loss of the step the norms were measured on. */
  readonly loss: number;
  /** A classifier's share of the batch classified right on that step. */
  readonly accuracy?: number;
}

export type LearnDynamicsRequest =
  /** Starts a gradient study (stopping any other), or stops it: the panel closed or the user pressed Stop. */
  | { readonly type: 'gradientStudy'; readonly action: 'start' | 'stop'; readonly studyId: number; readonly steps?: number }
  /** One LSTM node of the latest run on one dataset example: its gates, cell and hidden state at every step. */
  | { readonly type: 'lstmCell'; readonly requestId: number; readonly nodeId?: string; readonly example: number };

/** The values of an LSTM over one example, [T, H] each (T steps, H units), float32 row-major. */
export interface LstmCellValues {
  readonly steps: number;
  readonly units: number;
  /** Features of the LSTM's input at each step, [T, F]. */
  readonly features: number;
  readonly input: ArrayBuffer;
  /** For token data, the example's token at each step as its symbol (the LSTM's input is then that token's embedding). */
  readonly symbols?: readonly string[];
  /** The gates after their activations, as the kernel computed them: i, f, g (candidate), o. */
  readonly inputGate: ArrayBuffer;
  readonly forgetGate: ArrayBuffer;
  readonly candidate: ArrayBuffer;
  readonly outputGate: ArrayBuffer;
  readonly cell: ArrayBuffer;
  readonly hidden: ArrayBuffer;
  /** Each gate's sum before its activation, split in its three parts, [T, 4, H] each in the order i, f, g, o: W·x_t, U·h_{t−1}, b. */
  readonly fromInput: ArrayBuffer;
  readonly fromHidden: ArrayBuffer;
  readonly bias: ArrayBuffer;
}

export type LearnDynamicsEvent =
  | { readonly type: 'gradientStudy'; readonly studyId: number; readonly step: number; readonly totalSteps: number; readonly curves: readonly GradientCurve[] }
  /** The study ended: its steps ran out, it was stopped, or it failed (`problem` says why). */
  | { readonly type: 'gradientStudyEnded'; readonly studyId: number; readonly step: number; readonly reason: 'finished' | 'stopped' | 'failed'; readonly problem?: string }
  /** An LSTM's values over one example: `problem` instead when there is no trained LSTM to read. */
  | {
      readonly type: 'lstmCell';
      readonly requestId: number;
      /** The graph that trained last (its name) and its LSTM node. */
      readonly graph: string;
      readonly nodeId: string;
      /** Every LSTM node of that graph, for a graph with several. */
      readonly layers: readonly string[];
      readonly example: number;
      readonly exampleCount: number;
      readonly step: number;
      readonly values?: LstmCellValues;
      readonly problem?: string;
    };
