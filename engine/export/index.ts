// engine/export: a graph with its weights, leaving Netloom (ONNX; PyTorch in pytorch/).
export { exportParts, type ExportPart, type OutputKind, type PartOutput } from './parts.ts';
export { freshWeights, weightsFromCheckpoint, type ExportWeights, type WeightedModels } from './weights.ts';
export * from './onnx/index.ts';
