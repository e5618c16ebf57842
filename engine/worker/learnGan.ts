// The GAN lab's snapshot: the discriminator's mean verdict on real and generated examples, the
// samples' spread and mode coverage, and for 2-D data the discriminator over a grid of the plane
// (its heat map) and the generator over a grid of its noise (the warped grid). Inference copies
// of the run's two models, weights refreshed when the run has stepped since.
import { applyNormalization } from '../data/index.ts';
import { compileGraph } from '../compile/index.ts';
import { seedRandomState } from '../ir/index.ts';
import type { EngineEvent, GanPlane, PlaneBounds } from '../protocol/index.ts';
import { GanLoop } from '../train/loops/gan.ts';
import { denormalize, fillNormal, realExamples } from '../train/loops/gan/samples.ts';
import { Model } from '../train/model.ts';
import type { TrainingRun } from '../train/run.ts';
import { classCentres, meanProbability, modeCoverage, sigmoid, spreadOf } from './ganMeasures.ts';
import { boundsOf, copyWeights, INFERENCE_BATCH, inferRows, RunCache } from './inferenceCopies.ts';

/** Examples compared per snapshot: points of 2-D data, images otherwise. */
const POINT_COUNT = 512;
const IMAGE_COUNT = 128;
/** The warped grid covers the noise within this many standard deviations. */
const NOISE_EXTENT = 2;
/** The snapshot's own noise stream: the same noise every time, so snapshots compare. */
const SNAPSHOT_NOISE_SEED = 0x5f3759df;

interface GanInference {
  readonly discriminator: Model;
  readonly generator: Model;
  steps: number;
}

const states = new RunCache<GanLoop, GanInference>((models) => [models.discriminator, models.generator]);

async function inferenceFor(run: TrainingRun | null): Promise<{ loop: GanLoop; models: GanInference }> {
  const loop = run?.loop;
  if (run === null || loop === undefined || !(loop instanceof GanLoop)) throw new Error('The GAN lab reads a GAN\'s run: press Train on a GAN graph (such as the ring of Gaussians example) first.');
  const models = states.get(loop, () => {
    const { documents, discriminator, generator } = loop.parts;
    const options = { batchSize: INFERENCE_BATCH, seed: 1 };
    return { discriminator: new Model(compileGraph(documents.discriminator, options), { backend: discriminator.backend }), generator: new Model(compileGraph(documents.generator, options), { backend: generator.backend }), steps: -1 };
  });
  if (models.steps !== run.steps) {
    await copyWeights(loop.parts.discriminator, models.discriminator);
    await copyWeights(loop.parts.generator, models.generator);
    models.steps = run.steps;
  }
  return { loop, models };
}

/** Generated examples of rows of noise, in the training range. */
function generateRows(loop: GanLoop, models: GanInference, noise: Float32Array): Promise<Float32Array> {
  const { noiseInput, generatorOutput } = loop.parts.documents;
  return inferRows(models.generator, models.generator.inputBuffer(noiseInput), models.generator.outputBuffer(generatorOutput), noise, noise.length / loop.noiseSize);
}

/** Discriminator logits of rows of examples in the training range. */
function discriminate(loop: GanLoop, models: GanInference, examples: Float32Array, rows: number): Promise<Float32Array> {
  const { discriminator } = models;
  return inferRows(discriminator, discriminator.inputBuffer(loop.parts.documents.realInput), discriminator.compiled.prediction as number, examples, rows);
}

function normalized(loop: GanLoop, values: Float32Array): Float32Array {
  const copy = values.slice();
  if (loop.parts.normalization !== undefined) applyNormalization(copy, loop.parts.normalization);
  return copy;
}

/** gridSize² points of the bounds, row by row from the top (yMax) down. */
function planeGrid(bounds: PlaneBounds, gridSize: number): Float32Array {
  const points = new Float32Array(gridSize * gridSize * 2);
  for (let row = 0; row < gridSize; row++) {
    for (let column = 0; column < gridSize; column++) {
      const at = 2 * (row * gridSize + column);
      points[at] = bounds.xMin + ((column + 0.5) / gridSize) * (bounds.xMax - bounds.xMin);
      points[at + 1] = bounds.yMax - ((row + 0.5) / gridSize) * (bounds.yMax - bounds.yMin);
    }
  }
  return points;
}

/** gridSize² noise rows: the first two values on a grid over [−extent, extent]² (rows from the top), the rest 0. */
function noiseGrid(noiseSize: number, gridSize: number): Float32Array {
  const noise = new Float32Array(gridSize * gridSize * noiseSize);
  for (let row = 0; row < gridSize; row++) {
    for (let column = 0; column < gridSize; column++) {
      const at = (row * gridSize + column) * noiseSize;
      noise[at] = -NOISE_EXTENT + (2 * NOISE_EXTENT * column) / (gridSize - 1);
      if (noiseSize > 1) noise[at + 1] = NOISE_EXTENT - (2 * NOISE_EXTENT * row) / (gridSize - 1);
    }
  }
  return noise;
}

async function plane(loop: GanLoop, models: GanInference, real: Float32Array, generated: Float32Array, gridSize: number): Promise<GanPlane> {
  const bounds = boundsOf(real, 0.35);
  const grid = planeGrid(bounds, gridSize);
  const logits = await discriminate(loop, models, normalized(loop, grid), gridSize * gridSize);
  const heat = Float32Array.from(logits, sigmoid);
  const warped = denormalize(await generateRows(loop, models, noiseGrid(loop.noiseSize, gridSize)), loop.parts.normalization);
  return { bounds, heat: heat.buffer, gridSize, warped: warped.buffer as ArrayBuffer, noiseExtent: NOISE_EXTENT, real: real.slice().buffer, generated: generated.slice().buffer };
}

/** The classes' centres of the real points, and how many draw generated points (classed 2-D data only). */
function modesOf(loop: GanLoop, real: Float32Array, generated: Float32Array): { covered: number; total: number; onModes: number } | null {
  const { targets } = loop.parts.dataset;
  if (targets.kind !== 'class' || targets.classNames.length < 2) return null;
  const rows = real.length / 2;
  const { centres, spread } = classCentres(real, targets.values.subarray(0, rows), targets.classNames.length);
  return modeCoverage(generated, centres, Math.max(3 * spread, 1e-6));
}

/** Answers ganSnapshot for the run's GAN. */
export async function ganSnapshot(run: TrainingRun | null, requestId: number, gridSize: number): Promise<EngineEvent> {
  const { loop, models } = await inferenceFor(run);
  const { dataset } = loop.parts;
  const points = dataset.inputDims.length === 1 && dataset.inputDims[0] === 2;
  const size = dataset.inputDims.reduce((total, dim) => total * dim, 1);
  const real = realExamples(dataset, points ? POINT_COUNT : IMAGE_COUNT);
  const rows = real.length / size;
  const noise = new Float32Array(rows * loop.noiseSize);
  fillNormal(noise, seedRandomState(SNAPSHOT_NOISE_SEED));
  const fake = await generateRows(loop, models, noise);
  const realScore = meanProbability(await discriminate(loop, models, normalized(loop, real), rows));
  const fakeScore = meanProbability(await discriminate(loop, models, fake, rows));
  const generated = denormalize(fake, loop.parts.normalization);
  const side = Math.max(8, Math.min(64, Math.floor(gridSize)));
  return {
    type: 'ganState',
    requestId,
    step: run?.steps ?? 0,
    epoch: run?.epoch ?? 0,
    realScore,
    fakeScore,
    realSpread: spreadOf(real, rows, size),
    generatedSpread: spreadOf(generated, rows, size),
    modes: points ? modesOf(loop, real, generated) : null,
    plane: points ? await plane(loop, models, real, generated, side) : null,
  };
}
