// engine/graph: the graph document, the layer catalog, validation and shape inference.
export { analyzeGraph, analyzeGraphText, hasErrors, type GraphAnalysis } from './analyzeGraph.ts';
export * from './diagnostic.ts';
export * from './document.ts';
export * from './layerSpec.ts';
export { layerCatalog } from './layers/index.ts';
export { migrateDocument, migrations, type Migration, type MigrationResult } from './migrate.ts';
export { checkParam, defaultParams, resolveParams } from './params.ts';
export { parseDocument, parseDocumentText, parseJsonText, type ParseResult } from './parse.ts';
export * from './shape.ts';
export { graphJsonSchema } from './jsonSchema.ts';
export { builtinDatasets, findBuiltinDataset, type BuiltinDataset } from './datasets.ts';
export { blockCatalog, type BlockLayer, type BlockSpec } from './blocks/index.ts';
export { inferChain, type ChainResult } from './chain.ts';
export { pair, paddingPair, planWindow, type SpatialPlan } from './layers/common.ts';
export { transposedPlan } from './layers/convTranspose2d.ts';
export { formatBytes, GIBIBYTE } from './bytes.ts';
export { estimateGraphMemory, optimizerStateCount } from './memoryEstimate.ts';
export { checkDatasetFit, classifierDense, dataFacts, inputParamsFor, type DataFacts } from './datasetFit.ts';
