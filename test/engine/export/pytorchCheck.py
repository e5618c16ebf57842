"""Runs exported packages on fixed inputs: for each package folder given, loads model.py and
weights.npz, runs every method on inputs/<method>.<input>.npy, writes outputs/<method>.npy in
Netloom's layout, and writes roundtrip.npz with save_weights (the state_dict read back in Python)."""
import importlib.util
import os
import sys

import numpy as np
import torch

torch.set_num_threads(1)
for folder in sys.argv[1:]:
    sys.path.insert(0, folder)
    spec = importlib.util.spec_from_file_location(f'exported_{len(sys.path)}', os.path.join(folder, 'model.py'))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    model = module.build(os.path.join(folder, 'weights.npz')).eval()
    os.makedirs(os.path.join(folder, 'outputs'), exist_ok=True)
    for method in module.METHODS:
        names = sorted(name for name in os.listdir(os.path.join(folder, 'inputs')) if name.startswith(method + '.'))
        arguments = []
        for name in names:
            input_id = name[len(method) + 1:-4]
            array = np.load(os.path.join(folder, 'inputs', name))
            spec_of = module.INPUTS[input_id]
            arguments.append(module.to_torch(array.astype(np.int64) if spec_of['dtype'] == 'int64' else array, spec_of['image']))
        with torch.no_grad():
            output = getattr(model, method)(*arguments)
        np.save(os.path.join(folder, 'outputs', method + '.npy'), module.to_netloom(output))
    module.save_weights(model, os.path.join(folder, 'roundtrip.npz'))
    sys.path.remove(folder)
    print('checked', folder, flush=True)
