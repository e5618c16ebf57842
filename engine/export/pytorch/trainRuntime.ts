// The fixed part of train.py shared by every task: arguments, processes, optimizer, schedule, batches.

export const TRAIN_RUNTIME = `def arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--epochs', type=int, default=SETTINGS['epochs'])
    parser.add_argument('--max-steps', type=int, default=None, help='stop after this many steps (a quick check)')
    parser.add_argument('--batch-size', type=int, default=SETTINGS['batchSize'], help='examples per process and step')
    parser.add_argument('--weights', default=os.path.join(os.path.dirname(os.path.abspath(__file__)), 'weights.npz'), help='start from these weights ("" for PyTorch\\'s own initialization)')
    parser.add_argument('--out', default='trained.npz', help='where to save the trained weights (model.save_weights)')
    return parser.parse_args()


def start_processes():
    """(rank, world size, device); under torchrun, joins the process group."""
    world = int(os.environ.get('WORLD_SIZE', '1'))
    cuda = torch.cuda.is_available()
    if world > 1:
        dist.init_process_group('nccl' if cuda else 'gloo')
    rank = dist.get_rank() if world > 1 else 0
    if cuda:
        local = int(os.environ.get('LOCAL_RANK', '0'))
        torch.cuda.set_device(local)
        return rank, world, torch.device('cuda', local)
    return rank, world, torch.device('cpu')


def make_optimizer(parameters, settings):
    """Netloom's optimizer in PyTorch; weight decay only on exported.DECAYED, as Netloom applies it."""
    decayed = [value for name, value in parameters if name in exported.DECAYED]
    others = [value for name, value in parameters if name not in exported.DECAYED]
    groups = [{'params': decayed, 'weight_decay': settings['weightDecay']}, {'params': others, 'weight_decay': 0.0}]
    groups = [group for group in groups if group['params']]
    kind, rate = settings['type'], settings['learningRate']
    if kind == 'sgd':
        return torch.optim.SGD(groups, lr=rate)
    if kind == 'momentum':
        return torch.optim.SGD(groups, lr=rate, momentum=settings['momentum'], nesterov=settings['nesterov'])
    if kind in ('adam', 'adamw'):
        optimizer = torch.optim.AdamW if kind == 'adamw' else torch.optim.Adam
        return optimizer(groups, lr=rate, betas=(settings['beta1'], settings['beta2']), eps=settings['epsilon'])
    if kind == 'rmsprop':
        return torch.optim.RMSprop(groups, lr=rate, alpha=settings['rho'], eps=settings['epsilon'])
    raise ValueError(f'optimizer {kind} is not one Netloom has')


def scheduled_rate(base, step, total):
    """The learning rate at step (from 1) of total, as Netloom's schedules give it."""
    schedule = SETTINGS['schedule']
    if schedule['type'] == 'step':
        return base * schedule['gamma'] ** ((step - 1) // schedule['stepSize'])
    if schedule['type'] == 'cosine':
        warmup = schedule.get('warmupSteps', 0)
        low = schedule.get('minLearningRate', 0)
        if step <= warmup:
            return base * step / warmup
        progress = min(1.0, (step - 1 - warmup) / max(1, total - warmup))
        return low + (base - low) * (1 + math.cos(math.pi * progress)) / 2
    return base


def set_rate(optimizer, rate):
    for group in optimizer.param_groups:
        group['lr'] = rate


def clip(parameters, settings):
    if settings.get('gradientClip') is not None:
        torch.nn.utils.clip_grad_norm_(parameters, settings['gradientClip'])


def epoch_batches(indices, batch, epoch, rank, world, shuffle=True):
    """This process's share of each step's examples: every process draws the same order (seed, epoch)."""
    order = np.random.default_rng([SETTINGS['seed'], epoch]).permutation(indices) if shuffle else indices
    step_size = batch * world
    for start in range(0, len(order) - step_size + 1, step_size):
        yield order[start + rank * batch:start + (rank + 1) * batch]


def inputs_of(dataset, rows, device):
    """A batch of inputs as the model takes them (images channels first)."""
    spec = exported.INPUTS[SETTINGS['dataInput']]
    return exported.to_torch(dataset.inputs[rows], spec['image']).to(device)


def load_start(model, path, rank):
    if path and os.path.exists(path):
        exported.load_weights(model, path)
        if rank == 0:
            print(f'weights: {path}')
`;
