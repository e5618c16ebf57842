import { ok, type LayerSpec } from '../layerSpec.ts';
import { tensorShape } from '../shape.ts';
import { enumParam, expectFloat, expectRank, pair, pairParam } from './common.ts';

export const Upsample2D: LayerSpec = {
  type: 'Upsample2D',
  category: 'Convolution',
  summary: 'Enlarges an image by a fixed factor (nearest or bilinear).',
  concept:
    'Upsampling makes each feature map larger without learning anything: nearest repeats each pixel, bilinear blends neighbours. Followed by a convolution it is a common, artifact-free alternative to transposed convolution in decoders.',
  params: {
    scale: pairParam('Factor for height and width.', 2, 1, 64),
    mode: enumParam('How new pixels are filled.', 'nearest', ['nearest', 'bilinear']),
  },
  inputs: [{ name: 'in', doc: 'An image H×W×C.' }],
  hasOutput: true,
  shape([input], params) {
    const invalid = expectFloat('Upsample2D', input) ?? expectRank('Upsample2D', input, [3]);
    if (invalid) return invalid;
    const [scaleHeight, scaleWidth] = pair(params.scale);
    return ok(tensorShape([input.dims[0] * scaleHeight, input.dims[1] * scaleWidth, input.dims[2]]));
  },
};
