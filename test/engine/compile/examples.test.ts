// Every example compiles to a sound program that runs forward and backward with a finite loss,
// and freezing a node keeps its parameters while the rest train.
import { describe, expect, it } from 'vitest';
import { checkProgram } from '../../../engine/ir/index.ts';
import { Model, Trainer } from '../../../engine/index.ts';
import { TrainingSchema } from '../../../engine/graph/index.ts';
import { readExamples } from '../graph/examples.ts';

function fillRandom(view: { data: Float32Array | Float64Array | Int32Array }, limit: number): void {
  for (let i = 0; i < view.data.length; i++) view.data[i] = view.data instanceof Int32Array ? (i * 7919) % limit : Math.sin(i * 12.9898) * 0.5 + 0.5;
}

describe('examples compile and run', () => {
  for (const { name, document } of readExamples()) {
    it(name, () => {
      const model = Model.compile(document, { batchSize: 2 });
      expect(checkProgram(model.compiled.program)).toEqual([]);
      for (const id of model.compiled.inputs.keys()) fillRandom(model.input(id), 32);
      if (model.compiled.target !== null) fillRandom(model.target(), 2);
      model.forward('train');
      model.backward();
      expect(Number.isFinite(model.loss())).toBe(true);
      const gradients = model.compiled.parameters.filter((parameter) => parameter.gradient !== undefined).map((parameter) => model.tensor(parameter.gradient as number).data);
      expect(gradients.some((gradient) => gradient.some((value) => value !== 0))).toBe(true);
    });
  }
});

describe('parameter freezing', () => {
  it('frozen nodes keep their weights; the others change', () => {
    const example = readExamples().find((candidate) => candidate.name === 'mnist-mlp.json')!.document;
    const model = Model.compile(example, { batchSize: 4, frozen: new Set(['dense1']) });
    fillRandom(model.input('input1'), 1);
    fillRandom(model.target(), 10);
    const before = model.readParameters();
    const trainer = new Trainer(model, TrainingSchema.parse((example as { training: unknown }).training), 3);
    for (let step = 0; step < 3; step++) trainer.trainStep();
    const after = model.readParameters();
    expect(after.get('dense1/weights')).toEqual(before.get('dense1/weights'));
    expect(after.get('dense1/bias')).toEqual(before.get('dense1/bias'));
    expect(after.get('dense2/weights')).not.toEqual(before.get('dense2/weights'));
    expect(model.compiled.backward.some((call) => call.node === 'dense1')).toBe(false);
  });

  it('probes read any node after a pass without recompiling', () => {
    const example = readExamples().find((candidate) => candidate.name === 'xo-cnn.json')!.document;
    const model = Model.compile(example, { batchSize: 3 });
    fillRandom(model.input('input1'), 1);
    model.forward('infer');
    expect(model.probe('conv2d1').shape).toEqual([3, 7, 7, 4]);
    const relu = model.probe('relu1').data;
    expect(Math.min(...relu)).toBeGreaterThanOrEqual(0);
    expect(model.probe('maxpool2d1').shape).toEqual([3, 3, 3, 4]);
  });
});
