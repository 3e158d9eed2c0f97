#!/usr/bin/env python3
"""Independent numpy/scipy recomputation of the national observed values of `psephos analyze`, for docs/validation.md.

Reads a precinct CSV (optionally zipped) with the same column mapping as the analyze command, applies the same unit
filter (registered > 0, ballots > 0, ballots <= registered, candidate votes <= ballots, share base > 0, no missing
value), then prints, for turnout and each candidate: units, 2BL (mean second digit of counts >= 10), LastC (mean last
digit of all counts), C05s (share of counts ending in 0 or 5), P05s (share of rounded percentages ending in 0 or 5,
round half to even as R), Skew and Kurt (scipy.stats.skew / kurtosis(fisher=False), population moments), and the
integer-percent observed counts (Kobak et al. inclusion rules, bin width 0.1, leader = most votes nationally).
With --json it also reads a `psephos analyze --json` file and prints both values side by side.

Columns are given as header names or 1-based positions '#N'; sums as 'A+B'; ranges as '#22..#26'.

Examples:
  forensics_crosscheck.py russia/2012.csv.zip --registered '#4' --ballots '#6+#7+#8' --valid '#13' \
      --invalid '#12' --candidates '#22..#26' --json psephos.json
  forensics_crosscheck.py Albania2013.csv --registered Registered --ballots Ballots --candidates '#7..#72' \
      --share-of ballots --json psephos.json
"""
import argparse
import csv
import io
import json
import zipfile

import numpy as np
from scipy import stats


def read(path):
    if path.endswith(".zip"):
        with zipfile.ZipFile(path) as z:
            text = z.read(z.namelist()[0]).decode("utf-8-sig")
    else:
        text = open(path, encoding="utf-8-sig").read()
    rows = list(csv.reader(io.StringIO(text)))
    return rows[0], rows[1:]


def refs(header, spec):
    out = []
    for part in spec.split("+"):
        if ".." in part:
            a, b = part.split("..")
            out.extend(range(int(a.lstrip("#")) - 1, int(b.lstrip("#"))))
        elif part.startswith("#"):
            out.append(int(part[1:]) - 1)
        else:
            out.append(header.index(part))
    return out


def number(text):
    """A count; empty or NA is missing (a large negative number, so the unit filter drops it)."""
    t = text.strip()
    return -10**9 if t in ("", "NA", "NaN") else int(float(t))


def column(rows, idx):
    total = np.zeros(len(rows), dtype=np.int64)
    for i in idx:
        total += np.array([number(r[i]) for r in rows], dtype=np.int64)
    return total


def second_digit(c):
    c = c[c >= 10]
    while np.any(c >= 100):
        c = np.where(c >= 100, c // 10, c)
    return c % 10


def integer(k, n):
    """|100 k / n - round| <= 0.05, exactly, in integers: |2000 k - 20 n j| <= n for the nearest j."""
    j = np.rint(100.0 * k / n).astype(np.int64)
    return np.abs(2000 * k - 20 * n * j) <= n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("csv")
    ap.add_argument("--registered", required=True)
    ap.add_argument("--ballots", required=True)
    ap.add_argument("--valid")
    ap.add_argument("--invalid")
    ap.add_argument("--candidates", required=True)
    ap.add_argument("--share-of", default="found", choices=["found", "ballots"])
    ap.add_argument("--json", help="psephos analyze --json output to compare with")
    a = ap.parse_args()
    header, rows = read(a.csv)
    reg = column(rows, refs(header, a.registered))
    bal = column(rows, refs(header, a.ballots))
    cand_idx = refs(header, a.candidates)
    names = [header[i] for i in cand_idx]
    votes = np.stack([column(rows, [i]) for i in cand_idx])
    if a.share_of == "found":
        den = column(rows, refs(header, a.valid)) + column(rows, refs(header, a.invalid))
    else:
        den = bal.copy()
    ok = (reg > 0) & (bal > 0) & (bal <= reg) & (votes.sum(axis=0) <= bal) & (den > 0) & np.all(votes >= 0, axis=0)
    ok &= (reg >= 0) & (den >= 0)
    reg, bal, den, votes = reg[ok], bal[ok], den[ok], votes[:, ok]

    psephos = {}
    if a.json:
        for t in json.load(open(a.json, encoding="utf-8"))["tests"]:
            if t["level"] == "national":
                psephos[(t["id"], t["variable"])] = t["value"]

    def report(var, counts, prop):
        last = counts % 10
        pct100 = np.rint(100 * np.minimum(prop, 1.0)).astype(np.int64)
        pct = pct100 % 10
        inner = (pct100 > 0) & (pct100 < 100)  # Psephos's P05s leaves out 0% and 100% (verdict-method.md, addendum 7)
        vals = {
            "2BL": second_digit(counts).mean() if np.any(counts >= 10) else float("nan"),
            "LastC": last.mean(),
            "C05s": np.isin(last, (0, 5)).mean(),
            "P05s": np.isin(pct[inner], (0, 5)).mean() if np.any(inner) else float("nan"),
            "Skew": stats.skew(prop),
            "Kurt": stats.kurtosis(prop, fisher=False),
        }
        for k, v in vals.items():
            other = psephos.get((k, var))
            side = "" if other is None else f"  psephos {other:.10g}  diff {v - other:+.1e}"
            print(f"{var[:32]:32s} {k:5s} numpy {v:.10g}{side}")

    print(f"units kept: {reg.size}")
    report("turnout", bal, bal / reg)
    for k, name in enumerate(names):
        report(name, votes[k], votes[k] / den)

    leader = int(np.argmax(votes.sum(axis=1)))
    w = votes[leader]
    inc = (den > 0) & (reg >= 100) & (100 * bal <= 99 * reg) & (100 * w <= 99 * den)
    ti = integer(bal[inc], reg[inc])
    li = integer(w[inc], den[inc])
    print(f"IntegerPercent leader={names[leader]} included={inc.sum()} turnout_integer={ti.sum()} "
          f"leader_integer={li.sum()} either={(ti | li).sum()} "
          f"psephos either={psephos.get(('IntegerPercent', names[leader]))}")


if __name__ == "__main__":
    main()
