#!/usr/bin/env python3
"""Tables of the horizon experiment (horizon.sh): one CSV per metric against T, a column per prior
(what `scorescope --analysis` draws), and a Markdown table of everything on stdout."""
import csv, json, os, sys

runs, dest = sys.argv[1], sys.argv[2]
os.makedirs(dest, exist_ok=True)


def load(path):
    with open(path) as f:
        return json.load(f)


def write(name, header, rows):
    with open(os.path.join(dest, name), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)


for data, priors, metrics in [
    ("ring8", ["gaussian", "gmm", "flow"], ["nll", "energy_distance", "nfe"]),
    ("fmnist", ["gaussian", "flow"], ["bpd", "fd_fmnist", "nfe"]),
]:
    table = {}
    for entry in sorted(os.listdir(runs)):
        if not entry.startswith(data + "-T") or entry.endswith("-flow") or not os.path.isdir(os.path.join(runs, entry)):
            continue
        T = float(entry.split("-T")[1])
        evals = {p: os.path.join(runs, entry, "eval-%s.json" % p) for p in priors}
        if all(os.path.exists(e) for e in evals.values()):
            table[T] = {p: load(e) for p, e in evals.items()}
            horizon = os.path.join(runs, entry, "horizon.csv")
            if os.path.exists(horizon):
                with open(horizon) as f:
                    table[T]["horizon"] = next(csv.DictReader(f))
    if not table:
        continue
    Ts = sorted(table)
    for m in metrics:
        write("%s-%s-against-T.csv" % (data, m.replace("_", "-")), ["T"] + priors,
              [[T] + [table[T][p].get(m, "") for p in priors] for T in Ts])
    print("\n### %s\n" % data)
    cols = ["%s %s" % (m, p) for m in metrics for p in priors]
    extra = ["KL Gaussian", "KL GMM", "gap G"] if data == "ring8" else []
    print("| T | " + " | ".join(cols + extra) + " |")
    print("|---" * (1 + len(cols) + len(extra)) + "|")
    for T in Ts:
        cells = ["%.4g" % table[T][p][m] if m in table[T][p] else "" for m in metrics for p in priors]
        if extra:
            h = table[T].get("horizon", {})
            cells += ["%.4g" % float(h[k]) if k in h else "" for k in ("kl_gaussian", "kl_aux", "gap")]
        print("| %g | " % T + " | ".join(cells) + " |")
    if data == "ring8" and "nll_true" in table[Ts[0]]["gaussian"]:
        print("\n(true NLL of the held-out points: %.4f nats)" % table[Ts[0]]["gaussian"]["nll_true"])
