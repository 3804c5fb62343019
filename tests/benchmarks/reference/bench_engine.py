#!/usr/bin/python3
"""The Python reference of build/release/tests/benchmarks/bench_engine: the same flags, the same
computation in PyTorch (scorescope_reference.py), the same JSON line.

    bench_engine.py train --data ring8 --objective stf --n 1024 --batch 512 --threads 2
    bench_engine.py train --data ring8 --batch 512 --compile      the network through torch.compile
    bench_engine.py check --in FILE ...   recompute the engine's `check` output and compare
    bench_engine.py flops --data fashion-mnist --batch 32   forward FLOPs of the network
"""
import argparse
import io
import json
import math
import os
import sys
import time

# --retain-malloc: glibc reads its thresholds from the environment when the process starts, so set
# them (as the engine's retainFreedMemory does with mallopt) and start again.
if "--retain-malloc" in sys.argv and "MALLOC_MMAP_THRESHOLD_" not in os.environ:
    env = dict(os.environ, MALLOC_MMAP_THRESHOLD_=str(32 << 20), MALLOC_TRIM_THRESHOLD_=str(512 << 20))
    os.execve(sys.executable, [sys.executable] + sys.argv, env)

import torch  # noqa: E402
import torch.nn as nn  # noqa: E402

import scorescope_reference as ref  # noqa: E402


def status_mib(field):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return float(line.split()[1]) / 1024.0
    return 0.0


def time_loop(unit, warmup, min_units, seconds):
    """As the engine's timeLoop: warm-up calls, then until `seconds` and `min_units` are both reached
    or `unit` returns 0; the peak memory is that of the timed part."""
    for _ in range(warmup):
        unit()
    rss = status_mib("VmRSS")
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")
    start = time.perf_counter()
    units = 0
    while units < min_units or time.perf_counter() - start < seconds:
        done = unit()
        if done == 0:
            break
        units += done
    t = time.perf_counter() - start
    return {"units": units, "seconds": t, "seconds_per_unit": t / max(units, 1), "rss_mib": rss,
            "peak_mib": status_mib("VmHWM")}


def build(args):
    """Dataset, score model, objective and trainer with the engine's defaults for the data (TrainConfig)."""
    sde = ref.VpSde()
    torch.manual_seed(0)  # network initialisation, as the engine's torch::manual_seed(seed)
    if args.data == "ring8":
        data = ref.Ring8()
        net, batch, lr, reduce_mean = ref.ToyMlp(2), 512, 1e-3, False
    else:
        data = ref.FashionMnist(args.image_size or 28)
        net, batch, lr, reduce_mean = ref.UNet(data.shape[0], data.shape[1]), 64, 5e-4, True
    if args.compile:  # what a PyTorch 2 user does to the network: the same parameters, traced and fused by Inductor
        net = torch.compile(net)
    model = ref.ScoreModel(sde, net)
    n = (args.n or 1024) if args.objective == "stf" else 0
    objective = ref.Objective(sde, "stf" if args.objective == "stf" else "dsm", n,
                              (args.st_k or 1.0) if args.objective == "st" else 0.0, reduce_mean)
    trainer = ref.Trainer(data, model, objective, args.batch or batch, lr)
    return sde, data, model, objective, trainer


def train(args):
    *_, model, _, trainer = build(args)
    r = time_loop(lambda: (trainer.step(), 1)[1], args.warmup or 10, args.min_units or 20, args.seconds or 3.0)
    r["parameters"] = sum(p.numel() for p in model.parameters())
    return r


def sample(args):
    sde, data, model, _, _ = build(args)
    model.eval()
    shape = [args.particles or 2000] + data.shape
    gen = torch.Generator().manual_seed(0)

    def sampler():
        return ref.Sampler(args.sampler, sde, model, args.steps or 50, gen)

    next(sampler().iterate(torch.randn(shape, generator=gen)))  # warm-up: one step
    timed = sampler()
    steps = timed.iterate(torch.randn(shape, generator=gen) * sde.prior_std)

    def unit():  # one step; its NFE, or 0 when the sampler has finished
        before = timed.nfe
        return timed.nfe - before if next(steps, None) is not None else 0

    r = time_loop(unit, 0, args.min_units or 1, args.seconds or 3.0)
    r["items"] = shape[0]
    return r


def likelihood(args):
    sde, data, model, _, _ = build(args)
    model.eval()
    x = data.sample(args.particles or 500, torch.Generator().manual_seed(1)).float()
    nfe = []
    r = time_loop(lambda: nfe.append(ref.pf_likelihood(sde, model, x)[1]) or 1, 0, 1, args.seconds or 0.0)
    r.update(items=x.size(0), nfe=sum(nfe))
    return r


def sgemm(args):
    A, B = torch.randn(args.m or 512, args.k or 256), torch.randn(args.k or 256, args.cols or 256)
    C = torch.empty(A.size(0), B.size(1))
    r = time_loop(lambda: torch.mm(A, B, out=C) is not None, 5, 20, args.seconds or 1.0)
    r["gflops"] = 2.0 * A.size(0) * A.size(1) * B.size(1) / r["seconds_per_unit"] / 1e9
    return r


def check(args):
    """The engine's loss and gradient recomputed here from its own weights and inputs."""
    with open(args.input, "rb") as f:
        # The engine wrote it (torch::save): trusted, and holds more than weights (2.6 loads weights only by default).
        saved = torch.load(io.BytesIO(f.read()), weights_only=False)
    _, _, model, objective, _ = build(args)
    state = {k: v for k, v in saved.items() if not k.startswith("input.")}
    model.load_state_dict(state, strict=True)  # every name and shape must match the engine's network
    model.eval()
    loss, _, _ = objective.loss_at(model, saved["input.x0"], saved["input.t"], saved["input.weight"],
                                   saved["input.z"], saved.get("input.extras"))
    loss.backward()
    grad = math.sqrt(sum(float(p.grad.pow(2).sum()) for p in model.parameters()))
    return {"loss": loss.item(), "grad_norm": grad, "parameters": len(state)}


def flops(args):
    """Forward multiply-add FLOPs of the network on one batch (Linear, Conv2d, attention's bmm)."""
    _, data, model, _, _ = build(args)
    total = [0]

    def count(module, inputs, output):
        if isinstance(module, nn.Linear):
            total[0] += 2 * output.numel() * module.in_features
        elif isinstance(module, nn.Conv2d):
            k = module.kernel_size[0] * module.kernel_size[1]
            total[0] += 2 * output.numel() * module.in_channels // module.groups * k
        elif isinstance(module, ref.Attention):
            B, C, H, W = output.shape
            total[0] += 2 * 2 * B * (H * W) ** 2 * C  # qᵀk and v·wᵀ

    for m in model.modules():
        m.register_forward_hook(count)
    x = data.sample(args.batch or 1, torch.Generator().manual_seed(0)).float()
    with torch.no_grad():
        model.score(x, torch.full((x.size(0),), 0.5, dtype=torch.float64))
    return {"forward_flops": total[0], "items": x.size(0)}


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("kind", choices=["train", "sample", "likelihood", "sgemm", "check", "flops"])
    p.add_argument("--data", default="ring8", choices=["ring8", "fashion-mnist"])
    p.add_argument("--objective", default="dsm", choices=["dsm", "stf", "st"])
    p.add_argument("--sampler", default="em", choices=["em", "pc", "ode-euler", "ode-heun", "ode-rk45", "edm-heun"])
    for name in ["batch", "n", "image-size", "particles", "steps", "m", "k", "cols", "threads", "warmup",
                 "min-units"]:
        p.add_argument("--" + name, type=int, default=0)
    p.add_argument("--st-k", type=float, default=0.0)
    p.add_argument("--seconds", type=float, default=0.0)
    p.add_argument("--retain-malloc", action="store_true",
                   help="keep freed memory in the process, as the engine does (glibc environment variables)")
    p.add_argument("--compile", action="store_true", help="train, sample: the network through torch.compile (PyTorch 2)")
    p.add_argument("--in", dest="input", help="check: the engine's tensors")
    args = p.parse_args()
    threads = args.threads or 1
    torch.set_num_threads(threads)
    r = {"train": train, "sample": sample, "likelihood": likelihood, "sgemm": sgemm, "check": check,
         "flops": flops}[args.kind](args)
    r.update(impl="compiled" if args.compile else "python", kind=args.kind, threads=threads, torch=torch.__version__)
    print(json.dumps(r))


if __name__ == "__main__":
    sys.exit(main())
