// Flatten and Reshape are views: the same storage under another shape; nothing is copied.
import type { Lowering } from './context.ts';

export const lowerView: Lowering = (context) => context.builder.view(context.inputs[0], context.outputDims);
