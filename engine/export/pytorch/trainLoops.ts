// train.py's loops: supervised (classify, regress, sequence, autoencode) and GAN.

export const SUPERVISED_RUNTIME = `def targets_of(dataset, rows, inputs, device):
    if SETTINGS['task'] == 'autoencode':
        return inputs
    targets = dataset.targets[rows]
    if targets.ndim == 4:
        return exported.to_torch(targets, True).to(device)
    return torch.from_numpy(targets).to(device)


def loss_and_correct(outputs, targets):
    """The graph's loss head on a batch, and (for cross-entropy) how many predictions are right."""
    if SETTINGS['loss'] == 'SoftmaxCrossEntropy':
        if outputs.dim() == 4:
            outputs = outputs.permute(0, 2, 3, 1)
        logits = outputs.reshape(-1, outputs.shape[-1])
        labels = targets.reshape(-1)
        return F.cross_entropy(logits, labels), int((logits.argmax(1) == labels).sum()), labels.numel()
    targets = targets.reshape(outputs.shape).to(outputs.dtype)
    if SETTINGS['loss'] == 'BCE':
        return F.binary_cross_entropy_with_logits(outputs, targets), 0, 0
    return F.mse_loss(outputs, targets), 0, 0


def evaluate(model, dataset, indices, device, batch=256):
    """Mean loss and accuracy (cross-entropy heads) over the examples, in inference mode."""
    model.eval()
    total, correct, counted = 0.0, 0, 0
    with torch.no_grad():
        for start in range(0, len(indices), batch):
            rows = indices[start:start + batch]
            inputs = inputs_of(dataset, rows, device)
            loss, right, count = loss_and_correct(model(inputs), targets_of(dataset, rows, inputs, device))
            total += float(loss) * len(rows)
            correct, counted = correct + right, counted + count
    model.train()
    report = {'loss': total / max(1, len(indices))}
    if counted > 0:
        report['accuracy'] = correct / counted
    return report


def train_step(net, model, optimizer, inputs, targets):
    optimizer.zero_grad()
    if SETTINGS['denoise'] > 0:
        inputs = inputs + SETTINGS['denoise'] * torch.randn_like(inputs)
    loss, _, _ = loss_and_correct(net(inputs), targets)
    loss.backward()
    clip(model.parameters(), SETTINGS['optimizer'])
    optimizer.step()
    return float(loss)


def main():
    args = arguments()
    rank, world, device = start_processes()
    torch.manual_seed(SETTINGS['seed'] + rank)
    dataset = data.load()
    model = exported.Model()
    load_start(model, args.weights, rank)
    model.to(device).train()
    net = DistributedDataParallel(model) if world > 1 else model
    optimizer = make_optimizer(list(model.named_parameters()), SETTINGS['optimizer'])
    total = args.epochs * (len(dataset.train_indices) // (args.batch_size * world))
    step = 0
    for epoch in range(args.epochs):
        started, losses = time.time(), []
        for rows in epoch_batches(dataset.train_indices, args.batch_size, epoch, rank, world):
            step += 1
            set_rate(optimizer, scheduled_rate(SETTINGS['optimizer']['learningRate'], step, total))
            inputs = inputs_of(dataset, rows, device)
            losses.append(train_step(net, model, optimizer, inputs, targets_of(dataset, rows, inputs, device)))
            if args.max_steps is not None and step >= args.max_steps:
                break
        if rank == 0:
            report = {'epoch': epoch + 1, 'steps': step, 'loss': float(np.mean(losses)) if losses else None, 'seconds': round(time.time() - started, 2)}
            if len(dataset.validation_indices) > 0:
                report['validation'] = evaluate(model, dataset, dataset.validation_indices, device)
            print(json.dumps(report), flush=True)
        if args.max_steps is not None and step >= args.max_steps:
            break
    if rank == 0:
        exported.save_weights(model, args.out)
        print(f'saved {args.out}')
    if world > 1:
        dist.destroy_process_group()


if __name__ == '__main__':
    main()
`;

export const GAN_RUNTIME = `def average_gradients(parameters, world):
    """What DistributedDataParallel does, by hand: the generator and the discriminator of one module
    train in turns, each with its own optimizer, which one DDP wrapper cannot express."""
    if world == 1:
        return
    for value in parameters:
        if value.grad is not None:
            dist.all_reduce(value.grad)
            value.grad /= world


def gan_step(model, part, optimizer, loss, world, rate):
    optimizer.zero_grad()
    loss.backward()
    average_gradients(part, world)
    set_rate(optimizer, rate)
    optimizer.step()
    return float(loss)


def main():
    args = arguments()
    rank, world, device = start_processes()
    torch.manual_seed(SETTINGS['seed'] + rank)
    dataset = data.load()
    model = exported.Model()
    load_start(model, args.weights, rank)
    model.to(device).train()
    gan = SETTINGS['gan'] or {}
    generator = [(name, value) for name, value in model.named_parameters() if name.split('.')[0] in SETTINGS['generatorModules']]
    discriminator = [(name, value) for name, value in model.named_parameters() if name.split('.')[0] not in SETTINGS['generatorModules']]
    generator_settings = gan.get('generatorOptimizer') or SETTINGS['optimizer']
    discriminator_settings = gan.get('discriminatorOptimizer') or SETTINGS['optimizer']
    generator_optimizer = make_optimizer(generator, generator_settings)
    discriminator_optimizer = make_optimizer(discriminator, discriminator_settings)
    d_repeats, g_repeats = gan.get('discriminatorSteps', 1), gan.get('generatorSteps', 1)
    per_epoch = len(dataset.train_indices) // (args.batch_size * world * d_repeats)
    totals = (args.epochs * per_epoch * d_repeats, args.epochs * per_epoch * g_repeats)
    counts, step = [0, 0], 0
    bce = F.binary_cross_entropy_with_logits
    for epoch in range(args.epochs):
        started, losses = time.time(), []
        batches = list(epoch_batches(dataset.train_indices, args.batch_size, epoch, rank, world))
        for index in range(per_epoch):
            step += 1
            for repeat in range(d_repeats):
                real = inputs_of(dataset, batches[index * d_repeats + repeat], device)
                fake = model.generator(torch.randn(len(real), SETTINGS['noiseSize'], device=device)).detach()
                scores = model.discriminator(torch.cat([real, fake]))
                labels = torch.cat([torch.ones(len(real)), torch.zeros(len(fake))]).to(device).reshape(scores.shape)
                counts[1] += 1
                d_loss = gan_step(model, [value for _, value in discriminator], discriminator_optimizer, bce(scores, labels), world, scheduled_rate(discriminator_settings['learningRate'], counts[1], totals[0]))
            for repeat in range(g_repeats):
                scores = model.discriminator(model.generator(torch.randn(args.batch_size, SETTINGS['noiseSize'], device=device)))
                counts[0] += 1
                g_loss = gan_step(model, [value for _, value in generator], generator_optimizer, bce(scores, torch.ones_like(scores)), world, scheduled_rate(generator_settings['learningRate'], counts[0], totals[1]))
            losses.append((g_loss, d_loss))
            if args.max_steps is not None and step >= args.max_steps:
                break
        if rank == 0:
            means = np.mean(losses, axis=0) if losses else [None, None]
            print(json.dumps({'epoch': epoch + 1, 'steps': step, 'generator_loss': float(means[0]), 'discriminator_loss': float(means[1]), 'seconds': round(time.time() - started, 2)}), flush=True)
        if args.max_steps is not None and step >= args.max_steps:
            break
    if rank == 0:
        exported.save_weights(model, args.out)
        print(f'saved {args.out}')
    if world > 1:
        dist.destroy_process_group()


if __name__ == '__main__':
    main()
`;
