#!/usr/bin/python3
"""The benchmark suite: the engine (bench_engine) against the same computation in PyTorch
(reference/bench_engine.py, Debian's python3-torch on the same libtorch), alternating run by run, so
each row is a ratio measured on this machine at the same time. Writes docs/BENCHMARKS.md,
docs/benchmarks.csv and every run's figures in docs/benchmarks-runs.json. Prints figures; asserts nothing about speed.

    /usr/bin/python3 tests/benchmarks/run_suite.py            # the whole suite (~25 min on 2 cores)
    /usr/bin/python3 tests/benchmarks/run_suite.py --quick    # one round, short timings (~5 min)
"""
import argparse
import csv
import datetime
import json
import os
import platform
import shlex
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
REFERENCE = os.path.join(ROOT, "tests", "benchmarks", "reference", "bench_engine.py")


class Row:
    def __init__(self, group, label, kind, unit, extra=None, compiled=False, **flags):
        self.group, self.label, self.kind, self.unit, self.flags = group, label, kind, unit, flags
        self.extra = extra or {}  # flags for one implementation only: {"c++": [...], "python": [...]}
        self.compiled = compiled  # also against torch.compile of the reference's network (PyTorch 2)
        self.results = {"c++": [], "python": [], "compiled": []}

    def args(self, threads, seconds, impl="c++"):
        flags = dict(self.flags, threads=threads)
        if self.kind in ("train", "sample", "sgemm") and "seconds" not in flags:
            flags["seconds"] = seconds
        out = [self.kind]
        for k, v in flags.items():
            out += ["--" + k] if v is True else ["--" + k, str(v)]
        return out + self.extra.get(impl, []) + (["--compile"] if impl == "compiled" else [])

    def seconds(self, impl):
        """The median time per unit of an implementation's runs."""
        return median([x["seconds_per_unit"] for x in self.results[impl]])

    def measured(self):
        """The implementations this row ran."""
        return [k for k, v in self.results.items() if v]

    def peak(self, impl):
        return max(x["peak_mib"] for x in self.results[impl])

    def working_set(self, impl):
        return max(x["peak_mib"] - x["rss_mib"] for x in self.results[impl])

    def network(self):
        """A training row's network and batch: what its FLOP count depends on."""
        return self.flags["data"], self.flags["batch"], self.flags.get("image-size", 0)


def rows():
    toy, image = dict(data="ring8", compiled=True), dict(data="fashion-mnist", compiled=True)
    out = []
    for b in (256, 512, 2048):
        out.append(Row("Toy training step (MLP 4×256, ring8, VP)", f"DSM, batch {b}", "train", "step", batch=b, **toy))
    for n in (256, 1024, 4096):
        out.append(Row("Toy training step (MLP 4×256, ring8, VP)", f"STF n = {n}, batch 512", "train", "step",
                       objective="stf", n=n, batch=512, **toy))
    out.append(Row("Toy training step (MLP 4×256, ring8, VP)", "Soft Truncation k = 1, batch 512", "train", "step",
                   objective="st", **{"st-k": 1}, batch=512, **toy))
    for b in (32, 128):
        out.append(Row("Image training step (U-Net 1.6 M, Fashion-MNIST 28×28, VP)", f"DSM, batch {b}", "train", "step",
                       batch=b, warmup=2, **{"min-units": 5}, **image))
    out.append(Row("Image training step (U-Net 1.6 M, Fashion-MNIST 28×28, VP)", "STF n = 1024, batch 32", "train",
                   "step", objective="stf", n=1024, batch=32, warmup=2, **{"min-units": 5}, **image))
    for s in ("em", "pc", "ode-euler", "ode-heun", "ode-rk45", "edm-heun"):
        out.append(Row("Sampling, toy (2 000 particles, 50 steps)", s, "sample", "NFE", sampler=s, particles=2000, **toy))
    for s in ("em", "pc", "ode-euler", "ode-heun", "ode-rk45", "edm-heun"):
        out.append(Row("Sampling, images (64 at once, 50 steps)", s, "sample", "NFE", sampler=s, particles=64,
                       **{"min-units": 4}, **image))
    # The likelihood differentiates the network (divergence): left in eager PyTorch.
    out.append(Row("PF-ODE likelihood (RK45, rtol = atol = 1e-5)", "toy, 500 points, exact divergence", "likelihood",
                   "solve", particles=500, data="ring8"))
    out.append(Row("PF-ODE likelihood (RK45, rtol = atol = 1e-5)", "images, 16, Hutchinson", "likelihood", "solve",
                   particles=16, data="fashion-mnist"))
    toy, image = dict(data="ring8"), dict(data="fashion-mnist")
    # Scaling: the rows above plus these.
    for b in (128, 1024, 4096):
        out.append(Row("Scaling: toy DSM step against batch", f"DSM, batch {b}", "train", "step", batch=b, **toy))
    out.append(Row("Scaling: toy STF step against n (batch 512)", "STF n = 16384, batch 512", "train", "step",
                   objective="stf", n=16384, batch=512, **toy))
    for s in (16, 56):
        out.append(Row("Scaling: image step against image size (U-Net, batch 32)", f"{s}×{s}, batch 32", "train",
                       "step", batch=32, **{"image-size": s}, warmup=2, **{"min-units": 5}, **image))
    # The machine's matrix-multiply rate at the MLP's shapes and at a large square (OpenBLAS SGEMM).
    for m, k, n in ((512, 67, 256), (512, 256, 256), (2048, 256, 256), (2048, 2048, 2048)):
        out.append(Row("SGEMM (OpenBLAS through torch.mm)", f"{m}×{k} · {k}×{n}", "sgemm", "mm", m=m, k=k, cols=n))
    return out


def what_mattered_rows():
    """The toy step under other settings: both on glibc's default malloc thresholds (the engine as a
    plain LibTorch program), both keeping freed memory (Python through glibc's environment
    variables), and both on one thread."""
    plain = "Both on glibc's default malloc (engine: --plain-malloc)"
    retain = "Both keeping freed memory (Python: MALLOC_MMAP_THRESHOLD_, MALLOC_TRIM_THRESHOLD_)"
    out = []
    for label, flags in (("DSM, batch 256", dict(batch=256)), ("DSM, batch 512", dict(batch=512)),
                         ("DSM, batch 2048", dict(batch=2048)), ("STF n = 1024, batch 512",
                                                                 dict(objective="stf", n=1024, batch=512))):
        out.append(Row(plain, label, "train", "step", extra={"c++": ["--plain-malloc"]}, data="ring8", **flags))
        out.append(Row(retain, label, "train", "step", extra={"python": ["--retain-malloc"]}, data="ring8", **flags))
    image = dict(data="fashion-mnist", warmup=2, **{"min-units": 5})
    out.append(Row(retain, "U-Net DSM, batch 32", "train", "step", extra={"python": ["--retain-malloc"]}, batch=32,
                   **image))
    out.append(Row(retain, "U-Net sampling, ode-euler, 64 images", "sample", "NFE", extra={"python": ["--retain-malloc"]},
                   sampler="ode-euler", particles=64, data="fashion-mnist", **{"min-units": 4}))
    for label, flags in (("DSM, batch 512", dict(batch=512)), ("STF n = 1024, batch 512",
                                                               dict(objective="stf", n=1024, batch=512))):
        out.append(Row("Both on 1 thread", label, "train", "step", data="ring8", threads=1, **flags))
    return sorted(out, key=lambda r: r.group)


def run(cmd, env=None):
    p = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if p.returncode != 0:
        raise RuntimeError(f"{shlex.join(cmd)} failed ({p.returncode}): {p.stderr.strip()[-500:]}")
    return json.loads(p.stdout.strip().splitlines()[-1])


def machine():
    model = "unknown CPU"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2 ** 30
    return f"{model}, {os.cpu_count()} cores, {mem:.0f} GiB, {platform.platform()}"


def median(values):
    return statistics.median(values) if values else float("nan")


def measure(all_rows, engine, threads, seconds, rounds, compiled, log):
    for i, row in enumerate(all_rows):
        row_threads = row.flags.get("threads", threads)
        impls = ["c++", "python"] + (["compiled"] if compiled and row.compiled else [])
        for r in range(rounds):
            # rotate which goes first, so none always meets a warmer or a cooler machine
            for impl in impls[r % len(impls):] + impls[:r % len(impls)]:
                args = row.args(row_threads, seconds, impl)
                cmd = [engine] + args if impl == "c++" else ["/usr/bin/python3", REFERENCE] + args
                row.results[impl].append(run(cmd))
        c, p = row.seconds("c++"), row.seconds("python")
        tc = f", torch.compile {row.seconds('compiled') * 1e3:.2f} ms" if row.results["compiled"] else ""
        log(f"[{i + 1}/{len(all_rows)}] {row.group} | {row.label}: c++ {c * 1e3:.2f} ms, python {p * 1e3:.2f} ms{tc} "
            f"per {row.unit} (python/c++ {p / c:.2f})")


def rate(row, impl):
    """The row's throughput in its natural unit, from the median time per unit."""
    t = row.seconds(impl)
    first = row.results[impl][0]
    if row.kind == "train":
        return 1.0 / t, "steps/s"
    if row.kind == "sample":
        return 1.0 / t, f"NFE/s ({first['items']} at once)"
    if row.kind == "likelihood":
        return first["items"] / t, f"{'points' if row.flags['data'] == 'ring8' else 'images'}/s"
    return median([x["gflops"] for x in row.results[impl]]), "GFLOP/s"


def fit_line(xs, ys):
    n, mx, my = len(xs), sum(xs) / len(xs), sum(ys) / len(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx
    a = my - b * mx
    ss = sum((y - my) ** 2 for y in ys)
    r2 = 1.0 - sum((y - a - b * x) ** 2 for x, y in zip(xs, ys)) / ss if ss > 0 else 1.0
    return a, b, r2


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--engine", default=os.path.join(ROOT, "build", "release", "tests", "benchmarks", "bench_engine"))
    p.add_argument("--threads", type=int, default=os.cpu_count())
    p.add_argument("--rounds", type=int, default=3, help="runs of each implementation per row (median)")
    p.add_argument("--seconds", type=float, default=3.0, help="timed seconds per run")
    p.add_argument("--quick", action="store_true", help="one round of one second: to try the suite")
    p.add_argument("--only", help="rows whose group or label contains this text")
    p.add_argument("--out", default=os.path.join(ROOT, "docs"))
    a = p.parse_args()
    if a.quick:
        a.rounds, a.seconds = 1, 1.0
    if not os.access(a.engine, os.X_OK):
        sys.exit(f"run_suite: {a.engine}: not built (cmake --build --preset release --target bench_engine)")
    all_rows = rows() + what_mattered_rows()
    if a.only:
        all_rows = [r for r in all_rows if a.only in r.group or a.only in r.label]
    started = datetime.datetime.now()
    log = lambda s: print(s, flush=True)  # noqa: E731
    log(f"run_suite: {len(all_rows)} rows × {a.rounds} rounds × 2 implementations (3 with torch.compile), {a.threads} threads")

    checks = []
    for flags in (["--data", "ring8", "--batch", "256"], ["--data", "ring8", "--objective", "stf", "--n", "256",
                                                           "--batch", "256"],
                  ["--data", "fashion-mnist", "--batch", "4"], ["--data", "fashion-mnist", "--objective", "stf",
                                                                 "--n", "64", "--batch", "4"]):
        path = os.path.join("/tmp", f"bench_check_{os.getpid()}.pt")
        c = run([a.engine, "check", "--out", path] + flags)
        py = run(["/usr/bin/python3", REFERENCE, "check", "--in", path] + flags)
        os.remove(path)
        checks.append((" ".join(flags), c, py))
        log(f"check {' '.join(flags)}: loss c++ {c['loss']:.9g} python {py['loss']:.9g}; "
            f"‖grad‖ {c['grad_norm']:.9g} / {py['grad_norm']:.9g}")

    flops = {}  # forward FLOPs of each training row's network and batch
    for data, batch, size in {r.network() for r in all_rows if r.kind == "train"}:
        cmd = ["/usr/bin/python3", REFERENCE, "flops", "--data", data, "--batch", str(batch)]
        flops[(data, batch, size)] = run(cmd + (["--image-size", str(size)] if size else []))["forward_flops"]

    # torch.compile (PyTorch 2): a third implementation of the training and sampling rows.
    compiled = run(["/usr/bin/python3", "-c", "import json, torch; print(json.dumps(hasattr(torch, 'compile')))"])
    measure(all_rows, a.engine, a.threads, a.seconds, a.rounds, compiled, log)
    write(a, all_rows, checks, flops, started)


def release():
    """This machine's Debian release: (codename, name), from /etc/os-release."""
    info = {}
    with open("/etc/os-release") as f:
        for line in f:
            key, _, value = line.strip().partition("=")
            info[key] = value.strip('"')
    return info.get("VERSION_CODENAME", "unknown"), info.get("PRETTY_NAME", "unknown system")


def splice(path, codename, text):
    """Puts `text` into `path` as this release's section, keeping the other releases' sections (a file
    without sections is taken as Debian 12's, which the suite measured first)."""
    begin, end = f"<!-- run_suite {codename} -->", f"<!-- /run_suite {codename} -->"
    old = open(path).read() if os.path.exists(path) else ""
    if old and "<!-- run_suite " not in old:
        old = f"<!-- run_suite bookworm -->\n{old.rstrip()}\n<!-- /run_suite bookworm -->\n"
    section = f"{begin}\n{text.rstrip()}\n{end}\n"
    if begin in old:
        head, rest = old.split(begin, 1)
        new = head + section + rest.split(end, 1)[1].lstrip("\n")
    else:
        new = (old.rstrip() + "\n\n" if old else "") + section
    with open(path, "w") as f:
        f.write(new)


def write(a, all_rows, checks, flops, started):
    codename, system = release()
    stem = "benchmarks" if codename == "bookworm" else f"benchmarks-{codename}"
    first = next(r for r in all_rows if r.results["c++"])
    libtorch, pytorch = first.results["c++"][0]["torch"], first.results["python"][0]["torch"]
    mach = machine()
    engine = os.path.relpath(a.engine, ROOT)
    repeat = lambda row: shlex.join([engine] + row.args(row.flags.get("threads", a.threads), a.seconds))  # noqa: E731
    sgemm_peak = max((rate(r, "c++")[0] for r in all_rows if r.kind == "sgemm"), default=float("nan"))

    def gflops(row, impl):
        if row.kind != "train":
            return None
        return 3 * flops[row.network()] / row.seconds(impl) / 1e9

    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, f"{stem}-runs.json"), "w") as f:
        json.dump([{"group": r.group, "row": r.label, "command": {k: r.args(r.flags.get("threads", a.threads), a.seconds, k)
                                                                  for k in r.measured()}, "runs": r.results}
                   for r in all_rows], f, indent=1)
    def against_compiled(row):
        """The engine's speed-up over torch.compile, or None where the row has no compiled runs."""
        return row.seconds("compiled") / row.seconds("c++") if row.results["compiled"] else None

    with open(os.path.join(a.out, f"{stem}.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["group", "row", "unit", "cpp_rate", "python_rate", "compiled_rate", "cpp_speedup",
                    "cpp_speedup_vs_compiled", "cpp_seconds_per_unit",
                    "python_seconds_per_unit", "cpp_peak_mib", "python_peak_mib", "cpp_work_mib", "python_work_mib",
                    "cpp_gflops", "python_gflops", "runs", "threads", "libtorch", "pytorch", "machine", "command"])
        for row in all_rows:
            c, p = row.seconds("c++"), row.seconds("python")
            peak = {k: row.peak(k) for k in row.measured()}
            work = {k: row.working_set(k) for k in row.measured()}
            gc, gp = gflops(row, "c++"), gflops(row, "python")
            vc = against_compiled(row)
            w.writerow([row.group, row.label, rate(row, "c++")[1], f"{rate(row, 'c++')[0]:.4g}",
                        f"{rate(row, 'python')[0]:.4g}", "" if vc is None else f"{rate(row, 'compiled')[0]:.4g}",
                        f"{p / c:.3f}", "" if vc is None else f"{vc:.3f}", f"{c:.6g}", f"{p:.6g}", f"{peak['c++']:.0f}",
                        f"{peak['python']:.0f}", f"{work['c++']:.1f}", f"{work['python']:.1f}",
                        "" if gc is None else f"{gc:.1f}", "" if gp is None else f"{gp:.1f}", len(row.results["c++"]),
                        row.flags.get("threads", a.threads), libtorch, pytorch, mach, repeat(row)])

    lines = [
        f"# Benchmarks on {system}: the engine against the same math in PyTorch",
        "",
        f"Measured {started:%Y-%m-%d %H:%M} on {mach}; {a.threads} threads unless a row says otherwise; "
        f"LibTorch {libtorch} (C++), PyTorch {pytorch} (Debian's python3-torch, the same libtorch). "
        + ("Training and sampling rows also run the reference with its network through `torch.compile` "
           "(Inductor's default mode, compiled during the warm-up, which is not timed): the peak a PyTorch 2 "
           "user would reach for. " if any(r.results["compiled"] for r in all_rows) else "") +
        f"Each row: the median of {a.rounds} runs of each implementation, run alternately, each run timing "
        f"at least {a.seconds:g} s after a warm-up. Speed-up = Python's time per unit / the engine's, with the "
        "range of the ratios of the runs made side by side (this VM's speed drifts by 10–30 % over minutes). "
        "Peak memory is the process's peak resident set during the timed part (working set: the peak "
        "above the resident set before it). The CSV beside this file holds every figure with the machine, "
        f"threads, versions and the command of each row (`docs/{stem}.csv`).",
        "",
        "Repeat: `/usr/bin/python3 tests/benchmarks/run_suite.py` (after `bash packaging/install-deps.sh --benchmarks` and `cmake --build "
        "--preset release --target bench_engine`); one row: the command in its row of the CSV, and the same flags to "
        "`tests/benchmarks/reference/bench_engine.py` (`--compile`: through torch.compile). No CUDA device was at hand for these rows.",
        "",
        "## Same computation",
        "",
        "`bench_engine check` writes the engine's network weights and one batch's inputs (data, times, noise, "
        "reference batch); the reference loads the weights by name into its own network (strict: every "
        "name and shape must match) and recomputes the loss and its gradient:",
        "",
        "| case | loss (engine) | loss (reference) | ‖∇‖ (engine) | ‖∇‖ (reference) | relative difference |",
        "|---|---|---|---|---|---|",
    ]
    for flags, c, py in checks:
        rel = max(abs(c["loss"] - py["loss"]) / abs(c["loss"]), abs(c["grad_norm"] - py["grad_norm"]) / c["grad_norm"])
        lines.append(f"| `{flags}` | {c['loss']:.8g} | {py['loss']:.8g} | {c['grad_norm']:.8g} | "
                     f"{py['grad_norm']:.8g} | {rel:.1e} |")
    group = None
    for row in all_rows:
        if row.group != group:
            group = row.group
            tc = any(r.results["compiled"] for r in all_rows if r.group == group)
            lines += ["", f"## {group}", "",
                      "| row | engine | Python | speed-up | " + ("torch.compile | speed-up over it | " if tc else "")
                      + "GFLOP/s engine / Python | peak MiB engine / Python (working set) | command |",
                      "|---|---|---|---|" + ("---|---|" if tc else "") + "---|---|---|"]
        rc, unit = rate(row, "c++")
        rp, _ = rate(row, "python")
        c, p = row.seconds("c++"), row.seconds("python")
        peak = {k: row.peak(k) for k in row.measured()}
        work = {k: row.working_set(k) for k in row.measured()}
        gc, gp = gflops(row, "c++"), gflops(row, "python")
        g = "" if gc is None else f"{gc:.1f} / {gp:.1f} ({100 * gc / sgemm_peak:.0f} % of SGEMM peak)"
        extra = ""
        if row.kind == "likelihood":
            extra = f" ({row.results['c++'][0]['nfe']} / {row.results['python'][0]['nfe']} NFE)"
        pairs = [py["seconds_per_unit"] / cc["seconds_per_unit"] for cc, py in zip(row.results["c++"], row.results["python"])]
        spread = f" ({min(pairs):.2f}–{max(pairs):.2f})" if len(pairs) > 1 else ""
        speedup = f"{p / c:.2f}×{spread}" if row.kind != "sgemm" else f"{rp / rc:.2f}× (Python/engine rate)"
        compiled = ""
        if tc:
            vc = against_compiled(row)
            compiled = "– | – | " if vc is None else f"{rate(row, 'compiled')[0]:.4g} | {vc:.2f}× | "
        lines.append(f"| {row.label}{extra} | {rc:.4g} {unit} | {rp:.4g} | {speedup} | {compiled}{g} | "
                     f"{peak['c++']:.0f} ({work['c++']:.0f}) / {peak['python']:.0f} ({work['python']:.0f}) | "
                     f"`{repeat(row)}` |")
    lines += ["", scaling(all_rows, a.threads), ""]
    splice(os.path.join(a.out, "BENCHMARKS.md"), codename, "\n".join(lines))
    print(f"run_suite: wrote the {system} section of {os.path.join(a.out, 'BENCHMARKS.md')} and {stem}.csv")


def scaling(all_rows, threads):
    """How the engine's time per step grows: a least-squares line over each series, and its fit."""
    def series(pred, x):
        pts = sorted((x(r), r.seconds("c++"))
                     for r in all_rows if r.kind == "train" and r.results["c++"] and pred(r)
                     and r.flags.get("threads", threads) == threads and not r.extra)
        return [q[0] for q in pts], [q[1] for q in pts]

    out = ["## Scaling (the engine)", ""]
    xs, ys = series(lambda r: r.flags["data"] == "ring8" and r.flags.get("objective", "dsm") == "dsm",
                    lambda r: r.flags["batch"])
    if len(xs) >= 3:
        a, b, r2 = fit_line(xs, ys)
        out.append(f"- Toy DSM step against batch B ∈ {xs}: t ≈ {a * 1e3:.2f} ms + {b * 1e6:.2f} µs · B "
                   f"(R² = {r2:.3f}); the fixed part is the per-step overhead (about {a / ys[0] * 100:.0f} % of "
                   f"the step at B = {xs[0]}).")
    xs, ys = series(lambda r: r.flags["data"] == "ring8" and r.flags.get("objective") == "stf",
                    lambda r: r.flags["n"])
    if len(xs) >= 3:
        a, b, r2 = fit_line(xs, ys)
        out.append(f"- Toy STF step (B = 512) against n ∈ {xs}: t ≈ {a * 1e3:.2f} ms + {b * 1e6:.3f} µs · n "
                   f"(R² = {r2:.3f}); linear in n, as the weights are a B × n matrix product and softmax (§3.5).")
    xs, ys = series(lambda r: r.flags["data"] == "fashion-mnist" and r.flags.get("batch") == 32
                    and r.flags.get("objective", "dsm") == "dsm", lambda r: r.flags.get("image-size", 28) ** 2)
    if len(xs) >= 3:
        a, b, r2 = fit_line(xs, ys)
        out.append(f"- U-Net step (B = 32) against pixels H·W ∈ {xs}: t ≈ {a * 1e3:.0f} ms + {b * 1e6:.1f} µs · HW "
                   f"(R² = {r2:.3f}); per pixel {', '.join(f'{y / x * 1e6:.1f}' for x, y in zip(xs, ys))} µs.")
    return "\n".join(out)


if __name__ == "__main__":
    main()
