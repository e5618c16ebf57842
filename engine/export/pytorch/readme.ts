// README.md of the exported package: what each file is and the choices behind them.
import type { GraphDocument } from '../../graph/index.ts';

export function readmeText(document: GraphDocument, methods: readonly string[]): string {
  const gan = methods.includes('generator');
  return `# ${document.metadata.name}: PyTorch package exported from Netloom

Needs Python 3, NumPy and PyTorch 1.13 or newer; nothing else (no torchvision).

- \`model.py\`: the graph as \`Model(nn.Module)\`; each layer is an attribute named after its node
  id, and ${gan ? '`generator(noise)` and `discriminator(images)` compute the two halves of the GAN' : '`forward` computes the nodes in the graph\'s order and returns what the loss head scores (logits for cross-entropy and BCE)'}.
  Images are channels first (N, C, H, W) inside the model; \`to_torch\` and \`to_netloom\` convert
  batches from and to Netloom's (N, H, W, C). \`build('weights.npz')\` gives the model with the weights.
- \`weights.npz\`: the state_dict as NumPy arrays, PyTorch names and layouts (Linear [out, in], Conv2d
  [out, in, kH, kW], ConvTranspose2d [in, out, kH, kW], LSTM/GRU gates in PyTorch's order, an LSTM's
  bias in \`bias_ih_l0\` with \`bias_hh_l0\` zero). NumPy's format, not a pickled .pt: it loads with
  \`numpy.load\` in any PyTorch version (1.13 has no built-in safetensors) and runs no code when read.
  \`save_weights(model, path)\` writes the same format, which Netloom imports back
  (\`netloom import GRAPH --state-dict FILE --save CKPT\`).
- \`data.py\`: \`load()\` returns the examples (Netloom's layout), targets and Netloom's training and
  validation split. IDX files are read where the graph names them; built-in sets and other files are
  in \`data.npz\`, written by the export exactly as Netloom loaded them.
- \`train.py\`: the graph's optimizer, loss, learning-rate schedule, epochs and seed.
  \`python3 train.py\` trains in one process; \`torchrun --nproc_per_node N train.py\` trains on N
  (DistributedDataParallel${gan ? '; for a GAN the gradients are averaged across processes by hand, as DDP would' : ''}; gloo on CPU, nccl on GPU),
  each process taking a batch of \`--batch-size\` per step. \`--max-steps N\` stops early; \`--out\`
  names the weights file written at the end. (PyTorch 1.13's torchrun on Python 3.11 stops at its
  own default \`--redirects 0\`: add \`--redirects 2 --tee 2\` there.)

Differences from Netloom that remain: the data order of each epoch and dropout masks come from
NumPy's and PyTorch's generators, so a run is not step-for-step Netloom's; the weights, layers and
formulas are the same (outputs agree within 1e-4).
`;
}
