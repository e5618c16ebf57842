// The engine's programmatic API, shared by the worker, the command line and tests.
export { analyzeGraph, layerCatalog, parseDocument, parseDocumentText, type GraphDocument, type GraphAnalysis, type Diagnostic } from './graph/index.ts';
export { compileGraph, CompileError, type CompiledGraph, type CompileOptions } from './compile/index.ts';
export { Model, type ModelOptions, type TensorView } from './train/model.ts';
export { Trainer, type StepResult } from './train/trainer.ts';
export { createOptimizer, type Optimizer, type ParameterSlot } from './train/optimizers/index.ts';
