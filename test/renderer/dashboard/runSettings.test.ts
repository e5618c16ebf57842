import { describe, expect, it } from 'vitest';
import type { TrainingSettings } from '../../../engine/graph/index.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphDocumentSchema } from '../../../engine/graph/index.ts';
import { controlsFor, draftFrom, isTextTask, parseDraft, parseField, settingFieldsFor, statusText, TEXT_SETTING_FIELDS } from '../../../renderer/dashboard/runSettings.ts';

const example = (name: string) => GraphDocumentSchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, '../../../assets/examples', name), 'utf8')));

const training = {
  task: 'classification',
  optimizer: { type: 'adam', learningRate: 0.001, momentum: 0.9, nesterov: false, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, rho: 0.99, weightDecay: 0 },
  loss: 'auto',
  batchSize: 32,
  epochs: 10,
  schedule: { type: 'constant' },
  seed: 1,
  validationSplit: 0.1,
} as unknown as TrainingSettings;

describe('run settings', () => {
  it('starts from the graph and parses back to run settings', () => {
    const draft = draftFrom(training);
    expect(draft).toEqual({ epochs: '10', batchSize: '32', seed: '1', validationSplit: '0.1', learningRate: '0.001', temperature: '0.8' });
    expect(parseDraft(draft)).toEqual({ settings: { epochs: 10, batchSize: 32, seed: 1, validationSplit: 0.1, learningRate: 0.001 }, errors: {} });
  });

  it('says what is wrong with a field', () => {
    expect(parseField('epochs', '2.5')).toEqual({ error: 'Epochs must be a whole number.' });
    expect(parseField('epochs', '')).toEqual({ error: 'Epochs must be a number.' });
    expect(parseField('batchSize', '0')).toEqual({ error: 'Batch must be from 1 to 65536.' });
    expect(parseField('validationSplit', '0.95')).toEqual({ error: 'Validation must be from 0 to 0.9.' });
    expect(parseField('learningRate', '0')).toEqual({ error: 'Learning rate must be above 0 and at most 10.' });
    expect(parseField('learningRate', ' 3e-4 ')).toEqual({ value: 0.0003 });
    expect(parseField('seed', '0')).toEqual({ value: 0 });
    const { errors } = parseDraft({ ...draftFrom(training), epochs: 'ten' });
    expect(Object.keys(errors)).toEqual(['epochs']);
  });
});

describe('temperature', () => {
  it('is offered for text models only', () => {
    expect(isTextTask(example('char-lstm.json'))).toBe(true);
    expect(settingFieldsFor(example('char-lstm.json'))).toContain('temperature');
    for (const name of ['xo-cnn.json', 'sine-lstm.json', 'gru-waveforms.json', 'dcgan-mnist.json']) expect(settingFieldsFor(example(name))).not.toContain('temperature');
  });

  it('is range-checked and reaches the run settings when on show', () => {
    expect(parseField('temperature', '0')).toEqual({ error: 'Temperature must be above 0 and at most 5.' });
    expect(parseField('temperature', '6')).toEqual({ error: 'Temperature must be above 0 and at most 5.' });
    expect(parseField('temperature', '1.5')).toEqual({ value: 1.5 });
    const draft = { ...draftFrom(training), temperature: '0.3' };
    expect(parseDraft(draft, TEXT_SETTING_FIELDS).settings.temperature).toBe(0.3);
    expect(parseDraft(draft).settings).not.toHaveProperty('temperature');
    expect(parseDraft({ ...draft, temperature: '-1' }, TEXT_SETTING_FIELDS).errors).toEqual({ temperature: 'Temperature must be above 0 and at most 5.' });
    expect(parseDraft({ ...draft, temperature: '-1' }).errors).toEqual({});
  });
});

describe('controls', () => {
  it('enables what each state allows', () => {
    const enabled = (state: Parameters<typeof controlsFor>[0], starting = false) =>
      Object.entries(controlsFor(state, true, starting))
        .filter(([, on]) => on)
        .map(([name]) => name);
    expect(enabled('idle')).toEqual(['train', 'editSettings', 'editLearningRate']);
    expect(enabled('running')).toEqual(['pause', 'stop', 'editLearningRate']);
    expect(enabled('paused')).toEqual(['resume', 'step', 'stop', 'editLearningRate']);
    expect(enabled('done')).toEqual(['train', 'editSettings', 'editLearningRate']);
    expect(enabled('failed')).toEqual(['train', 'editSettings', 'editLearningRate']);
    expect(enabled('compiling')).toEqual([]);
    expect(enabled('stopping')).toEqual([]);
    expect(enabled('ready', true)).toEqual([]);
  });

  it('lets settings be edited but not run without an engine', () => {
    expect(controlsFor('idle', false, false)).toMatchObject({ train: false, stop: false, editSettings: true, editLearningRate: true });
  });

  it('describes where the run stands', () => {
    expect(statusText('idle', false, null, false)).toBe('Ready to train');
    expect(statusText('idle', true, null, false)).toBe('Compiling…');
    expect(statusText('done', false, { reason: 'finished', steps: 300, epochs: 3 }, false)).toBe('Finished: 300 steps, 3 epochs');
    expect(statusText('failed', false, null, true)).toBe('Diverged');
  });
});
