"""Makes the synthetic N,t,v inputs of the spikes golden files from `psephos simulate` outputs (see README.md).

    /usr/bin/python3 make_inputs.py sim-clean.csv sim-coarse.csv

clean.csv: N = registered, t = ballots, v = leader of the first file, unchanged.
coarse.csv: the same columns of the second file, then 5% of the units (chosen with numpy's default_rng(2017))
report a coarse share a/b drawn from 1/2, 1/3, 2/3, 3/4, 2/5, 3/5: t becomes the multiple of b nearest to t (at
least b, at most N) and v = a t / b, so that v/t is exactly a/b.
"""
import sys

import numpy as np
import pandas as pd

FRACTIONS = [(1, 2), (1, 3), (2, 3), (3, 4), (2, 5), (3, 5)]


def ntv(path):
    d = pd.read_csv(path)
    return pd.DataFrame({"N": d["registered"], "t": d["ballots"], "v": d["leader"]})


def main(clean_path, coarse_path):
    ntv(clean_path).to_csv("clean.csv", index=False)
    d = ntv(coarse_path)
    rng = np.random.default_rng(2017)
    chosen = rng.choice(len(d), size=len(d) // 20, replace=False)
    for i in sorted(chosen):
        a, b = FRACTIONS[rng.integers(len(FRACTIONS))]
        n, t = int(d.at[i, "N"]), int(d.at[i, "t"])
        t2 = min(max(b, b * round(t / b)), b * (n // b))
        d.at[i, "t"] = t2
        d.at[i, "v"] = a * t2 // b
    d.to_csv("coarse.csv", index=False)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
