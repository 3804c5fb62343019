#!/usr/bin/python3
"""Mean ± standard deviation over seeds of the eval.json files of several runs, grouped by the
run name without its "-s<seed>" suffix. Usage: summarize.py RUN_DIR..."""
import json
import math
import re
import sys
from collections import defaultdict

groups = defaultdict(list)
for d in sys.argv[1:]:
    with open(f"{d}/eval.json") as f:
        groups[re.sub(r"-s\d+$", "", d.rstrip("/").split("/")[-1])].append(json.load(f))


def stat(values):
    m = sum(values) / len(values)
    sd = math.sqrt(sum((v - m) ** 2 for v in values) / (len(values) - 1)) if len(values) > 1 else 0.0
    return f"{m:.4g} ± {sd:.2g}"


keys = [k for k in ["nll", "nll_true", "energy_distance", "mmd2", "sliced_w2", "within_4std", "modes_covered",
                    "bpd", "fd_fmnist", "fd_fmnist_floor", "kid"]
        if any(k in e for evals in groups.values() for e in evals)]
print("| run | seeds | " + " | ".join(keys) + " |")
print("|---" * (len(keys) + 2) + "|")
for name, evals in sorted(groups.items()):
    cells = [stat([e[k] for e in evals]) if all(k in e for e in evals) else "-" for k in keys]
    print(f"| {name} | {len(evals)} | " + " | ".join(cells) + " |")

sigmas = [r["sigma"] for r in next(iter(groups.values()))[0].get("score_error", [])]
if sigmas:
    print("\nrelative score error E‖s_θ − ∇log p_t‖² / E‖∇log p_t‖² by σ (mean ± sd over seeds)\n")
    print("| σ | " + " | ".join(sorted(groups)) + " |")
    print("|---" * (len(groups) + 1) + "|")
    for i, s in enumerate(sigmas):
        cells = [stat([e["score_error"][i]["relative"] for e in groups[n]]) for n in sorted(groups)]
        print(f"| {s:.3g} | " + " | ".join(cells) + " |")
