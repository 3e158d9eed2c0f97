"""Writes a polling-station file in the spikes package's form (CSV: N,t,v) to standard output.

    /usr/bin/python3 spikes_ntv.py FILE N_COLUMN T_COLUMNS V_COLUMN ALL_OPTIONS

Columns are 1-based positions as in psephos's mapping syntax: '#4', sums '#6+#7+#8', ranges '#22..#28'. Units are
kept as Psephos's standard unit filter keeps them (no missing value, N > 0, 0 < t <= N, the options' votes
together at most t), so both tools see the same units. FILE may be a zip holding one CSV.
"""
import sys

import pandas as pd


def columns(spec):
    out = []
    for part in spec.split("+"):
        part = part.strip().lstrip("#")
        if ".." in part:
            a, b = part.split("..")
            out.extend(range(int(a.lstrip("#")), int(b.lstrip("#")) + 1))
        else:
            out.append(int(part))
    return [c - 1 for c in out]


def main(path, n_spec, t_spec, v_spec, options_spec):
    d = pd.read_csv(path)
    n = d.iloc[:, columns(n_spec)].sum(axis=1, min_count=1)
    t = d.iloc[:, columns(t_spec)].sum(axis=1, min_count=1)
    v = d.iloc[:, columns(v_spec)].sum(axis=1, min_count=1)
    votes = d.iloc[:, columns(options_spec)]
    keep = n.notna() & t.notna() & v.notna() & votes.notna().all(axis=1)
    keep &= (n > 0) & (t > 0) & (t <= n) & (votes.sum(axis=1) <= t)
    pd.DataFrame({"N": n[keep].astype(int), "t": t[keep].astype(int), "v": v[keep].astype(int)}).to_csv(
        sys.stdout, index=False)


if __name__ == "__main__":
    main(*sys.argv[1:6])
