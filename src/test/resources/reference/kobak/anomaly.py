#!/usr/bin/python3
"""Runs Kobak et al.'s own loaddata() and anomaly() (dkobak/elections, analysis/2024/2024.ipynb, cells 2 and 8,
executed from the notebook's JSON as they are, apart from the patches below) on a file written by
`psephos simulate --out` and prints the counts anomaly() computes, as JSON.

Usage: /usr/bin/python3 anomaly.py KOBAK_SOURCE_DIR INPUT.csv > anomaly.json
       /usr/bin/python3 anomaly.py KOBAK_SOURCE_DIR KOBAK_FILE.csv.zip YEAR > anomaly.json   (a file of their data/
       folder, e.g. the Russian 2011 and 2012 results, read by loaddata as it is)

Patches (each a plain string replacement, checked to apply once):
  * loaddata reads the Kobak-format copy of INPUT.csv written here instead of ../../data/{year}.csv.zip. The copy
    has the column names loaddata looks for: 'Число избирателей, включенных в список' = registered, the three
    'Число бюллетеней, выданных ...' columns = ballots, 0, 0 (their sum is ballots), 'Число действительных
    бюллетеней' = valid, 'Число недействительных бюллетеней' = invalid, 'Путин Владимир Владимирович' = leader
    (NA stays NA), plus region, tik (= region) and uik (= unit);
  * anomaly() is instrumented: before its return it stores the number of stations included (np.sum(ind)), the
    observed counts integer[3, 4] and the Monte Carlo mean and sd (np.std, ddof = 0) of integer_mc, which this
    script prints. Its printing of progress dots and timing goes to stderr.
"""
import contextlib
import json
import os
import sys
import tempfile

import numpy as np
import pandas as pd

CAPTURE = {}


def cell(nb, name):
    for c in nb["cells"]:
        src = "".join(c["source"])
        if c["cell_type"] == "code" and ("def " + name + "(") in src:
            return src
    raise SystemExit("no cell defines " + name)


def patched(src, old, new):
    if src.count(old) != 1:
        raise SystemExit("patch does not apply once: " + old)
    return src.replace(old, new)


def main():
    source_dir, input_csv = sys.argv[1:3]
    year = int(sys.argv[3]) if len(sys.argv) > 3 else 2024
    nb = json.load(open(os.path.join(source_dir, "analysis/2024/2024.ipynb")))
    if len(sys.argv) > 3:
        run(nb, input_csv, year)
        return
    sim = pd.read_csv(input_csv)
    kobak = pd.DataFrame({
        "region": sim["region"] if "region" in sim else "R",
        "tik": sim["region"] if "region" in sim else "R",
        "uik": sim["unit"],
        "Число избирателей, включенных в список": sim["registered"],
        "Число бюллетеней, выданных досрочно": 0,
        "Число бюллетеней, выданных в помещении": sim["ballots"],
        "Число бюллетеней, выданных вне помещения": 0,
        "Число недействительных бюллетеней": sim["invalid"],
        "Число действительных бюллетеней": sim["valid"],
        "Путин Владимир Владимирович": sim["leader"],
    })
    tmp = tempfile.NamedTemporaryFile(suffix=".csv", delete=False)
    kobak.to_csv(tmp.name, index=False)
    try:
        run(nb, tmp.name, year)
    finally:
        os.unlink(tmp.name)


def run(nb, data_file, year):
    load_src = patched(cell(nb, "loaddata"), "f'../../data/{year}.csv.zip'", "DATA_FILE")
    anomaly_src = patched(cell(nb, "anomaly"), "    return (d,s,q)  # anomaly, MC std, MC percentile",
                          "    CAPTURE.update(included=int(np.sum(ind)), integer=integer.tolist(),\n"
                          "                   mc_mean=np.mean(integer_mc, axis=2).tolist(),\n"
                          "                   mc_sd=np.std(integer_mc, axis=2).tolist(), nrep=nrep, seed=seed)\n"
                          "    return (d,s,q)  # anomaly, MC std, MC percentile")
    env = {"np": np, "pd": pd, "DATA_FILE": data_file, "CAPTURE": CAPTURE}
    exec(load_src, env)
    exec(anomaly_src, env)
    with contextlib.redirect_stdout(sys.stderr):
        voters, given, received, leader = env["loaddata"](year, verbose=True)[:4]
        env["anomaly"](voters, given, received, leader)
    out = {
        "stations_loaded": int(leader.size),
        "included": CAPTURE["included"],
        "either_integer": CAPTURE["integer"][0][0],
        "leader_integer": CAPTURE["integer"][1][0],
        "turnout_integer": CAPTURE["integer"][2][0],
        "observed": CAPTURE["integer"],
        "mc_mean": CAPTURE["mc_mean"],
        "mc_sd": CAPTURE["mc_sd"],
        "replicates": CAPTURE["nrep"],
        "seed": CAPTURE["seed"],
        "rows": "variants either / leader only / turnout only; columns weights stations, voters, given, leader",
    }
    json.dump(out, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
