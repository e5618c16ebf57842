// What the feature-map panel draws for a node: its output as channels, bars or a heat strip, the
// health of its units, and a Conv2D's filters.
import type { TensorPayload } from '../../engine/protocol/index.ts';
import { activationHealth, type ActivationHealth } from './activationStats.ts';
import { barHeights, channelGrid, featureTensor, heatStrip, type Bars, type TensorKind } from './featureImages.ts';
import { filterSheet } from './imageSheets.ts';
import type { RgbaImage } from './pixels.ts';

export interface FeatureView {
  readonly kind: TensorKind;
  /** "28×28×8 (8 channels)", "T 20 × F 16", "64 units". */
  readonly caption: string;
  /** Channels (image) or the heat strip (sequence). */
  readonly image: RgbaImage | null;
  readonly bars: Bars | null;
  readonly health: ActivationHealth;
}

export function featureView(tensor: TensorPayload, nodeType: string | undefined): FeatureView {
  const sample = featureTensor(tensor);
  const health = activationHealth(nodeType, sample.values);
  if (sample.kind === 'image') {
    const [height, width, channels] = sample.dims;
    const caption = `${height}×${width}×${channels} (${channels} channel${channels === 1 ? '' : 's'})`;
    return { kind: 'image', caption, image: channelGrid(sample.values, height, width, channels), bars: null, health };
  }
  if (sample.kind === 'sequence') {
    const [steps, features] = sample.dims;
    return { kind: 'sequence', caption: `${steps} steps × ${features} features (time runs left to right)`, image: heatStrip(sample.values, steps, features), bars: null, health };
  }
  const bars = barHeights(sample.values, 128);
  const caption = `${sample.values.length} unit${sample.values.length === 1 ? '' : 's'}${bars.perBar > 1 ? ` (${bars.perBar} per bar)` : ''}`;
  return { kind: 'vector', caption, image: null, bars, health };
}

export interface FilterView {
  readonly image: RgbaImage;
  readonly caption: string;
}

/** A Conv2D's filters from its `weights` parameter [kh, kw, in, out] (null when absent or not 4-D). */
export function filterView(tensors: Readonly<Record<string, TensorPayload>> | undefined, limit = 64): FilterView | null {
  const weights = tensors?.weights;
  if (weights === undefined || weights.shape.length !== 4) return null;
  const [kernelHeight, kernelWidth, inputs, outputs] = weights.shape;
  const shown = Math.min(outputs, limit);
  const caption = `${shown}${shown < outputs ? ` of ${outputs}` : ''} filters, ${kernelHeight}×${kernelWidth}×${inputs}`;
  return { image: filterSheet(new Float32Array(weights.data), weights.shape, limit), caption };
}
