// Every layer of the catalog, lowered to primitive ops (Input and the loss heads are handled by compile).
import { activationLowerings } from './activation.ts';
import type { Lowering } from './context.ts';
import { lowerConv2D, lowerConvTranspose2D } from './convolution.ts';
import { lowerDense } from './dense.ts';
import { lowerAdd, lowerConcat, lowerEmbedding } from './merge.ts';
import { lowerAvgPool2D, lowerGlobalAvgPool, lowerMaxPool2D, lowerUpsample2D } from './pooling.ts';
import { lowerGRU, lowerLSTM, lowerSimpleRNN } from './recurrent.ts';
import { lowerBatchNorm, lowerDropout } from './regularization.ts';
import { lowerView } from './reshape.ts';

export const layerLowerings: Readonly<Record<string, Lowering>> = {
  ...activationLowerings,
  Dense: lowerDense,
  Flatten: lowerView,
  Reshape: lowerView,
  Dropout: lowerDropout,
  BatchNorm: lowerBatchNorm,
  Add: lowerAdd,
  Concat: lowerConcat,
  Embedding: lowerEmbedding,
  Conv2D: lowerConv2D,
  ConvTranspose2D: lowerConvTranspose2D,
  MaxPool2D: lowerMaxPool2D,
  AvgPool2D: lowerAvgPool2D,
  GlobalAvgPool: lowerGlobalAvgPool,
  Upsample2D: lowerUpsample2D,
  SimpleRNN: lowerSimpleRNN,
  LSTM: lowerLSTM,
  GRU: lowerGRU,
};

export { lossLowerings, type LossLowering } from './loss.ts';
export { LoweringContext, type Lowering, type LoweringState, type ParameterEntry } from './context.ts';
