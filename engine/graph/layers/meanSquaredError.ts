import { expectFloat } from './common.ts';
import { lossHead } from './loss.ts';

export const MSE = lossHead(
  'MSE',
  'Regression loss: the mean of squared differences from the target.',
  'Mean squared error averages (prediction − target)² over every value. Large errors count much more than small ones. It is the usual loss for predicting numbers, time series and autoencoder reconstructions.',
  (input) => expectFloat('MSE', input),
);
