#!/usr/bin/env bash
# Issue 15, item 5: the default battery under calibrated nulls (1,000 null replicates, the default) on
# Russia 2012 (95,415 stations, turnout and 5 candidates, national) and on Albania 2013 by prefecture, on 2 threads,
# with the same battery under --null reference and with the binomial and drift-corrected resampling nulls beside the
# default (matched since the fifth session). Prints wall and CPU time (GNU time) and the verdict line.
# Targets: Russia 2012 under 20 s, Albania by prefecture under 3 s (EFToolkit's R battery: 86-97 s there).
# Usage: benchmarks/verdict_speed.sh PRECINCT_DIR [THREADS]
#   PRECINCT_DIR holds russia/2012.csv.zip and albania/Albania2013.csv (../shared/data/precinct; not in the repo)
set -euo pipefail
jar="$(cd "$(dirname "$0")/.." && pwd)/target/psephos.jar"
[ -f "$jar" ] || { echo "build first: mvn -o -q package -DskipTests" >&2; exit 2; }
data="${1:?usage: $0 PRECINCT_DIR [THREADS]}"
threads="${2:-2}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
step() {
    local name="$1"; shift
    /usr/bin/time -f "$name: wall %e s, user %U s, sys %S s, peak RSS %M KB" "$@" > "$out/stdout" 2> "$out/stderr" \
        || { cat "$out/stderr" >&2; exit 1; }
    tail -1 "$out/stderr"
    head -1 "$out/stdout" | cut -c1-160
}
russia=(analyze "$data/russia/2012.csv.zip" --registered '#4' --ballots '#6+#7+#8' --valid '#13' --invalid '#12'
        --candidate '#22..#26' --threads "$threads" --quiet)
albania=(analyze "$data/albania/Albania2013.csv" --registered Registered --ballots Ballots --candidate '#7..#72'
         --level Prefectures --share-of ballots --threads "$threads" --quiet)
albania2=(analyze "$data/albania/Albania2013.csv" --registered Registered --ballots Ballots --candidate C035
          --candidate C050 --level Prefectures --threads "$threads" --quiet)   # EFToolkit's example inputs
step "Albania 2013 by prefecture, C035 and C050 (EFToolkit's example), --null calibrated" \
    java -jar "$jar" "${albania2[@]}"
step "Russia 2012, --null calibrated --resampling binomial" \
    java -jar "$jar" "${russia[@]}" --resampling binomial
step "Albania 2013 by prefecture, C035 and C050, --resampling binomial" \
    java -jar "$jar" "${albania2[@]}" --resampling binomial
step "Russia 2012, --null calibrated --resampling drift-corrected" \
    java -jar "$jar" "${russia[@]}" --resampling drift-corrected
step "Albania 2013 by prefecture, C035 and C050, --resampling drift-corrected" \
    java -jar "$jar" "${albania2[@]}" --resampling drift-corrected
for null in calibrated reference; do
    step "Russia 2012, --null $null" java -jar "$jar" "${russia[@]}" --null "$null"
    step "Albania 2013 by prefecture, --null $null" java -jar "$jar" "${albania[@]}" --null "$null"
done
