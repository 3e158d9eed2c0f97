#!/usr/bin/python3
"""Applies documented edits to a file written by `psephos simulate --out`, so that the reference tools' unit rules
(which units they keep, which values they leave out) are exercised: real files have such rows (Albania 2013: two
units with no registered voters and no ballots, two missing cells, 14 units with more votes than ballots).

Usage: edit.py eftoolkit|kobak IN.csv OUT.csv
Each edit names the data row (1-based, header excluded) and what it sets; see EDITS below.
"""
import csv
import sys

EDITS = {
    # EFToolkit's BasicElectionForensics keeps every row; a statistic leaves out what it cannot compute.
    "eftoolkit": [
        (5, "no registered voters and no ballots (0/0)", {"registered": 0, "ballots": 0, "valid": 0, "invalid": 0,
                                                          "leader": 0, "option2": 0, "option3": 0}),
        (250, "no registered voters and no ballots (0/0)", {"registered": 0, "ballots": 0, "valid": 0, "invalid": 0,
                                                            "leader": 0, "option2": 0, "option3": 0}),
        (17, "a missing valid cell (a missing count of an analysed option stops EFToolkit: SecondDigitGetter)",
         {"valid": "NA"}),
        (33, "missing registered voters", {"registered": "NA"}),
        (40, "leader above ballots", {"leader": "+ballots+7"}),
        (320, "leader above ballots", {"leader": "+ballots+7"}),
        (555, "leader above ballots", {"leader": "+ballots+7"}),
        (101, "ballots above registered", {"ballots": "+registered+3"}),
    ],
    # Kobak et al.'s loaddata drops rows without the leader's count; anomaly() applies its inclusion rules.
    "kobak": [
        (3, "other options' votes above ballots (valid, invalid unchanged)", {"option2": "+option2+ballots"}),
        (77, "other options' votes above ballots (valid, invalid unchanged)", {"option2": "+option2+ballots"}),
        (150, "missing leader's count", {"leader": "NA"}),
        (200, "ballots above registered", {"ballots": "+registered+3"}),
        (300, "turnout exactly 12.05%", {"registered": 2000, "ballots": 241, "valid": 241, "invalid": 0,
                                         "leader": 150, "option2": 50, "option3": 41}),
        (301, "turnout exactly 11.95%", {"registered": 2000, "ballots": 239, "valid": 239, "invalid": 0,
                                         "leader": 150, "option2": 50, "option3": 39}),
    ],
}


def value(row, spec):
    """A literal, or "+A+B+...": the sum of the terms, each a column of the unedited row or a whole number."""
    if isinstance(spec, str) and spec.startswith("+"):
        return str(sum(int(row[t]) if t in row else int(t) for t in spec[1:].split("+")))
    return str(spec)


def main():
    kind, src, dst = sys.argv[1:4]
    with open(src, newline="") as f:
        rows = list(csv.DictReader(f))
        fields = list(rows[0].keys())
    for line, why, changes in EDITS[kind]:
        row = rows[line - 1]
        before = dict(row)
        for col, spec in changes.items():
            row[col] = value(before, spec)
    with open(dst, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


if __name__ == "__main__":
    main()
