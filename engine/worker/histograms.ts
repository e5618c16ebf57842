// Histograms of a layer's parameters and of their gradients, for the dashboard, and the pace at
// which a run sends them: at most every `interval` ms, and at the end of an epoch a little sooner.
import type { ParameterHistogram } from '../protocol/index.ts';
import { histogram } from '../train/histogram.ts';
import type { Model } from '../train/model.ts';

export const HISTOGRAM_BINS = 30;

/** Every parameter tensor of `nodeId` in `model`, binned, with its gradient from the last backward pass. */
export async function parameterHistograms(model: Model, nodeId: string, bins = HISTOGRAM_BINS): Promise<ParameterHistogram[]> {
  const histograms: ParameterHistogram[] = [];
  for (const parameter of model.compiled.parameters.filter((candidate) => candidate.node === nodeId)) {
    const value = await model.view(parameter.value);
    const values = histogram(value.data, bins);
    const gradients = parameter.gradient === undefined ? null : histogram((await model.view(parameter.gradient)).data, bins);
    histograms.push({ name: parameter.name, shape: [...value.shape], values, gradients });
  }
  return histograms;
}

/** The model that holds a node's parameters, if any does. */
export function modelWithParameters(models: readonly Model[], nodeId: string): Model | undefined {
  return models.find((model) => model.compiled.parameters.some((parameter) => parameter.node === nodeId));
}

export class HistogramPacer {
  private last = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly interval = 500,
    private readonly epochInterval = 200,
  ) {}

  /** Whether to send now; an epoch's last step may go sooner than other steps. */
  due(now: number, epochEnd: boolean): boolean {
    if (now - this.last < (epochEnd ? this.epochInterval : this.interval)) return false;
    this.last = now;
    return true;
  }

  /** The next step sends (the watched node changed). */
  reset(): void {
    this.last = Number.NEGATIVE_INFINITY;
  }
}
