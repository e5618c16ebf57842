// Every catalog layer ONNX can express, by type (Input and the loss heads are handled by the exporter).
import type { Emitter } from './context.ts';
import { coreEmitters } from './core.ts';
import { elementwiseEmitters } from './elementwise.ts';
import { recurrentEmitters } from './recurrent.ts';
import { spatialEmitters } from './spatial.ts';

export const onnxEmitters: Readonly<Record<string, Emitter>> = { ...elementwiseEmitters, ...coreEmitters, ...spatialEmitters, ...recurrentEmitters };

export type { EmitContext, Emitter } from './context.ts';
