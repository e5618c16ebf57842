// Supervised training (classify, regress, sequence) and autoencoders (the input is the target):
// one step per batch; validation per epoch on a padded batcher so every example counts once.
import type { Batcher } from '../../data/index.ts';
import { accumulate, emptyTotals, summarize, type MetricTotals } from '../metrics.ts';
import type { Model } from '../model.ts';
import type { StepResult, Trainer } from '../trainer.ts';
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

  /** Trains on batch `index` of the current epoch (call train.startEpoch first). */
  step(index: number): StepResult & { readonly metrics: Record<string, number> } {
    const batch = this.train.fill(index);
    const denoise = this.model.compiled.document.training.denoise ?? 0;
    if (denoise > 0) {
      this.noisy ??= new Float32Array(batch.inputs.length);
      feedBatch(this.model, this.dataInput, batch, noisyInputs(batch.inputs, denoise, this.noise, this.noisy));
    } else {
      feedBatch(this.model, this.dataInput, batch);
    }
    const result = this.trainer.trainStep();
    const totals = emptyTotals(null);
    accumulate(this.model, totals, batch.count, this.targetOf(batch.targets));
    const metrics = summarize(totals, this.kind);
    delete metrics.loss;
    return { ...result, metrics };
  }

  /** Loss and metrics over the validation examples, in inference mode. */
  evaluate(batcher: Batcher | null = this.validation): Evaluation | null {
    if (batcher === null || batcher.batchesPerEpoch === 0) return null;
    const totals: MetricTotals = emptyTotals(this.kind === 'classes' ? this.classes : null);
    batcher.startEpoch(0);
    for (let index = 0; index < batcher.batchesPerEpoch; index++) {
      const batch = batcher.fill(index);
      feedBatch(this.model, this.dataInput, batch);
      this.model.forward('infer');
      accumulate(this.model, totals, batch.count, this.targetOf(batch.targets));
    }
    return { examples: totals.examples, metrics: summarize(totals, this.kind), confusion: totals.confusion };
  }

  /** What the loss compared with: the target buffer, or the input for an autoencoder. */
  private targetOf(targets: ArrayLike<number>): ArrayLike<number> {
    if (this.model.compiled.target === null) return this.model.input(this.dataInput).data;
    return reconstructs(this.model) ? this.model.target().data : targets;
  }
}
