import { pooling } from './pooling.ts';

export const AvgPool2D = pooling(
  'AvgPool2D',
  'Averages each window: a smoother downsampling.',
  'Average pooling replaces each window of a channel by the mean of its values. Like max pooling it shrinks the feature map, but it keeps an overall level of activation rather than the peak. LeNet-5 used it.',
);
