#!/usr/bin/env python3
"""Kobak-style integer-percent Monte Carlo null in numpy, for timing against `psephos analyze --tests IntegerPercent`.

Follows the procedure of Kobak, Shpilkin and Pshenichnikov (2016, Ann. Appl. Stat. 10(1):54-73) as their anomaly()
code runs it: stations with R > 0, N >= 100, turnout <= 99% and leader's result <= 99%; a percentage is "integer"
when it lies within 0.05 of a whole number (bin width 0.1); each Monte Carlo replicate redraws every station's
leader votes W* ~ Bin(R, W/R) and ballots B* ~ Bin(N, B/N) (np.random binomial, vectorised over stations, one
replicate at a time as their code does) and recounts the integer stations: either, leader only, turnout only, each
unweighted and weighted by registered, ballots and leader votes (the observed counts are the weights).

The CSV (or zipped CSV) must have columns registered, ballots, valid, invalid and leader (as `psephos simulate
--out` writes), or pass --columns to name them (header names, 1-based '#N' positions, sums 'A+B'). Prints the observed unweighted counts, the null mean, sd and 99.9th percentile, and the
seconds the replicates took (without reading the file).

Usage: kobak_integer_numpy.py FILE.csv [--replicates 1000] [--seed 42] [--columns REG,BAL,VALID,INVALID,LEADER]
Russia 2012: --columns '#4,#6+#7+#8,#13,#12,#26' (Putin is column 26).
"""
import argparse
import time

import numpy as np

from forensics_crosscheck import read  # the CSV / zipped CSV reader of the sibling script


def read_columns(path, specs):
    """The columns named by specs (header names or 1-based '#N', sums 'A+B'), from a CSV or a zipped CSV."""
    header, body = read(path)
    out = []
    for spec in specs:
        idx = [int(p[1:]) - 1 if p.startswith("#") else header.index(p) for p in spec.split("+")]
        out.append(np.array([sum(int(r[i]) for i in idx) for r in body], dtype=np.int64))
    return out


def integer(k, n):
    """Whether 100 k / n lies within 0.05 of a whole number (the 0.1-wide bin centred on it)."""
    p = 100.0 * k / n
    return np.abs(p - np.round(p)) <= 0.05 + 1e-9


def statistics(w, b, reg, den, weights):
    li = integer(w, den)
    ti = integer(b, reg)
    either = li | ti
    return np.array([[np.sum(wt[m]) for wt in weights] for m in (either, li, ti)])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("csv")
    ap.add_argument("--replicates", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--columns", default="registered,ballots,valid,invalid,leader",
                    help="names of registered, ballots, valid, invalid and leader columns")
    a = ap.parse_args()
    reg, bal, valid, invalid, lead = read_columns(a.csv, a.columns.split(","))
    den = valid + invalid
    keep = (den > 0) & (reg >= 100) & (100 * bal <= 99 * reg) & (100 * lead <= 99 * den)
    reg, bal, den, lead = reg[keep], bal[keep], den[keep], lead[keep]
    weights = [np.ones_like(reg), reg, bal, lead]
    observed = statistics(lead, bal, reg, den, weights)

    rng = np.random.default_rng(a.seed)
    pw = lead / den
    pb = bal / reg
    start = time.perf_counter()
    null = np.empty((a.replicates, 3, 4))
    for r in range(a.replicates):
        w_star = rng.binomial(den, pw)
        b_star = rng.binomial(reg, pb)
        null[r] = statistics(w_star, b_star, reg, den, weights)
    seconds = time.perf_counter() - start

    for v, name in enumerate(("either", "leader", "turnout")):
        mc = null[:, v, 0]
        print(f"{name:8s} observed={int(observed[v, 0])} mean={mc.mean():.2f} sd={mc.std(ddof=1):.2f} "
              f"p999={np.percentile(mc, 99.9):.2f}")
    print(f"stations={reg.size} replicates={a.replicates} seconds={seconds:.2f}")


if __name__ == "__main__":
    main()
