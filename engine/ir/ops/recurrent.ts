// Fused recurrent layers over a whole sequence [batch, time, features] with hidden size H.
// Weights are Dense-like: input weights [features, gates·H], hidden weights [H, gates·H], gates stacked
// along the last axis. The forward op stores what backpropagation through time needs; the backward op
// takes the gradient of every hidden state dHidden [batch, time, H] (zeros where unused, e.g. all but the
// last step when only the last state is returned) and returns every input and weight gradient.
//
// rnn  (1 gate):  h = tanh(x·Wx + h·Wh + bias)
// lstm (gates i, f, g, o as PyTorch):  i, f, o = sigmoid(...), g = tanh(...), c = f·c + i·g, h = o·tanh(c)
// gru  (gates r, z, n as PyTorch):  r, z = sigmoid(x·Wx + bx + h·Wh + bh),
//      n = tanh(x·Wxn + bxn + r·(h·Whn + bhn)), h' = (1 - z)·n + z·h  (two biases, [3H] each)

export interface RecurrentOp {
  readonly op: 'rnnSequence' | 'rnnSequenceBackward' | 'lstmSequence' | 'lstmSequenceBackward' | 'gruSequence' | 'gruSequenceBackward';
}
