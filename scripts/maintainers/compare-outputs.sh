#!/usr/bin/env bash
# Byte-identity check for refactorings (issue 18): runs the same commands, with the same seeds, on two builds of
# Psephos and compares every file they write (stdout, JSON, CSV, HTML; PNG charts are compared too and listed apart).
#
#   scripts/maintainers/compare-outputs.sh OLD.jar NEW.jar [WORKDIR]
#
# OLD.jar is usually main's build before the change (`git clone -q . /tmp/old && (cd /tmp/old && git checkout REV &&
# mvn -q -B -o -DskipTests package)`), NEW.jar target/psephos.jar. Prints one line per differing file and exits 1 if
# any differs. Inputs are simulated here (no file outside the repository is needed); the Kazakhstan job is left out
# (2.5 min of 2 cores: compare `psephos kazakhstan --out DIR` by hand when a change touches it).
set -euo pipefail
old=$(realpath "$1"); new=$(realpath "$2"); work=${3:-$(mktemp -d)}
mkdir -p "$work/old" "$work/new"
run() { # run NAME ARGS...: runs both jars in $work/{old,new} with stdout in NAME.out
  local name=$1; shift
  for side in old new; do
    local jar; jar=$([ "$side" = old ] && echo "$old" || echo "$new")
    (cd "$work/$side" && java -jar "$jar" "$@" > "$name.out" 2> "$name.err"; echo "exit $?" >> "$name.out") || true
  done
}
# the same simulated inputs on both sides, written by the old build
(cd "$work/old" && java -jar "$old" simulate --units 3000 --regions 12 --region-sd 0.4:0.4 --size-lognormal 6.5:0.6 \
  --options 4 --invalid 0.01 --seed 11 --out clean.csv > /dev/null 2>&1)
(cd "$work/old" && java -jar "$old" simulate --units 3000 --regions 12 --region-sd 0.3:0.3 --size-lognormal 6.5:0.6 \
  --options 3 --incremental 0.3 --seed 12 --out fraud.csv > /dev/null 2>&1)
cp "$work/old/clean.csv" "$work/old/fraud.csv" "$work/new/"
sim=(--registered registered --ballots ballots --valid valid --invalid invalid)
run simulate simulate --units 2000 --options 3 --stuffing 0.1:0.3 --seed 5 --out sim.csv --json sim.json
run analyze analyze clean.csv --replicates 200 --threads 2 --quiet --json analyze.json --csv analyze.csv
run analyze-level analyze clean.csv --level region --replicates 100 --threads 2 --quiet --json level.json
run analyze-fraud analyze fraud.csv --replicates 200 --threads 1 --quiet --json fraud.json --report fraud.html
run analyze-ref analyze clean.csv --null reference --replicates 200 --threads 2 --quiet --json ref.json
run analyze-eft analyze clean.csv --conventions eftoolkit --level region --replicates 100 --threads 2 --quiet --json eft.json
run analyze-kobak analyze clean.csv --conventions kobak --tests IntegerPercent --replicates 200 --quiet --json kobak.json
run estimators analyze fraud.csv --tests KlimekFit,Shpilkin,FraudMixture --twin-fits 4 --replicates 50 --threads 2 --quiet --json est.json
run shpilkin shpilkin fraud.csv --json shp.json
run power power --fraud klimek --grid incremental=0:0.3:2 --units 1000 --replicates 6 --test-replicates 40 --seed 3 --threads 2 --json power.json
run calibrate calibrate --units 1000 --elections 4 --replicates 40 --seed 1 --threads 2 --json cal.json --csv cal.csv
run load load clean.csv
run audit audit clean.csv
status=0
for f in $(cd "$work/old" && find . -type f ! -name '*.csv' -o -type f -name 'analyze.csv' -o -type f -name 'cal.csv' -o -type f -name 'sim.csv' | sort); do
  if ! cmp -s "$work/old/$f" "$work/new/$f"; then echo "differs: $f"; status=1; fi
done
grep -l "^exit [^0]" "$work"/old/*.out && { echo "a command failed on the old build (see its .err)"; status=1; }
[ $status = 0 ] && echo "identical: every output file of $(cd "$work/old" && find . -type f | wc -l) in $work"
exit $status
