#!/usr/bin/env python3
"""Tables of the horizon experiment (horizon.sh): one CSV per metric against T with a column per
prior (what `scorescope --analysis` draws), and a Markdown table of everything on stdout.
The Gaussian prior's NLL / bits/dim come from the auxiliary runs' own ODE solutions."""
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


def table_of(data, priors):
    table = {}
    for entry in sorted(os.listdir(runs)):
        path = os.path.join(runs, entry)
        if not entry.startswith(data + "-T") or entry.endswith("-flow") or not os.path.isdir(path):
            continue
        evals = {p: os.path.join(path, "eval-%s.json" % p) for p in priors}
        if all(os.path.exists(e) for e in evals.values()):
            row = {p: load(e) for p, e in evals.items()}
            horizon = os.path.join(path, "horizon.csv")
            if os.path.exists(horizon):
                with open(horizon) as f:
                    row["horizon"] = next(csv.DictReader(f))
            table[float(entry.split("-T")[1])] = row
    return table


def emit(data, table, metrics):
    """metrics: (file name, column title, [(column, getter)])"""
    Ts = sorted(table)
    header = ["T"]
    for name, title, columns in metrics:
        write("%s-%s-against-T.csv" % (data, name), ["T"] + [c for c, _ in columns],
              [[T] + [get(table[T]) for _, get in columns] for T in Ts])
        header += ["%s %s" % (title, c) for c, _ in columns]
    print("\n### %s\n" % data)
    print("| " + " | ".join(header) + " |")
    print("|---" * len(header) + "|")
    for T in Ts:
        cells = ["%g" % T] + ["%.4g" % get(table[T]) for _, _, columns in metrics for _, get in columns]
        print("| " + " | ".join(cells) + " |")


ring = table_of("ring8", ["gaussian", "gmm", "flow"])
if ring and all("horizon" in r for r in ring.values()):
    # Each run's own `analyze horizon` row at its T, in that command's format: the view charts the
    # ELBO terms of the trained models against T.
    rows = [ring[T]["horizon"] for T in sorted(ring)]
    with open(os.path.join(dest, "ring8-trained-horizon.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        w.writeheader()
        w.writerows(rows)
if ring:
    emit("ring8", ring, [
        ("nll", "NLL", [("gaussian", lambda r: r["gmm"]["nll_gaussian_prior"]), ("gmm", lambda r: r["gmm"]["nll"]),
                        ("flow", lambda r: r["flow"]["nll"]), ("true", lambda r: r["gmm"]["nll_true"])]),
        ("energy-distance", "energy", [(p, lambda r, p=p: r[p]["energy_distance"]) for p in ("gaussian", "gmm", "flow")]),
        ("nfe", "NFE", [("sampling", lambda r: r["gmm"]["nfe"]), ("nll", lambda r: r["gmm"]["nll_nfe"])]),
        ("elbo-terms", "nats", [("kl_gaussian", lambda r: float(r["horizon"]["kl_gaussian"])),
                                ("kl_gmm", lambda r: float(r["horizon"]["kl_aux"])),
                                ("gap", lambda r: float(r["horizon"]["gap"])),
                                ("gap+kl_gaussian", lambda r: float(r["horizon"]["excess_gaussian"])),
                                ("gap+kl_gmm", lambda r: float(r["horizon"]["excess_aux"]))]),
    ])

fmnist = table_of("fmnist", ["gaussian", "flow"])
if fmnist:
    emit("fmnist", fmnist, [
        ("bpd", "bits/dim", [("gaussian", lambda r: r["flow"]["bpd_gaussian_prior"]), ("flow", lambda r: r["flow"]["bpd"])]),
        ("fd-fmnist", "FD-FMNIST", [(p, lambda r, p=p: r[p]["fd_fmnist"]) for p in ("gaussian", "flow")]),
        ("nfe", "NFE", [("bpd ode", lambda r: r["flow"]["bpd_nfe"] / 1.0)]),
    ])
