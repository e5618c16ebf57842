// The layer catalog: every layer a graph may use, by type name.
import type { LayerSpec } from '../layerSpec.ts';
import { Add } from './add.ts';
import { AvgPool2D } from './avgPool2d.ts';
import { BatchNorm } from './batchNorm.ts';
import { BCE } from './binaryCrossEntropy.ts';
import { BinaryStep } from './binaryStep.ts';
import { Concat } from './concat.ts';
import { Conv2D } from './conv2d.ts';
import { ConvTranspose2D } from './convTranspose2d.ts';
import { Dense } from './dense.ts';
import { Dropout } from './dropout.ts';
import { Embedding } from './embedding.ts';
import { Flatten } from './flatten.ts';
import { GELU } from './gelu.ts';
import { GlobalAvgPool } from './globalAvgPool.ts';
import { GRU } from './gru.ts';
import { Input } from './input.ts';
import { LeakyReLU } from './leakyRelu.ts';
import { Linear } from './linear.ts';
import { LSTM } from './lstm.ts';
import { MaxPool2D } from './maxPool2d.ts';
import { MSE } from './meanSquaredError.ts';
import { ReLU } from './relu.ts';
import { Reshape } from './reshape.ts';
import { Sigmoid } from './sigmoid.ts';
import { SimpleRNN } from './simpleRnn.ts';
import { Softmax } from './softmax.ts';
import { SoftmaxCrossEntropy } from './softmaxCrossEntropy.ts';
import { Tanh } from './tanh.ts';
import { Upsample2D } from './upsample2d.ts';

const layers: readonly LayerSpec[] = [
  Input, SoftmaxCrossEntropy, MSE, BCE,
  Dense, Flatten, Reshape, Dropout, BatchNorm, Add, Concat, Embedding,
  ReLU, LeakyReLU, Sigmoid, Tanh, Softmax, Linear, BinaryStep, GELU,
  Conv2D, MaxPool2D, AvgPool2D, GlobalAvgPool, ConvTranspose2D, Upsample2D,
  SimpleRNN, LSTM, GRU,
];

export const layerCatalog: ReadonlyMap<string, LayerSpec> = new Map(layers.map((layer) => [layer.type, layer]));
