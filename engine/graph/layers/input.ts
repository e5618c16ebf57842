import { fail, ok, type LayerSpec } from '../layerSpec.ts';
import { tensorShape } from '../shape.ts';
import { enumParam, intParam, MAX_DIM, tooLarge } from './common.ts';

export const Input: LayerSpec = {
  type: 'Input',
  category: 'Input & Output',
  summary: 'Where data enters: an image, a vector, a sequence, token ids or random noise.',
  concept:
    'The Input node declares the shape of one example; the batch dimension is added for you. Images are height × width × channels (1 channel for grayscale, 3 for colour). A sequence is time steps × features; tokens are integer ids for an Embedding; noise is the random latent vector a GAN generator starts from.',
  params: {
    kind: enumParam('What one example is.', 'image', ['image', 'vector', 'sequence', 'tokens', 'noise']),
    height: intParam('Image height in pixels.', 28, 1, 4096),
    width: intParam('Image width in pixels.', 28, 1, 4096),
    channels: intParam('Image channels: 1 grayscale, 3 colour.', 1, 1, 4096),
    features: intParam('Vector length, or features per time step of a sequence, or the noise (latent) size.', 16, 1, MAX_DIM),
    steps: intParam('Time steps in a sequence or token window.', 16, 1, 100000),
  },
  inputs: [],
  hasOutput: true,
  shape(_inputs, params) {
    const dims = shapeFor(params.kind as string, params);
    if (tooLarge(dims)) return fail(`One example would hold ${dims.join('×')} values, too many to train on.`, { field: 'features' });
    return ok(tensorShape(dims, params.kind === 'tokens' ? 'int32' : 'float32'));
  },
};

function shapeFor(kind: string, params: Readonly<Record<string, unknown>>): number[] {
  const value = (name: string) => params[name] as number;
  switch (kind) {
    case 'image':
      return [value('height'), value('width'), value('channels')];
    case 'sequence':
      return [value('steps'), value('features')];
    case 'tokens':
      return [value('steps')];
    default:
      return [value('features')];
  }
}
