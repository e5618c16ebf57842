// The fixed parts of model.py: layout helpers and the weights.npz reader and writer.

export const MODEL_HELPERS = `def average_pool_real_pixels(x, window, stride, pad):
    """Average pooling over uneven padding that divides by the real pixels in each window, as Netloom does."""
    total = F.avg_pool2d(F.pad(x, pad), window, stride=stride)
    ones = torch.ones_like(x[:1, :1])
    count = F.avg_pool2d(F.pad(ones, pad), window, stride=stride)
    return total / count


def to_torch(array, image):
    """A NumPy batch in Netloom's layout as a tensor for the model (images: NHWC -> NCHW)."""
    tensor = torch.from_numpy(np.ascontiguousarray(array))
    return tensor.permute(0, 3, 1, 2).contiguous() if image else tensor


def to_netloom(tensor):
    """A model output as a NumPy array in Netloom's layout (images: NCHW -> NHWC)."""
    tensor = tensor.detach().cpu()
    if tensor.dim() == 4:
        tensor = tensor.permute(0, 2, 3, 1)
    return tensor.contiguous().numpy()
`;

export const MODEL_WEIGHTS = `
def load_weights(model, path='weights.npz'):
    """Loads weights.npz (state_dict names, PyTorch layouts) into the model; every entry must match."""
    with np.load(path) as arrays:
        state = {name: torch.from_numpy(arrays[name].copy()) for name in arrays.files}
    model.load_state_dict(state)
    return model


def save_weights(model, path):
    """Writes the model's state_dict as .npz; Netloom reads it back: netloom import GRAPH --state-dict PATH --save CKPT."""
    model = getattr(model, 'module', model)
    arrays = {name: value.detach().cpu().numpy() for name, value in model.state_dict().items()}
    np.savez(path, **arrays)


def build(path=None):
    """The model, with weights.npz loaded when a path is given."""
    model = Model()
    return load_weights(model, path) if path is not None else model
`;
