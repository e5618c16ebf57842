// The messages between the UI (or the CLI) and the engine worker. Version 1. Every message is a
// discriminated union member keyed by `type`; tensors and images travel as transferable
// ArrayBuffers. This file imports nothing: both sides share it as the contract.

export const PROTOCOL_VERSION = 1;

export type BackendName = 'cpu' | 'webgpu';
export type RunState = 'idle' | 'compiling' | 'ready' | 'running' | 'paused' | 'stopping' | 'done' | 'failed';

/** Overrides of the graph's training settings for one run. */
export interface RunSettings {
  readonly epochs?: number;
  readonly steps?: number;
  readonly batchSize?: number;
  readonly learningRate?: number;
  readonly seed?: number;
  readonly validationSplit?: number;
  /** Telemetry messages per second at most (default 30). */
  readonly telemetryRate?: number;
}

export type EngineRequest =
  | { readonly type: 'compile'; readonly document: unknown; readonly backend?: BackendName | 'auto' }
  | { readonly type: 'start'; readonly settings?: RunSettings; readonly checkpoint?: ArrayBuffer }
  | { readonly type: 'pause' }
  | { readonly type: 'resume' }
  | { readonly type: 'step' }
  | { readonly type: 'stop' }
  | { readonly type: 'setLearningRate'; readonly learningRate: number }
  | { readonly type: 'watch'; readonly nodeIds: readonly string[]; readonly sample: number }
  | { readonly type: 'probe'; readonly requestId: number; readonly nodeId: string; readonly samples: readonly number[] }
  | { readonly type: 'readWeights'; readonly requestId: number; readonly nodeId: string }
  | { readonly type: 'saveCheckpoint'; readonly requestId: number };

export interface TensorPayload {
  readonly shape: readonly number[];
  /** Float32 values, row-major. */
  readonly data: ArrayBuffer;
}

/** A grid of images (reconstructions, GAN samples): count × height × width × channels, in [0, 1]. */
export interface ImageGrid {
  readonly count: number;
  readonly height: number;
  readonly width: number;
  readonly channels: number;
  readonly data: ArrayBuffer;
}

export interface ProblemReport {
  readonly message: string;
  readonly nodeId?: string;
  readonly field?: string;
  readonly file?: string;
  readonly line?: number;
  readonly suggestion?: string;
}

export interface StepTelemetry {
  readonly step: number;
  readonly epoch: number;
  /** Named losses: `loss`, or `generator` and `discriminator` for a GAN. */
  readonly losses: Readonly<Record<string, number>>;
  readonly metrics: Readonly<Record<string, number>>;
  readonly learningRate: number;
}

export type EngineEvent =
  | { readonly type: 'hello'; readonly protocolVersion: number; readonly backends: readonly BackendName[] }
  | { readonly type: 'state'; readonly state: RunState }
  | { readonly type: 'compiled'; readonly backend: BackendName; readonly parameterCount: number; readonly nodeIds: readonly string[] }
  | { readonly type: 'problem'; readonly problems: readonly ProblemReport[]; readonly fatal: boolean }
  | { readonly type: 'loading'; readonly what: string; readonly done: number; readonly total: number }
  /** Steps since the last message, oldest first (throttled: several steps per message when fast). */
  | { readonly type: 'steps'; readonly steps: readonly StepTelemetry[] }
  | {
      readonly type: 'progress';
      readonly epoch: number;
      readonly epochs: number;
      readonly step: number;
      readonly totalSteps: number;
      readonly samplesPerSecond: number;
      readonly secondsLeft: number;
    }
  | { readonly type: 'epoch'; readonly epoch: number; readonly validation: Readonly<Record<string, number>>; readonly confusion?: readonly (readonly number[])[] }
  | { readonly type: 'watched'; readonly step: number; readonly nodeId: string; readonly sample: number; readonly tensor: TensorPayload }
  | { readonly type: 'probed'; readonly requestId: number; readonly nodeId: string; readonly tensor: TensorPayload }
  | { readonly type: 'weights'; readonly requestId: number; readonly nodeId: string; readonly tensors: Readonly<Record<string, TensorPayload>> }
  | { readonly type: 'images'; readonly kind: 'reconstructions' | 'samples'; readonly epoch: number; readonly inputs?: ImageGrid; readonly outputs: ImageGrid }
  /** A GAN's samples of 2-D data: `count` points each, float32 (x, y) pairs, in the data's own coordinates. */
  | { readonly type: 'points'; readonly epoch: number; readonly count: number; readonly generated: ArrayBuffer; readonly real?: ArrayBuffer }
  | { readonly type: 'text'; readonly epoch: number; readonly temperature: number; readonly samples: readonly string[] }
  | { readonly type: 'series'; readonly epoch: number; readonly truth: readonly number[]; readonly prediction: readonly number[] }
  | { readonly type: 'checkpoint'; readonly requestId: number; readonly data: ArrayBuffer }
  | { readonly type: 'diverged'; readonly step: number; readonly nodeId: string; readonly message: string }
  | { readonly type: 'done'; readonly steps: number; readonly epochs: number; readonly losses: Readonly<Record<string, number>>; readonly reason: 'finished' | 'stopped' | 'earlyStopping' };
