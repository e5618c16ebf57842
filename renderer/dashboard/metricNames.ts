// The one table of what the dashboard's numbers are called and what they mean: the engine's names
// (loss, realAccuracy...) in words a learner reads, each with a one-line explanation shown on hover.
// The loss chart's legend and the progress panel take their words from here.

export interface MetricWords {
  readonly label: string;
  readonly explanation: string;
}

export const METRIC_WORDS: Readonly<Record<string, MetricWords>> = {
  loss: { label: 'loss', explanation: 'How wrong the network is on the batch it just trained on; lower is better.' },
  generator: { label: 'generator loss', explanation: 'How easily the discriminator tells the generator’s fakes apart; it falls as the fakes get more convincing.' },
  discriminator: { label: 'discriminator loss', explanation: 'How wrong the discriminator is at telling real examples from fakes; lower means it is winning.' },
  accuracy: { label: 'accuracy', explanation: 'The share of examples whose class the network got right.' },
  mae: { label: 'mean error', explanation: 'The average distance between the prediction and the truth (mean absolute error); lower is better.' },
  realAccuracy: { label: 'D on real', explanation: 'The share of real examples the discriminator (D) calls real.' },
  fakeAccuracy: { label: 'D on fake', explanation: 'The share of the generator’s fakes the discriminator (D) calls fake; near 0.5 it can no longer tell.' },
};

/** The progress panel's numbers, in the same words. */
export const PROGRESS_WORDS = {
  epoch: { label: 'Epoch', explanation: 'One epoch is one pass over every training example.' },
  step: { label: 'Step', explanation: 'One step trains on one batch of examples and updates the weights once.' },
  samplesPerSecond: { label: 'Samples/s', explanation: 'Training examples the network learns from per second.' },
  timeLeft: { label: 'Time left', explanation: 'The time the remaining steps take at the current speed.' },
  learningRate: { label: 'Learning rate', explanation: 'How big a step the optimizer takes against the gradient; the schedule may change it.' },
  parameters: { label: 'Parameters', explanation: 'The numbers the network learns: every weight and bias of every layer.' },
} as const satisfies Readonly<Record<string, MetricWords>>;

/** A metric's words; a name not in the table stands as it is. */
export function metricWords(name: string): MetricWords {
  return METRIC_WORDS[name] ?? { label: name, explanation: `“${name}”, as the run reports it.` };
}

/** The words of a validation value, measured at the end of each epoch on examples held out from training. */
export function validationWords(name: string): MetricWords {
  const words = metricWords(name);
  return { label: `validation ${words.label}`, explanation: `On the validation examples (held out from training), at each epoch’s end: ${words.explanation}` };
}
