// engine/compile: graph document -> Program (lowering, autodiff, buffers).
export { compileGraph, CompileError, type CompileOptions, type CompiledGraph, type CompiledParameter } from './compile.ts';
export { buildBackward, type BackwardPass } from './autodiff.ts';
export { ProgramBuilder } from './builder.ts';
export { gradientRules } from './gradients/index.ts';
export { declareOptimizer, optimizerStateCount, updateCalls, type CompiledOptimizer, type UpdateTarget } from './update.ts';
export { bytesPerElement, CATEGORY_LABELS, combineEstimates, estimateMemory, MEMORY_CATEGORIES, safeElementCount, type MemoryCategory, type MemoryEstimate, type TensorMemory } from './memory.ts';
