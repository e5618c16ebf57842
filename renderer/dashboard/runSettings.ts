// The run settings a user edits before pressing Train (text fields, checked on the way out), and
// which controls each run state enables.
import type { GraphDocument, TrainingSettings } from '../../engine/graph/index.ts';
import type { RunSettings, RunState } from '../../engine/protocol/index.ts';

export const SETTING_FIELDS = ['epochs', 'batchSize', 'seed', 'validationSplit', 'learningRate'] as const;
/** Text models also pick the sampling temperature of the text generated each epoch. */
export const TEXT_SETTING_FIELDS = [...SETTING_FIELDS, 'temperature'] as const;
export type SettingField = (typeof TEXT_SETTING_FIELDS)[number];
/** The engine's own temperature when a run names none. */
export const DEFAULT_TEMPERATURE = 0.8;

/** The fields as typed. */
export type SettingsDraft = Readonly<Record<SettingField, string>>;
export type SettingErrors = Partial<Record<SettingField, string>>;

interface FieldRule {
  readonly label: string;
  readonly integer: boolean;
  readonly min: number;
  readonly max: number;
  /** Whether the minimum itself is allowed. */
  readonly inclusive: boolean;
}

export const FIELD_RULES: Readonly<Record<SettingField, FieldRule>> = {
  epochs: { label: 'Epochs', integer: true, min: 1, max: 100000, inclusive: true },
  batchSize: { label: 'Batch', integer: true, min: 1, max: 65536, inclusive: true },
  seed: { label: 'Seed', integer: true, min: 0, max: 2 ** 32 - 1, inclusive: true },
  validationSplit: { label: 'Validation', integer: false, min: 0, max: 0.9, inclusive: true },
  learningRate: { label: 'Learning rate', integer: false, min: 0, max: 10, inclusive: false },
  temperature: { label: 'Temperature', integer: false, min: 0, max: 5, inclusive: false },
};

/** A model of text: it reads token ids and predicts the next token with a softmax (it generates text each epoch). */
export function isTextTask(document: GraphDocument): boolean {
  const readsTokens = document.nodes.some((node) => node.type === 'Input' && node.params.kind === 'tokens');
  return document.training.task === 'sequence' && readsTokens && document.nodes.some((node) => node.type === 'SoftmaxCrossEntropy');
}

/** The fields a graph's run offers. */
export function settingFieldsFor(document: GraphDocument): readonly SettingField[] {
  return isTextTask(document) ? TEXT_SETTING_FIELDS : SETTING_FIELDS;
}

/** The graph's own training settings as fields. */
export function draftFrom(training: TrainingSettings): SettingsDraft {
  return {
    epochs: String(training.epochs),
    batchSize: String(training.batchSize),
    seed: String(training.seed),
    validationSplit: String(training.validationSplit),
    learningRate: String(training.optimizer.learningRate),
    temperature: String(DEFAULT_TEMPERATURE),
  };
}

/** One field's value, or a message saying what is wrong with it. */
export function parseField(field: SettingField, text: string): { value: number } | { error: string } {
  const rule = FIELD_RULES[field];
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value)) return { error: `${rule.label} must be a number.` };
  if (rule.integer && !Number.isInteger(value)) return { error: `${rule.label} must be a whole number.` };
  const low = rule.inclusive ? value < rule.min : value <= rule.min;
  if (low || value > rule.max) return { error: `${rule.label} must be ${rule.inclusive ? 'from' : 'above'} ${rule.min} ${rule.inclusive ? 'to' : 'and at most'} ${rule.max}.` };
  return { value };
}

/** The run's settings when every field on show is valid, else the errors by field. */
export function parseDraft(draft: SettingsDraft, fields: readonly SettingField[] = SETTING_FIELDS): { settings: RunSettings; errors: SettingErrors } {
  const errors: SettingErrors = {};
  const values: Partial<Record<SettingField, number>> = {};
  for (const field of fields) {
    const parsed = parseField(field, draft[field]);
    if ('error' in parsed) errors[field] = parsed.error;
    else values[field] = parsed.value;
  }
  const settings: RunSettings = {
    epochs: values.epochs,
    batchSize: values.batchSize,
    seed: values.seed,
    validationSplit: values.validationSplit,
    learningRate: values.learningRate,
    ...(values.temperature === undefined ? {} : { temperature: values.temperature }),
  };
  return { settings, errors };
}

export interface Controls {
  readonly train: boolean;
  readonly pause: boolean;
  readonly resume: boolean;
  readonly step: boolean;
  readonly stop: boolean;
  /** Epochs, batch, seed and validation split: before a run only. */
  readonly editSettings: boolean;
  /** The learning rate: before and during a run. */
  readonly editLearningRate: boolean;
}

const IDLE_STATES: readonly RunState[] = ['idle', 'ready', 'done', 'failed'];

/** Which controls a state enables; `starting` is true between pressing Train and the run going. */
export function controlsFor(state: RunState, connected: boolean, starting: boolean): Controls {
  const idle = connected && !starting && IDLE_STATES.includes(state);
  const live = connected && (state === 'running' || state === 'paused');
  return {
    train: idle,
    pause: connected && state === 'running',
    resume: connected && state === 'paused',
    step: connected && state === 'paused',
    stop: live,
    editSettings: !starting && IDLE_STATES.includes(state),
    editLearningRate: idle || live || (!connected && IDLE_STATES.includes(state)),
  };
}

const DONE_TEXT = { finished: 'Finished', stopped: 'Stopped', earlyStopping: 'Stopped early (no improvement)' } as const;

/** One line on where the run stands. */
export function statusText(state: RunState, starting: boolean, done: { reason: keyof typeof DONE_TEXT; epochs: number; steps: number } | null, diverged: boolean): string {
  if (starting) return 'Compiling…';
  if (diverged) return 'Diverged';
  switch (state) {
    case 'idle':
      return 'Ready to train';
    case 'compiling':
      return 'Compiling…';
    case 'ready':
      return 'Compiled';
    case 'running':
      return 'Training';
    case 'paused':
      return 'Paused';
    case 'stopping':
      return 'Stopping…';
    case 'failed':
      return 'Failed';
    case 'done':
      return done === null ? 'Done' : `${DONE_TEXT[done.reason]}: ${done.steps} steps, ${done.epochs} epoch${done.epochs === 1 ? '' : 's'}`;
  }
}
