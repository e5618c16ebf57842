# PyTorch's side of bench/kernels.ts: reads the cases as JSON on stdin, times the same ops on one
# CPU thread and prints {"timings": {label: median ms}, "torch": version} as JSON on stdout.
# Run with Debian's /usr/bin/python3 (the interpreter that has torch).
import json
import statistics
import sys
import time

import torch
import torch.nn.functional as F

torch.set_num_threads(1)


def median_ms(runs, work):
    for _ in range(min(5, runs)):
        work()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def matmul_timings(case):
    a = torch.randn(case["m"], case["k"])
    b = torch.randn(case["k"], case["n"])
    return {f"{case['label']} matmul": median_ms(case["runs"], lambda: torch.mm(a, b))}


def conv_timings(case):
    # PyTorch's native layout (NCHW input, [out, in, kH, kW] weights), as its users run it.
    x = torch.randn(case["batch"], case["inChannels"], case["height"], case["width"])
    w = torch.randn(case["outChannels"], case["inChannels"], case["kernel"], case["kernel"])
    padding = [case["padding"], case["padding"]]
    dy = torch.randn(F.conv2d(x, w, padding=case["padding"]).shape)

    def backward(mask):
        return torch.ops.aten.convolution_backward(dy, x, w, None, [1, 1], padding, [1, 1], False, [0, 0], 1, mask)

    runs, label = case["runs"], case["label"]
    return {
        f"{label} conv2d": median_ms(runs, lambda: F.conv2d(x, w, padding=case["padding"])),
        f"{label} conv2dBackwardInput": median_ms(runs, lambda: backward([True, False, False])),
        f"{label} conv2dBackwardFilter": median_ms(runs, lambda: backward([False, True, False])),
    }


def lenet_step_ms(runs):
    """LeNet-5 as assets/examples/lenet5.json draws it: forward, cross-entropy, backward."""
    model = torch.nn.Sequential(
        torch.nn.Conv2d(1, 6, 5, padding=2), torch.nn.ReLU(), torch.nn.AvgPool2d(2),
        torch.nn.Conv2d(6, 16, 5), torch.nn.ReLU(), torch.nn.AvgPool2d(2), torch.nn.Flatten(),
        torch.nn.Linear(400, 120), torch.nn.ReLU(), torch.nn.Linear(120, 84), torch.nn.ReLU(), torch.nn.Linear(84, 10),
    )
    images = torch.rand(32, 1, 28, 28)
    labels = torch.randint(0, 10, (32,))

    def step():
        model.zero_grad(set_to_none=True)
        F.cross_entropy(model(images), labels).backward()

    return median_ms(runs, step)


def main():
    cases = json.load(sys.stdin)
    timings = {}
    with torch.no_grad():
        for case in cases["cases"]:
            timings.update(matmul_timings(case) if case["kind"] == "matmul" else conv_timings(case))
    timings["LeNet-5 training step"] = lenet_step_ms(cases["stepRuns"])
    json.dump({"timings": timings, "torch": torch.__version__}, sys.stdout)


main()
