// Elementwise activations and their derivatives, and softmax over the last axis.
// Every forward op maps [x] -> [y]. Every backward op maps [saved, dy] -> [dx], where `saved` is the
// forward input x, except for sigmoid, tanh and exp, whose derivative is cheaper from the output y.
// softmaxBackward and logSoftmaxBackward take the forward output y as well.

/** The unary functions. gelu defaults to the exact erf form (PyTorch's default); 'tanh' is the approximation. */
export type UnaryFunction =
  | { readonly op: 'relu' }
  | { readonly op: 'leakyRelu'; readonly alpha: number }
  | { readonly op: 'sigmoid' }
  | { readonly op: 'tanh' }
  | { readonly op: 'gelu'; readonly approximate: 'none' | 'tanh' }
  | { readonly op: 'binaryStep' }
  | { readonly op: 'identity' }
  | { readonly op: 'exp' }
  | { readonly op: 'log' }
  | { readonly op: 'negate' }
  | { readonly op: 'scale'; readonly factor: number };

/** Unary ops whose backward reads the forward output y rather than the input x. */
export const BACKWARD_FROM_OUTPUT = ['sigmoid', 'tanh', 'exp'] as const;

type Backward<Function extends UnaryFunction> = Function extends { readonly op: infer Name extends string }
  ? Omit<Function, 'op'> & { readonly op: `${Name}Backward` }
  : never;

/** reluBackward, leakyReluBackward (alpha), geluBackward (approximate), scaleBackward (factor), ... */
export type UnaryBackwardOp = Backward<UnaryFunction>;

/** Softmax and log-softmax over the last axis, with their backward ops. */
export interface SoftmaxOp {
  readonly op: 'softmax' | 'logSoftmax' | 'softmaxBackward' | 'logSoftmaxBackward';
}

export type ActivationOp = UnaryFunction | UnaryBackwardOp | SoftmaxOp;

/** The backward op of a unary function, with the same attributes: relu -> reluBackward. */
export function backwardOf(forward: UnaryFunction): UnaryBackwardOp {
  return { ...forward, op: `${forward.op}Backward` } as UnaryBackwardOp;
}
