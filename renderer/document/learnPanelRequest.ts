// Opening the Learn panel from anywhere in the renderer (the start page, a layer's inspector, the
// top bar) without importing renderer/learn: the panel, mounted by the shell, listens on window.
export const LEARN_EVENT = 'netloom:learn';

export type LabName = 'convolution' | 'pooling' | 'activations' | 'xo' | 'gradients' | 'lstmCell' | 'latent' | 'gan';

/** Opens the Learn panel at a lab. */
export function requestLearnPanel(lab: LabName = 'convolution'): void {
  window.dispatchEvent(new CustomEvent<LabName>(LEARN_EVENT, { detail: lab }));
}

/** The lab that explains a layer type, where there is one. */
export function labForLayer(type: string): LabName | undefined {
  if (type === 'Conv2D' || type === 'ConvTranspose2D') return 'convolution';
  if (type === 'MaxPool2D' || type === 'AvgPool2D') return 'pooling';
  if (['ReLU', 'LeakyReLU', 'Sigmoid', 'Tanh', 'Softmax', 'Linear', 'BinaryStep', 'GELU'].includes(type)) return 'activations';
  if (type === 'LSTM') return 'lstmCell';
  if (type === 'SimpleRNN' || type === 'GRU') return 'gradients';
  if (type === 'Encoder' || type === 'Bottleneck' || type === 'Decoder') return 'latent';
  if (type === 'Generator' || type === 'Discriminator') return 'gan';
  return undefined;
}
