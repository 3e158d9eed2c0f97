#!/usr/bin/python3
"""How one more layer of binomial resampling moves the 2BL statistic (mean second digit of the counts >= 10),
split by the unit's observed count: docs/calibration.md, section 4 ("Count-level tests on Canada's clean twins").

Usage: /usr/bin/python3 second-digit-drift.py FILE.csv [FILE.csv ...]   (columns N, t, v: registered, ballots, votes)

Each file's counts are resampled R = 100 times as the binomial resampling null does (t* ~ Bin(N, t/N),
v* ~ Bin(t*, v/t)); the drift of the 2BL mean is split into the contributions of the units whose observed count lies
in each band. numpy seed 7.
"""
import sys

import numpy as np
import pandas as pd


def second_digits(x):
    y = np.where(x >= 1000, x // 100, np.where(x >= 100, x // 10, x))
    return np.where(x >= 10, y % 10, -1)


def drift(counts, draw, bands, reps=100):
    d0 = second_digits(counts)
    used = (d0 >= 0).sum()
    t0 = d0[d0 >= 0].mean()
    num = np.zeros(len(bands))
    cnt = np.zeros(len(bands))
    means = []
    for _ in range(reps):
        d1 = second_digits(draw())
        means.append(d1[d1 >= 0].mean())
        for k, (a, b) in enumerate(bands):
            m = (counts >= a) & (counts < b)
            num[k] += (np.where(d1[m] >= 0, d1[m], 0).sum() - np.where(d0[m] >= 0, d0[m], 0).sum()) / reps
            cnt[k] += ((d1[m] >= 0).sum() - (d0[m] >= 0).sum()) / reps
    parts = [(num[k] - t0 * cnt[k]) / used for k in range(len(bands))]
    return t0, np.mean(means) - t0, parts


def main():
    rng = np.random.default_rng(7)
    for f in sys.argv[1:]:
        d = pd.read_csv(f)
        n, t, v = d.N.values, d.t.values, d.v.values
        share = v / np.maximum(t, 1)
        print(f"{f}: {len(d)} units; leader share 5/50/95%: {np.round(np.quantile(share, [.05, .5, .95]), 3)}; "
              f"votes 5/50/95%: {np.quantile(v, [.05, .5, .95])}; ballots 5/50/95%: {np.quantile(t, [.05, .5, .95])}")

        def leader():
            ts = rng.binomial(n, np.clip(t / n, 0, 1))
            return rng.binomial(ts, np.where(t > 0, v / np.maximum(t, 1), 0))

        def ballots():
            return rng.binomial(n, np.clip(t / n, 0, 1))

        for name, counts, draw, bands in [
                ("leader", v, leader, [(0, 10), (10, 20), (20, 50), (50, 100), (100, 200), (200, 10 ** 6)]),
                ("ballots", t, ballots, [(0, 100), (100, 150), (150, 200), (200, 250), (250, 300), (300, 400),
                                         (400, 10 ** 6)])]:
            t0, dr, parts = drift(counts, draw, bands)
            split = ", ".join(f"[{a}, {min(b, 9999)}): {p:+.4f}" for (a, b), p in zip(bands, parts))
            print(f"  2BL {name}: observed {t0:.4f}, drift of one resampling {dr:+.4f}; by observed count: {split}")


if __name__ == "__main__":
    main()
