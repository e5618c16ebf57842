# PyTorch's driver for the training benchmark (a child process; see protocol.ts): one JSON request
# per line on stdin, one JSON reply per line on stdout. Run with Debian's /usr/bin/python3, one
# process per thread count: python3 bench/training/pytorch.py --threads 1. The caller sets
# OMP_NUM_THREADS=1 and OPENBLAS_NUM_THREADS=1 in the environment; --threads sets torch's own.
# --device cuda trains on the GPU (the WebGPU benchmark's comparison): the loss is then read every
# --read-every steps (default 1: every step, as on the CPU) and the device synchronized at the end
# of every trial, so that a trial's time covers all of its work.
import json
import re
import sys
import time
import traceback

import torch
import torch.nn.functional as F
from torch import nn


def lenet(spec):
    classes = spec["classes"]
    return nn.Sequential(
        nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.AvgPool2d(2),
        nn.Conv2d(6, 16, 5), nn.ReLU(), nn.AvgPool2d(2), nn.Flatten(),
        nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, classes),
    )


def mlp(spec):
    return nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, spec["classes"]))


class LastStateLstm(nn.Module):
    """nn.LSTM with its second bias (bias_hh) held at zero and frozen, so that it has one bias
    per gate like Netloom's and TensorFlow's, then a Linear on the last hidden state."""

    def __init__(self, spec):
        super().__init__()
        self.lstm = nn.LSTM(spec["example"][1], spec["hidden"], batch_first=True)
        self.lstm.bias_hh_l0.requires_grad_(False).zero_()
        self.dense = nn.Linear(spec["hidden"], spec["classes"])

    def forward(self, sequences):
        _, (hidden, _) = self.lstm(sequences)
        return self.dense(hidden[-1])


def random_batch(spec, device):
    if spec["name"] == "lstm":
        inputs = torch.rand(spec["batchSize"], *spec["example"])
    else:
        height, width, channels = spec["example"]
        inputs = torch.rand(spec["batchSize"], channels, height, width)
    return inputs.to(device), torch.randint(0, spec["classes"], (spec["batchSize"],)).to(device)


def synchronize(device):
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def prepare(spec, device, read_every):
    model = {"lenet": lenet, "mlp": mlp, "lstm": LastStateLstm}[spec["name"]](spec).to(device)
    parameters = [parameter for parameter in model.parameters() if parameter.requires_grad]
    optimizer = torch.optim.Adam(parameters, lr=1e-3)
    inputs, labels = random_batch(spec, device)
    count = [0]

    def step():
        optimizer.zero_grad(set_to_none=True)
        loss = F.cross_entropy(model(inputs), labels)
        loss.backward()
        optimizer.step()
        count[0] += 1
        if count[0] % read_every == 0:
            loss.item()

    for _ in range(3):
        step()
    return step, sum(parameter.numel() for parameter in parameters)


def time_steps(seconds, step, device):
    start = time.perf_counter()
    steps = 0
    while True:
        step()
        steps += 1
        if time.perf_counter() - start >= seconds:
            synchronize(device)
            return {"steps": steps, "seconds": time.perf_counter() - start}


def loaded_blas():
    """The BLAS libraries mapped into this process (Debian picks one through alternatives)."""
    with open("/proc/self/maps") as maps:
        paths = {line.split()[-1] for line in maps if re.search(r"blas|lapack|mkl", line.split()[-1] if len(line.split()) > 5 else "")}
    return sorted(paths)


def describe_blas(libraries):
    """Which BLAS the libraries are, named by the one that does the work."""
    openblas = [library for library in libraries if "libopenblas" in library]
    if openblas:
        return "OpenBLAS (" + ", ".join(openblas) + ")"
    return "not OpenBLAS: " + (", ".join(libraries) or "no BLAS library found in /proc/self/maps")


def info(threads, device):
    if device.type == "cuda":
        name = torch.cuda.get_device_name(device)
        details = [f"CUDA {torch.version.cuda} on {name}", f"cuDNN {torch.backends.cudnn.version()}", f"TF32 matmul {'on' if torch.backends.cuda.matmul.allow_tf32 else 'off'}"]
        return {"engine": "PyTorch", "version": torch.__version__, "threads": threads, "backend": "cuda", "details": details, "warnings": []}
    libraries = loaded_blas()
    blas_info = re.search(r"BLAS_INFO=([^,\s]+)", torch.__config__.show())
    parallel = [line.strip() for line in torch.__config__.parallel_info().splitlines() if "threads" in line.lower() or "backend" in line.lower()]
    details = [
        f"BLAS loaded: {describe_blas(libraries)}; built with BLAS_INFO={blas_info.group(1) if blas_info else 'unstated'}",
        "parallel_info: " + ", ".join(parallel),
    ]
    warnings = []
    if not any("libopenblas" in library for library in libraries):
        warnings.append("PyTorch is NOT using OpenBLAS (" + describe_blas(libraries) + "): Debian's python3-torch then runs on the reference BLAS, many times slower. Install libopenblas0-pthread.")
    return {"engine": "PyTorch", "version": torch.__version__, "threads": threads, "details": details, "warnings": warnings}


def argument(flag, fallback):
    return sys.argv[sys.argv.index(flag) + 1] if flag in sys.argv else fallback


def main():
    threads = int(argument("--threads", "1"))
    device = torch.device(argument("--device", "cpu"))
    read_every = int(argument("--read-every", "1"))
    if device.type == "cuda":
        if not torch.cuda.is_available():
            raise SystemExit(f"torch {torch.__version__} cannot use CUDA here: torch.cuda.is_available() is False (a CPU-only build, or no NVIDIA driver); run without --device cuda.")
        # fp32 as Netloom computes it: no TF32 tensor cores.
        torch.backends.cuda.matmul.allow_tf32 = False
        torch.backends.cudnn.allow_tf32 = False
    torch.set_num_threads(threads)
    prepared = {}
    matmul = None
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        try:
            command = request["command"]
            if command == "info":
                value = info(threads, device)
            elif command == "prepare":
                step, value = prepare(request["model"], device, read_every)
                prepared[request["model"]["name"]] = step
            elif command == "trial":
                with torch.autograd.set_grad_enabled(True):
                    value = time_steps(request["seconds"], prepared[request["model"]], device)
            elif command == "matmul":
                if matmul is None:
                    size = request["size"]
                    a, b = (torch.rand(size, size, device=device) * 2 - 1 for _ in range(2))
                    out = torch.empty(size, size, device=device)
                    matmul = lambda: torch.mm(a, b, out=out)  # noqa: E731
                    matmul()
                    synchronize(device)
                value = time_steps(request["seconds"], matmul, device)
            else:
                raise ValueError(f"The PyTorch driver does not answer {command!r}.")
            reply = {"ok": True, "value": value}
        except Exception:  # noqa: BLE001 - every failure goes back to the caller as a reply
            reply = {"ok": False, "error": traceback.format_exc()}
        print(json.dumps(reply), flush=True)


main()
