#!/usr/bin/env bash
# Times issue 5's estimators and power grid with the command line, on a synthetic 95,000-station election with
# Klimek fraud written by `psephos simulate`. Targets (2 cores): KlimekFit < 60 s, FraudMixture < 30 s,
# a 20 x 20 power grid with 200 replicates of 10,000 units < 2 minutes.
# Usage (from the repository root, after `mvn -q -B -DskipTests package`): benchmarks/peer/estimators.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=target/psephos.jar
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
timed() { /usr/bin/time -f "%e s wall, %U s user CPU" "$@" > "$TMP/out.txt" 2> "$TMP/time.txt" || { cat "$TMP/time.txt"; exit 1; }; tail -1 "$TMP/time.txt"; }
java -jar "$JAR" simulate --units 95000 --size 300:3000 --turnout 0.6:0.12 --share 0.55:0.1 --options 4 \
  --incremental 0.2 --extreme 0.02 --replicates 1 --seed 7 --out "$TMP/stations.csv" --quiet > /dev/null
printf '%-44s ' "KlimekFit, 95,000 stations:";    timed java -jar "$JAR" analyze "$TMP/stations.csv" --tests KlimekFit --quiet
printf '%-44s ' "FraudMixture, 95,000 stations:"; timed java -jar "$JAR" analyze "$TMP/stations.csv" --tests FraudMixture --quiet
printf '%-44s ' "Shpilkin (1000 redraws), 95,000 stations:"; timed java -jar "$JAR" analyze "$TMP/stations.csv" --tests Shpilkin --quiet
printf '%-44s ' "power 20 x 20 x 200 x 10,000 units:"
timed java -jar "$JAR" power --fraud klimek --grid incremental=0:0.2:20 --grid extreme=0:0.02:20 \
  --replicates 200 --units 10000 --tests Sobyanin,Correlation --test-replicates 2 --seed 1 --quiet
