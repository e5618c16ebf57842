// MaxPool2D and AvgPool2D share params and shape rule.
import { fail, ok, type LayerSpec } from '../layerSpec.ts';
import { tensorShape } from '../shape.ts';
import { enumParam, expectFloat, expectRank, pair, pairParam, planWindow } from './common.ts';

export function pooling(type: string, summary: string, concept: string): LayerSpec {
  return {
    type,
    category: 'Convolution',
    summary,
    concept,
    params: {
      poolSize: pairParam('Window height and width.', 2, 1, 255),
      stride: pairParam('Step between windows (usually the window size).', 2, 1, 255),
      padding: enumParam('valid: windows stay inside; same: pad so every pixel is covered.', 'valid', ['valid', 'same']),
    },
    inputs: [{ name: 'in', doc: 'An image H×W×C.' }],
    hasOutput: true,
    shape([input], params) {
      const invalid = expectFloat(type, input) ?? expectRank(type, input, [3]);
      if (invalid) return invalid;
      const [height, width, channels] = input.dims;
      const window = pair(params.poolSize);
      const plan = planWindow(height, width, window, pair(params.stride), params.padding as string, [0, 0]);
      if (plan.height < 1 || plan.width < 1) {
        const fits = Math.max(1, Math.min(height, width));
        return fail(`A ${window.join('×')} window does not fit in the ${height}×${width} input.`, {
          field: 'poolSize',
          suggestion: `Use a window of at most ${fits}×${fits}.`,
          setParam: { field: 'poolSize', value: [fits, fits] },
        });
      }
      return ok(tensorShape([plan.height, plan.width, channels]));
    },
  };
}
