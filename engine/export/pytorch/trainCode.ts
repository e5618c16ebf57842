// train.py: the graph's optimizer, loss, schedule, epochs and seed, single-process or under
// torchrun with DistributedDataParallel (gloo on CPU, nccl on GPU).
import type { GraphDocument } from '../../graph/index.ts';
import type { ModelPart } from './parts.ts';
import type { GraphPlan } from './plan.ts';
import { TRAIN_RUNTIME } from './trainRuntime.ts';
import { GAN_RUNTIME, SUPERVISED_RUNTIME } from './trainLoops.ts';

function settings(document: GraphDocument, plan: GraphPlan, parts: readonly ModelPart[]): Record<string, unknown> {
  const { training } = document;
  const data = plan.nodes.find((node) => node.type === 'Input' && plan.document.nodes.find((candidate) => candidate.id === node.id)?.params.kind !== 'noise');
  const noise = plan.nodes.find((node) => node.type === 'Input' && plan.document.nodes.find((candidate) => candidate.id === node.id)?.params.kind === 'noise');
  return {
    task: training.task,
    loss: plan.lossNode?.type ?? null,
    optimizer: training.optimizer,
    gan: training.gan ?? null,
    batchSize: training.batchSize,
    epochs: training.epochs,
    seed: training.seed,
    schedule: training.schedule,
    denoise: training.denoise ?? 0,
    dataInput: data?.id ?? null,
    noiseInput: noise?.id ?? null,
    noiseSize: noise === undefined ? 0 : (plan.shapes.get(noise.id)?.dims[0] ?? 0),
    methods: parts.map((part) => part.method),
    generatorModules: parts.length === 2 ? parts[0].nodes.map((id) => plan.byId.get(id)?.name ?? id) : [],
  };
}

export function trainCode(plan: GraphPlan, parts: readonly ModelPart[]): string {
  const document = plan.document;
  const gan = document.training.task === 'gan';
  return [
    `"""Trains ${document.metadata.name.replace(/"/g, "'")} as Netloom would: its optimizer, loss, learning-rate schedule, epochs and seed.`,
    '',
    'Single process:   python3 train.py [--epochs N] [--max-steps N] [--weights weights.npz] [--out trained.npz]',
    'Several:          torchrun --nproc_per_node N train.py ...   (gloo on CPU, nccl on GPU)',
    'Each process takes batch-size examples per step, so N processes train on N x batch-size.',
    '"""',
    'import argparse',
    'import json',
    'import math',
    'import os',
    'import time',
    '',
    'import numpy as np',
    'import torch',
    'import torch.distributed as dist',
    'import torch.nn.functional as F',
    'from torch.nn.parallel import DistributedDataParallel',
    '',
    'import data',
    'import model as exported',
    '',
    `SETTINGS = json.loads(${JSON.stringify(JSON.stringify(settings(document, plan, parts)))})`,
    '',
    TRAIN_RUNTIME,
    gan ? GAN_RUNTIME : SUPERVISED_RUNTIME,
  ].join('\n');
}
