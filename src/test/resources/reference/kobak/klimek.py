#!/usr/bin/python3
"""Runs the cell of Kobak and Pshenichnikov's meduza2018/meduza.ipynb that estimates the clean moments of Klimek et
al.'s model ("Get Klimek PNAS fits": the first local maximum above 0.3 of scipy's gaussian_kde of turnout and of
the leader's result, and the spreads around them) on a file written by `psephos simulate --out`, and prints the
moments as JSON.

Usage: /usr/bin/python3 klimek.py KOBAK_SOURCE_DIR INPUT.csv > klimek.json

Patches (plain string replacements, each checked to apply once): the loop over the years 2003, 2007, 2011, 2012
runs once, for 2011 (whose place in the paper's lists of f_i, f_e, alpha is irrelevant here), and loaddata(year)
returns the input's (voters, given, received, leader) = (registered, ballots, valid + invalid, leader) instead of
reading their zip; display() is stubbed.
"""
import json
import os
import sys

import numpy as np
import pandas as pd


def main():
    source_dir, input_csv = sys.argv[1:3]
    nb = json.load(open(os.path.join(source_dir, "meduza2018/meduza.ipynb")))
    src = next("".join(c["source"]) for c in nb["cells"]
               if c["cell_type"] == "code" and "# Get Klimek PNAS fits" in "".join(c["source"]))
    for old, new in [("for i, year in enumerate([2003, 2007, 2011, 2012]):", "for i, year in enumerate([2011]):"),
                     ("loaddata(year)[:4]", "LOAD()")]:
        if src.count(old) != 1:
            raise SystemExit("patch does not apply once: " + old)
        src = src.replace(old, new)
    sim = pd.read_csv(input_csv)
    data = (sim["registered"].values, sim["ballots"].values, (sim["valid"] + sim["invalid"]).values,
            sim["leader"].values)
    env = {"np": np, "pd": pd, "LOAD": lambda: data, "display": lambda *a: None}
    exec(src, env)
    fit = env["klimekfits"][2011]
    json.dump({k: float(fit[k]) for k in ("tau", "nu", "sigma_tau", "sigma_nu", "theta")}, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
