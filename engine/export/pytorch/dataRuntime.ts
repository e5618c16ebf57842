// The fixed part of data.py: the IDX reader and load().

export const DATA_RUNTIME = `IDX_TYPES = {0x08: np.uint8, 0x09: np.int8, 0x0B: '>i2', 0x0C: '>i4', 0x0D: '>f4', 0x0E: '>f8'}


def read_idx(path):
    """An IDX file (gzipped or not) as an array: 0, 0, type, rank, then big-endian sizes and values."""
    opener = gzip.open if path.endswith('.gz') else open
    with opener(path, 'rb') as file:
        content = file.read()
    if len(content) < 4 or content[0] != 0 or content[1] != 0 or content[2] not in IDX_TYPES:
        raise ValueError(f'{path} is not an IDX file: its first bytes are not 0, 0 and a known type code.')
    rank = content[3]
    dims = [int.from_bytes(content[4 + 4 * axis:8 + 4 * axis], 'big') for axis in range(rank)]
    values = np.frombuffer(content, dtype=IDX_TYPES[content[2]], offset=4 + 4 * rank, count=int(np.prod(dims)))
    return values.reshape(dims)


class Data:
    def __init__(self, inputs, targets, train_indices, validation_indices):
        self.inputs = inputs
        self.targets = targets
        self.train_indices = train_indices
        self.validation_indices = validation_indices


def _examples(saved):
    if SOURCE['format'] == 'idx':
        images = read_idx(SOURCE['path'])
        if images.ndim == 3:
            images = images[..., None]
        inputs = images.astype(np.float32) / 255.0 if images.dtype == np.uint8 else images.astype(np.float32)
        labels = read_idx(SOURCE['labelPath']).astype(np.int64) if SOURCE['labelPath'] is not None else None
        return inputs, labels
    if 'inputs' not in saved:
        raise FileNotFoundError(f'{os.path.join(HERE, "data.npz")} holds no examples: export the graph again with its dataset.')
    inputs = saved['inputs']
    if inputs.dtype == np.uint8:
        inputs = inputs.astype(np.float32) * saved['input_scale']
    elif inputs.dtype == np.int32:
        inputs = inputs.astype(np.int64)
    targets = saved.get('targets')
    if targets is not None and targets.dtype == np.int32:
        targets = targets.astype(np.int64)
    return inputs, targets


def load():
    """The examples (float32 or int64 token ids), the targets (or None) and the split."""
    with np.load(os.path.join(HERE, 'data.npz')) as archive:
        saved = {name: archive[name] for name in archive.files}
    inputs, targets = _examples(saved)
    if 'normalization_shift' in saved:
        flat = inputs.reshape(len(inputs), -1)
        period = len(saved['normalization_shift'])
        groups = np.arange(flat.shape[1]) % period
        flat = (flat - saved['normalization_shift'][groups]) * saved['normalization_factor'][groups]
        inputs = flat.reshape(inputs.shape).astype(np.float32)
    return Data(inputs, targets, saved['train_indices'].astype(np.int64), saved['validation_indices'].astype(np.int64))
`;
