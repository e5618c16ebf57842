// The activation lab: each function with its derivative, and where the gradient vanishes (below
// 0.05 and still shrinking outwards: sigmoid beyond |x| ≈ 3) or is zero (ReLU for x < 0), found
// from the derivative itself. Leaky ReLU's constant 0.01 is small but does not vanish.

export type ActivationName = 'step' | 'linear' | 'sigmoid' | 'tanh' | 'relu' | 'leakyRelu' | 'gelu' | 'softmax';

export interface Activation {
  readonly name: ActivationName;
  readonly label: string;
  readonly formula: string;
  readonly derivativeFormula: string;
  readonly value: (x: number) => number;
  readonly derivative: (x: number) => number;
  /** One sentence on what it does to learning. */
  readonly note: string;
}

const LEAK = 0.01;
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** erf to 1.5e-7 (Abramowitz and Stegun 7.1.26), for the exact GELU. */
export function erf(x: number): number {
  const sign = Math.sign(x);
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const polynomial = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return sign * (1 - polynomial * Math.exp(-x * x));
}

const normalCdf = (x: number) => 0.5 * (1 + erf(x / Math.SQRT2));
const normalPdf = (x: number) => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);

export const ACTIVATIONS: readonly Activation[] = [
  { name: 'step', label: 'Step', formula: 'f(x) = 1 if x > 0, else 0', derivativeFormula: "f'(x) = 0 (undefined at 0)", value: (x) => (x > 0 ? 1 : 0), derivative: () => 0, note: 'The perceptron\'s activation: its gradient is zero everywhere, so gradient descent cannot train through it.' },
  { name: 'linear', label: 'Linear', formula: 'f(x) = x', derivativeFormula: "f'(x) = 1", value: (x) => x, derivative: () => 1, note: 'Passes gradients unchanged, but a stack of linear layers is still one linear map.' },
  { name: 'sigmoid', label: 'Sigmoid', formula: 'σ(x) = 1 / (1 + e^−x)', derivativeFormula: "σ'(x) = σ(x)(1 − σ(x)), at most 0.25", value: sigmoid, derivative: (x) => sigmoid(x) * (1 - sigmoid(x)), note: 'Squashes to (0, 1); its slope is at most 0.25 and nearly 0 beyond |x| ≈ 3, so deep sigmoid stacks lose their gradient.' },
  { name: 'tanh', label: 'Tanh', formula: 'tanh(x) = (e^x − e^−x) / (e^x + e^−x)', derivativeFormula: "tanh'(x) = 1 − tanh²(x)", value: Math.tanh, derivative: (x) => 1 - Math.tanh(x) ** 2, note: 'Zero-centred, with slope 1 at 0, but it saturates too: beyond |x| ≈ 2 the gradient nearly vanishes.' },
  { name: 'relu', label: 'ReLU', formula: 'f(x) = max(0, x)', derivativeFormula: "f'(x) = 1 if x > 0, else 0", value: (x) => Math.max(0, x), derivative: (x) => (x > 0 ? 1 : 0), note: 'Gradient 1 for positive inputs (no vanishing), exactly 0 for negative ones: a unit whose inputs are always negative is dead.' },
  { name: 'leakyRelu', label: 'Leaky ReLU', formula: `f(x) = x if x > 0, else ${LEAK}x`, derivativeFormula: `f'(x) = 1 if x > 0, else ${LEAK}`, value: (x) => (x > 0 ? x : LEAK * x), derivative: (x) => (x > 0 ? 1 : LEAK), note: 'A small slope for negative inputs keeps every unit learning, so none can die.' },
  { name: 'gelu', label: 'GELU', formula: 'f(x) = x · Φ(x)', derivativeFormula: "f'(x) = Φ(x) + x · φ(x)", value: (x) => x * normalCdf(x), derivative: (x) => normalCdf(x) + x * normalPdf(x), note: 'A smooth ReLU used by transformers: inputs are weighted by how likely they are to be positive.' },
  { name: 'softmax', label: 'Softmax', formula: 'softmax(z)ᵢ = e^zᵢ / Σⱼ e^zⱼ   (plotted: the share of x against a rival logit 0)', derivativeFormula: '∂pᵢ/∂zᵢ = pᵢ(1 − pᵢ)', value: (x) => sigmoid(x), derivative: (x) => sigmoid(x) * (1 - sigmoid(x)), note: 'Turns a layer\'s scores into probabilities that sum to 1; with two classes it is the sigmoid of their difference.' },
];

export function activation(name: ActivationName): Activation {
  const found = ACTIVATIONS.find((candidate) => candidate.name === name);
  if (found === undefined) throw new RangeError(`No activation named ${name}.`);
  return found;
}

/** Softmax of a vector, stable (the largest is subtracted first). */
export function softmax(values: readonly number[]): number[] {
  const largest = Math.max(...values);
  const exps = values.map((value) => Math.exp(value - largest));
  const total = exps.reduce((sum, value) => sum + value, 0);
  return exps.map((value) => value / total);
}

/** Below this slope, still shrinking outwards, a gradient counts as vanishing. */
export const VANISHING = 0.05;

export interface Region {
  readonly from: number;
  readonly to: number;
  readonly kind: 'zero' | 'vanishing';
}

/** Where on [from, to] the derivative is exactly 0 or below VANISHING, sampled every `step`. */
export function gradientRegions(activationName: ActivationName, from = -6, to = 6, step = 0.01): Region[] {
  const { derivative } = activation(activationName);
  const regions: Region[] = [];
  for (let index = 0; from + index * step <= to + 1e-9; index++) {
    const x = from + index * step;
    const slope = Math.abs(derivative(x));
    const shrinking = Math.abs(derivative(x + Math.sign(x) * step)) < slope;
    const kind = slope === 0 ? 'zero' : slope < VANISHING && shrinking ? 'vanishing' : null;
    const last = regions[regions.length - 1];
    if (kind === null) continue;
    if (last !== undefined && last.kind === kind && Math.abs(last.to - (x - step)) < step / 2) regions[regions.length - 1] = { ...last, to: x };
    else regions.push({ from: x, to: x, kind });
  }
  return regions.map((region) => ({ ...region, from: round(region.from), to: round(region.to) }));
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
