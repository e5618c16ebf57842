import { pooling } from './pooling.ts';

export const MaxPool2D = pooling(
  'MaxPool2D',
  'Keeps the largest value of each window: shrinks feature maps.',
  'Max pooling slides a window (often 2×2, stride 2) over each channel and keeps only the largest value in it. The feature map halves in height and width, the strongest responses survive, and small shifts of the input matter less.',
);
