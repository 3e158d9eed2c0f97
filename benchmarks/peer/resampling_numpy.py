#!/usr/bin/env python3
"""The count-level resampling null of forensics.nulls.CountResampler in numpy, for timing side by side with Java.

Per station: ballots* ~ Binomial(registered, ballots/registered); then the options, invalid ballots and the issued
ballots not found in the boxes ~ Multinomial(ballots*, observed shares) (numpy's Generator.multinomial, vectorised
over stations with one row of probabilities per station), one replicate at a time as Kobak et al.'s code does;
with --digits, the digit histograms of the turnout and option counts of every replicate as well (second digit of
counts >= 10, last digit, repeated and adjacent last-two-digit pairs), the work of forensics.nulls.DigitHistogram.

The CSV (or zipped CSV) must have columns registered, ballots, valid, invalid and the options after invalid (as
`psephos simulate --out` writes: unit,region,registered,ballots,valid,invalid,<options>,fraud), or pass --columns
REG,BAL,VALID,INVALID,OPT1+..: Russia 2012: --columns '#4,#6+#7+#8,#13,#12,#22..#26'. Prints the seconds per
replicate and for 1,000 replicates (without reading the file).

Usage: resampling_numpy.py FILE.csv [--replicates 20] [--seed 42] [--digits] [--columns ...]
"""
import argparse
import time

import numpy as np

from forensics_crosscheck import read, refs


def columns(path, spec):
    header, body = read(path)
    if spec is None:
        opt = [h for h in header[header.index("invalid") + 1:] if h != "fraud"]
        spec = "registered,ballots,valid,invalid," + "+".join(opt)
        names = ["registered", "ballots", "valid", "invalid"] + opt
        idx = [header.index(n) for n in names]
        cols = np.array([[int(r[i]) for i in idx] for r in body], dtype=np.int64)
        return cols[:, 0], cols[:, 1], cols[:, 2], cols[:, 3], cols[:, 4:]
    parts = spec.split(",")
    def col(p):
        ix = refs(header, p)
        return np.array([sum(int(float(r[i] or 0)) for i in ix) for r in body], dtype=np.int64)
    reg, bal, val, inv = (col(p) for p in parts[:4])
    opts = np.stack([np.array([int(float(r[i] or 0)) for r in body], dtype=np.int64)
                     for i in refs(header, parts[4])], axis=1)
    return reg, bal, val, inv, opts


def digit_histograms(counts):
    """Second-digit (counts >= 10), last-digit and pair histograms of one variable, as DigitHistogram."""
    c = counts
    second = c.copy()
    while (second >= 100).any():
        second = np.where(second >= 100, second // 10, second)
    two = c >= 10
    h2 = np.bincount((second % 10)[two], minlength=10)
    h1 = np.bincount(c % 10, minlength=10)
    d = np.abs((c // 10) % 10 - c % 10)[two]
    return h2, h1, (d == 0).sum(), (d == 1).sum(), ((d == 1) | (d == 9)).sum(), two.sum()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--replicates", type=int, default=20)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--digits", action="store_true")
    ap.add_argument("--columns")
    a = ap.parse_args()
    reg, bal, val, inv, opts = columns(a.file, a.columns)
    keep = (reg > 0) & (bal >= 0) & (bal <= reg) & (val >= 0) & (inv >= 0)
    reg, bal, val, inv, opts = reg[keep], bal[keep], val[keep], inv[keep], opts[keep]
    other = np.maximum(0, val - opts.sum(axis=1))
    found = val + inv
    unfound = np.maximum(0, bal - found)
    cats = np.column_stack([opts, other, inv, unfound]).astype(np.float64)
    total = cats.sum(axis=1)
    size_offset = np.maximum(0, found - bal)
    probs = cats / np.where(total > 0, total, 1)[:, None]
    probs[total == 0, -1] = 1.0
    p_ballots = bal / reg
    rng = np.random.default_rng(a.seed)
    start = time.perf_counter()
    for _ in range(a.replicates):
        b = rng.binomial(reg, p_ballots)
        x = rng.multinomial(b + size_offset, probs)
        if a.digits:
            digit_histograms(b)
            for k in range(opts.shape[1]):
                digit_histograms(x[:, k])
    sec = time.perf_counter() - start
    per = sec / a.replicates
    print(f"stations={len(reg)} categories={cats.shape[1]} replicates={a.replicates} digits={a.digits} "
          f"seconds_per_replicate={per:.4f} seconds_per_1000={per * 1000:.1f} "
          f"ns_per_unit_replicate={per * 1e9 / len(reg):.1f}")


if __name__ == "__main__":
    main()
