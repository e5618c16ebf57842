// Supervised training (classify, regress, sequence) and autoencoders (the input is the target):
// one step per batch; validation per epoch on a padded batcher so every example counts once.
import type { Batch, Batcher } from '../../data/index.ts';
import { accumulate, emptyTotals, passOutputs, summarize, type MetricTotals } from '../metrics.ts';
import type { Model } from '../model.ts';
import type { StepResult, Trainer } from '../trainer.ts';
import type { LoopStep, StepReadings } from './taskLoop.ts';
import { seedRandomState, type RandomState } from '../../ir/index.ts';
import { dataInputOf, feedBatch, noisyInputs, reconstructs } from './feed.ts';

export interface Evaluation {
  readonly examples: number;
  readonly metrics: Record<string, number>;
  readonly confusion: number[][] | null;
}

export class SupervisedLoop {
  readonly dataInput: string;
  readonly kind: 'classes' | 'values' | 'binary';
  private readonly noise: RandomState;
  /** The noisy copy of a batch's inputs (denoising autoencoders), reused every step. */
  private noisy: Float32Array | null = null;

  constructor(
    readonly model: Model,
    readonly trainer: Trainer,
    readonly train: Batcher,
    readonly validation: Batcher | null,
    readonly classes: number | null,
  ) {
    this.dataInput = dataInputOf(model);
    this.noise = seedRandomState(model.compiled.document.training.seed + 7);
    const head = model.compiled.document.nodes.find((node) => node.id === model.compiled.lossNode)?.type;
    this.kind = head === 'SoftmaxCrossEntropy' ? 'classes' : head === 'BCE' && model.compiled.document.training.task === 'classify' ? 'binary' : 'values';
  }

  /** Trains on batch `index` of the current epoch (call train.startEpoch first), reading its loss and metrics. */
  async step(index: number): Promise<StepResult & { readonly metrics: Record<string, number> }> {
    const { learningRate, readings } = this.trainOn(index, true);
    const read = await (readings as Promise<StepReadings>);
    return { step: this.trainer.step, loss: read.loss, learningRate, metrics: read.metrics };
  }

  /**
   * Trains on batch `index`; when `observe`, queues the reads of the step's loss and scores and
   * resolves its readings from them (the batch's targets are copied on a device backend, where
   * the readings may resolve after later steps have refilled the batch).
   */
  trainOn(index: number, observe: boolean): LoopStep {
    const batch = this.train.fill(index);
    const denoise = this.model.compiled.document.training.denoise ?? 0;
    let inputs: ArrayLike<number> = batch.inputs;
    if (denoise > 0) {
      this.noisy ??= new Float32Array(batch.inputs.length);
      inputs = noisyInputs(batch.inputs, denoise, this.noise, this.noisy);
    }
    feedBatch(this.model, this.dataInput, batch, inputs);
    const learningRate = this.trainer.advance();
    if (!observe) return { learningRate, readings: null };
    const target = this.targetOf(batch, inputs);
    const kept = this.model.onHost ? target : Float32Array.from(target);
    const loss = this.model.readLoss();
    const outputs = passOutputs(this.model);
    const rows = batch.count;
    const readings = Promise.all([loss, outputs]).then(([value, scores]): StepReadings => {
      const totals = emptyTotals(null);
      accumulate(scores, totals, rows, kept);
      const metrics = summarize(totals, this.kind);
      delete metrics.loss;
      return { loss: value, losses: { loss: value }, metrics };
    });
    return { learningRate, readings };
  }

  /** Loss and metrics over the validation examples, in inference mode. */
  async evaluate(batcher: Batcher | null = this.validation): Promise<Evaluation | null> {
    if (batcher === null || batcher.batchesPerEpoch === 0) return null;
    const totals: MetricTotals = emptyTotals(this.kind === 'classes' ? this.classes : null);
    batcher.startEpoch(0);
    for (let index = 0; index < batcher.batchesPerEpoch; index++) {
      const batch = batcher.fill(index);
      feedBatch(this.model, this.dataInput, batch);
      this.model.forward('infer');
      accumulate(await passOutputs(this.model), totals, batch.count, this.targetOf(batch, batch.inputs));
    }
    return { examples: totals.examples, metrics: summarize(totals, this.kind), confusion: totals.confusion };
  }

  /** What the loss compared with: the labels or targets, the clean inputs of an autoencoder, or the inputs given (a graph without a separate target). */
  private targetOf(batch: Batch, inputs: ArrayLike<number>): ArrayLike<number> {
    if (this.model.compiled.target === null) return inputs;
    return reconstructs(this.model) ? batch.inputs : batch.targets;
  }
}
