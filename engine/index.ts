// The engine's programmatic API, shared by the worker, the command line and tests.
export { analyzeGraph, layerCatalog, parseDocument, parseDocumentText, type GraphDocument, type GraphAnalysis, type Diagnostic } from './graph/index.ts';
export { compileGraph, CompileError, type CompiledGraph, type CompileOptions } from './compile/index.ts';
export { Model, type ModelOptions, type HostTensor } from './train/model.ts';
export { Trainer, type StepResult, type TrainedParameter } from './train/trainer.ts';
export { availableBackends, createBackend, defaultBackendName, type Backend, type BackendName } from './backends/index.ts';
