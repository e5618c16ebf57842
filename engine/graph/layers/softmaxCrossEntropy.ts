import { fail } from '../layerSpec.ts';
import { describeShape } from '../shape.ts';
import { expectFloat } from './common.ts';
import { lossHead } from './loss.ts';

export const SoftmaxCrossEntropy = lossHead(
  'SoftmaxCrossEntropy',
  'Classification loss: softmax over class scores, then −log of the true class.',
  'Softmax cross-entropy turns the last layer\'s scores (logits) into class probabilities and scores the prediction by −log p(true class): near 0 when the network is confidently right, large when it is confidently wrong. Connect it to a Dense layer with one unit per class, with no Softmax in between. On a sequence it scores every time step.',
  (input) => {
    const wrongType = expectFloat('SoftmaxCrossEntropy', input);
    if (wrongType) return wrongType;
    if (input.dims.length < 1 || input.dims.length > 2) {
      return fail(`SoftmaxCrossEntropy expects class scores (a vector, or one per time step), but receives ${describeShape(input)}.`, {
        port: 'in',
        suggestion: 'Put a Dense layer with one unit per class before it.',
      });
    }
    if (input.dims[input.dims.length - 1] < 2) return fail('SoftmaxCrossEntropy needs at least 2 classes; for a yes/no output use BCE.', { port: 'in' });
    return null;
  },
);
