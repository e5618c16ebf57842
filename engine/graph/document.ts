// The graph document, version 2: the one data structure every part of Netloom shares.
// Structure only: each node's params are checked against the layer catalog by validate.ts.
import { z } from 'zod';

export const GRAPH_FORMAT = 'netloom.graph';
export const GRAPH_VERSION = 2;

const identifier = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'use letters, digits and _ . : - only');

const finite = z.number().finite();

export const PositionSchema = z.object({ x: finite, y: finite }).strict();

export const NodeSchema = z
  .object({
    id: identifier,
    type: z.string().min(1).max(64),
    params: z.record(z.string(), z.unknown()).default({}),
    position: PositionSchema,
    label: z.string().max(200).optional(),
    group: identifier.optional(),
  })
  .strict();

export const EdgeSchema = z
  .object({
    id: identifier,
    source: identifier,
    sourcePort: z.string().min(1).max(64).default('out'),
    target: identifier,
    targetPort: z.string().min(1).max(64).default('in'),
  })
  .strict();

export const BLOCK_KINDS = ['Encoder', 'Bottleneck', 'Decoder', 'Generator', 'Discriminator', 'Custom'] as const;

export const GroupSchema = z
  .object({
    id: identifier,
    name: z.string().min(1).max(200),
    kind: z.enum(BLOCK_KINDS),
    collapsed: z.boolean().default(false),
  })
  .strict();

export const TASKS = ['classify', 'regress', 'autoencode', 'gan', 'sequence'] as const;
export const OPTIMIZERS = ['sgd', 'momentum', 'adam', 'adamw', 'rmsprop'] as const;
export const LOSSES = ['auto', 'softmaxCrossEntropy', 'mse', 'bce'] as const;

export const OptimizerSchema = z
  .object({
    type: z.enum(OPTIMIZERS).default('adam'),
    learningRate: finite.positive().max(10).default(0.001),
    momentum: finite.min(0).max(1).default(0.9),
    nesterov: z.boolean().default(false),
    beta1: finite.min(0).lt(1).default(0.9),
    beta2: finite.min(0).lt(1).default(0.999),
    epsilon: finite.positive().max(1).default(1e-8),
    rho: finite.min(0).lt(1).default(0.99),
    weightDecay: finite.min(0).max(1).default(0),
    gradientClip: finite.positive().optional(),
  })
  .strict();

export const ScheduleSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('constant') }).strict(),
  z
    .object({
      type: z.literal('step'),
      stepSize: z.number().int().positive(),
      gamma: finite.positive().max(1),
    })
    .strict(),
  z
    .object({
      type: z.literal('cosine'),
      minLearningRate: finite.min(0).default(0),
      warmupSteps: z.number().int().min(0).default(0),
    })
    .strict(),
]);

export const GanSettingsSchema = z
  .object({
    generatorOptimizer: OptimizerSchema.optional(),
    discriminatorOptimizer: OptimizerSchema.optional(),
    generatorSteps: z.number().int().min(1).max(100).default(1),
    discriminatorSteps: z.number().int().min(1).max(100).default(1),
  })
  .strict();

/** The range of each whole-number training setting (the document, the CLI's flags and the app agree). */
export const TRAINING_LIMITS = {
  batchSize: { min: 1, max: 65536 },
  epochs: { min: 1, max: 100000 },
  seed: { min: 0, max: 2 ** 32 - 1 },
} as const;

export const TrainingSchema = z
  .object({
    task: z.enum(TASKS),
    optimizer: OptimizerSchema.default({
      type: 'adam',
      learningRate: 0.001,
      momentum: 0.9,
      nesterov: false,
      beta1: 0.9,
      beta2: 0.999,
      epsilon: 1e-8,
      rho: 0.99,
      weightDecay: 0,
    }),
    loss: z.enum(LOSSES).default('auto'),
    batchSize: z.number().int().min(TRAINING_LIMITS.batchSize.min).max(TRAINING_LIMITS.batchSize.max).default(32),
    epochs: z.number().int().min(TRAINING_LIMITS.epochs.min).max(TRAINING_LIMITS.epochs.max).default(10),
    schedule: ScheduleSchema.default({ type: 'constant' }),
    seed: z.number().int().min(TRAINING_LIMITS.seed.min).max(TRAINING_LIMITS.seed.max).default(1),
    validationSplit: finite.min(0).max(0.9).default(0.1),
    gan: GanSettingsSchema.optional(),
    earlyStopping: z
      .object({
        metric: z.enum(['loss', 'accuracy']).default('loss'),
        patience: z.number().int().min(1).max(1000).default(3),
      })
      .strict()
      .optional(),
    denoise: finite.min(0).max(10).optional(),
  })
  .strict();

export const DATA_FORMATS = ['idx', 'csv', 'imageFolder', 'text', 'npy'] as const;

/**
 * How the inputs are scaled before training, fitted on the training split only: `none` keeps the
 * values as the reader decodes them (pixels 0–1, numbers as written: what version 1 did for every
 * format), `scale01` maps each feature (channel for images) to [0, 1] by its minimum and maximum,
 * `standardize` to zero mean and unit standard deviation. Token ids are never scaled.
 */
export const NORMALIZATIONS = ['none', 'scale01', 'standardize'] as const;

/** What the data held when the user chose it, so the graph can be checked against a file without reading it. */
export const DatasetSummarySchema = z
  .object({
    /** One example's dims (without the batch). */
    inputDims: z.array(z.number().int().min(1).max(1 << 24)).min(1).max(4),
    /** Classes of a classification target (absent for numbers to regress). */
    classCount: z.number().int().min(1).max(1 << 24).optional(),
    classNames: z.array(z.string().max(256)).max(100000).optional(),
    exampleCount: z.number().int().min(0),
  })
  .strict();

/** Absent reads as "none" (normalizationOf). */
const normalization = z.enum(NORMALIZATIONS).optional();

export const DatasetSchema = z.discriminatedUnion('source', [
  z
    .object({
      source: z.literal('builtin'),
      name: z.string().min(1).max(64),
      options: z.record(z.string(), z.unknown()).optional(),
      normalization,
    })
    .strict(),
  z
    .object({
      source: z.literal('file'),
      path: z.string().min(1).max(4096),
      format: z.enum(DATA_FORMATS),
      labelPath: z.string().min(1).max(4096).optional(),
      /** The CSV column holding the target, by its header name (a CSV only). */
      labelColumn: z.string().max(256).optional(),
      options: z.record(z.string(), z.unknown()).optional(),
      normalization,
      summary: DatasetSummarySchema.optional(),
    })
    .strict(),
]);

export const MetadataSchema = z
  .object({
    name: z.string().max(200).default('Untitled'),
    description: z.string().max(20000).optional(),
    author: z.string().max(200).optional(),
    created: z.string().max(64).optional(),
    modified: z.string().max(64).optional(),
    tags: z.array(z.string().max(64)).max(64).optional(),
  })
  .strict();

export const GraphDocumentSchema = z
  .object({
    format: z.literal(GRAPH_FORMAT),
    version: z.literal(GRAPH_VERSION),
    metadata: MetadataSchema.default({ name: 'Untitled' }),
    nodes: z.array(NodeSchema).max(100000),
    edges: z.array(EdgeSchema).max(200000),
    groups: z.array(GroupSchema).max(10000).default([]),
    training: TrainingSchema,
    dataset: DatasetSchema.optional(),
  })
  .strict();

export type GraphDocument = z.infer<typeof GraphDocumentSchema>;
export type GraphNode = z.infer<typeof NodeSchema>;
export type GraphEdge = z.infer<typeof EdgeSchema>;
export type GraphGroup = z.infer<typeof GroupSchema>;
export type TrainingSettings = z.infer<typeof TrainingSchema>;
export type OptimizerSettings = z.infer<typeof OptimizerSchema>;
export type DatasetReference = z.infer<typeof DatasetSchema>;
export type DatasetSummary = z.infer<typeof DatasetSummarySchema>;
export type Normalization = (typeof NORMALIZATIONS)[number];

/** The normalization a dataset reference asks for; absent is "none". */
export function normalizationOf(reference: DatasetReference): Normalization {
  return reference.normalization ?? 'none';
}
export type Task = (typeof TASKS)[number];
export type BlockKind = (typeof BLOCK_KINDS)[number];
