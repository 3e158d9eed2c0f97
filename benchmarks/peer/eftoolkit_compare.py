#!/usr/bin/python3
"""Compares Psephos's `analyze --conventions eftoolkit --json` with the table EFToolkit's BasicElectionForensics
wrote (src/test/resources/reference/eftoolkit/basic.R, unrounded), value by value.

Usage: eftoolkit_compare.py EFTOOLKIT_TABLE.csv PSEPHOS.json [--markdown]
Prints, per level, variable and statistic, both values and their difference; the bootstrap intervals side by side.
"""
import csv
import json
import math
import sys

STATS = {"_2BL": "2BL", "LastC": "LastC", "P05s": "P05s", "C05s": "C05s", "Sobyanin": "Sobyanin",
         "Skew": "Skew", "Kurt": "Kurt", "DipT": "DipT", "Correlation": "Correlation"}


def num(s):
    try:
        return float(s)
    except (TypeError, ValueError):
        return math.nan


def read_eft(path):
    rows = list(csv.DictReader(open(path)))
    out = {}
    for i in range(0, len(rows), 2):
        point, ci = rows[i], rows[i + 1]
        level = point["Level"]
        var = point["Candidate's Name"]
        var = "turnout" if var == "Turnout" else var
        for col, test in STATS.items():
            interval = ci.get(col, "--")
            lo = hi = math.nan
            if interval not in ("--", "", None) and interval.startswith("("):
                parts = interval.strip("()").split(",")
                lo, hi = num(parts[0]), num(parts[1])
            out[(level, var, test)] = (num(point[col]), lo, hi)
    return out


def read_psephos(path):
    doc = json.load(open(path))
    out = {}
    for t in doc["tests"]:
        level = "National" if t["level"] == "national" else t["level"]
        value = t["p_value"] if t["id"] == "DipT" else t["value"]
        out[(level, t["variable"], t["id"])] = (
            math.nan if value is None else value,
            math.nan if t["ci_low"] is None else t["ci_low"],
            math.nan if t["ci_high"] is None else t["ci_high"])
    return out


def main():
    eft = read_eft(sys.argv[1])
    ps = read_psephos(sys.argv[2])
    worst = 0.0
    compared = 0
    print("| level | variable | test | EFToolkit | Psephos | difference | EFToolkit 95% CI | Psephos 95% CI |")
    print("| --- | --- | --- | ---: | ---: | ---: | --- | --- |")
    for key, (v, lo, hi) in eft.items():
        p = ps.get(key)
        if p is None:
            continue
        pv, plo, phi = p
        both_nan = math.isnan(v) and math.isnan(pv)
        diff = 0.0 if both_nan else abs(v - pv)
        if not both_nan:
            compared += 1
            worst = max(worst, diff if not math.isnan(diff) else math.inf)
        ci = "" if math.isnan(lo) else "(%.4f, %.4f)" % (lo, hi)
        pci = "" if math.isnan(plo) else "(%.4f, %.4f)" % (plo, phi)
        print("| %s | %s | %s | %.10g | %.10g | %.1e | %s | %s |" % (key[0], key[1], key[2], v, pv, diff, ci, pci))
    print("\n%d values compared; largest absolute difference %.3g" % (compared, worst))


if __name__ == "__main__":
    main()
