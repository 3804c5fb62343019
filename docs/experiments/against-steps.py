#!/usr/bin/python3
"""A metric of several runs against training steps, from their eval-step<N>.json files, grouped by
run name without its "-s<seed>" suffix: a markdown table (each seed, then mean ± sd) on stdout
and, with --csv, a table step,<group>,<group>_sd,… for `scorescope --analysis`.
Usage: against-steps.py METRIC [--csv OUT] RUN_DIR..."""
import glob
import json
import math
import re
import sys
from collections import defaultdict

args = sys.argv[1:]
metric = args.pop(0)
out = None
if args[:1] == ["--csv"]:
    out = args[1]
    args = args[2:]

values = defaultdict(dict)  # group -> step -> [value per seed]
for d in args:
    group = re.sub(r"-s\d+$", "", d.rstrip("/").split("/")[-1])
    for f in sorted(glob.glob(f"{d}/eval-step*.json")):
        step = int(re.search(r"eval-step(\d+)\.json$", f).group(1))
        with open(f) as fh:
            values[group].setdefault(step, []).append(json.load(fh)[metric])


def mean_sd(v):
    m = sum(v) / len(v)
    return m, (math.sqrt(sum((x - m) ** 2 for x in v) / (len(v) - 1)) if len(v) > 1 else 0.0)


groups = sorted(values)
steps = sorted({s for g in groups for s in values[g]})
print(f"{metric} against training steps (each seed, then mean ± sd over seeds)\n")
print("| step | " + " | ".join(groups) + " |")
print("|---" * (len(groups) + 1) + "|")
for s in steps:
    cells = []
    for g in groups:
        v = values[g].get(s, [])
        cells.append(" / ".join(f"{x:.1f}" for x in v) + (" → {:.1f} ± {:.1f}".format(*mean_sd(v)) if v else ""))
    print(f"| {s} | " + " | ".join(cells) + " |")
if out:
    with open(out, "w") as fh:
        fh.write("step," + ",".join(f"{g},{g}_sd" for g in groups) + "\n")
        for s in steps:
            row = [str(s)]
            for g in groups:
                v = values[g].get(s)
                row += [f"{x:.6g}" for x in mean_sd(v)] if v else ["", ""]
            fh.write(",".join(row) + "\n")
