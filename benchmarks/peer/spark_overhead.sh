#!/usr/bin/env bash
# Task overhead of the Spark runners (issue 9): the same power grid, then the same scenario file, with the local
# engine (1 and 2 threads) and with Spark local[1] and local[2], wall clock of the whole command (JVM start and, for
# Spark, context start included) with the load average when it ended, plus the JSON equality check. Needs
# target/psephos.jar (mvn -B -o package) and Spark's jars in ~/.m2 (the provided dependency: mvn verify has
# fetched them).
# Usage: benchmarks/peer/spark_overhead.sh [REPLICATES] [UNITS] [BLOCK]   (defaults 40 10000 5)
# Environment: SCENARIO (default datasets/kazakhstan/scenarios/b-no-runoff.json), SCENARIO_BLOCK (replicates per
# scenario task, default 10), ONLY=power or ONLY=scenarios to run one half.
set -euo pipefail
cd "$(dirname "$0")/../.."
R=${1:-40}; N=${2:-10000}; B=${3:-5}
JAR=target/psephos.jar
[ -f "$JAR" ] || { echo "no $JAR: run mvn -B -o package first" >&2; exit 1; }
CP_FILE=target/spark-classpath.txt
[ -f "$CP_FILE" ] || mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >/dev/null
# The module openings Spark's launcher passes on Java 17 (the same list as the surefire argLine in pom.xml).
OPENS=$(for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util \
  java.util.concurrent java.util.concurrent.atomic sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  printf -- '--add-opens=java.base/%s=ALL-UNNAMED ' "$p"; done)
OUT=$(mktemp -d)
ARGS=(power --fraud ballot-stuffing --grid fraction=0,0.1,0.2 --grid share=0.3,0.6 --units "$N" --replicates "$R"
  --tests Sobyanin,Correlation --test-replicates 2 --seed 1 --quiet --block-size "$B")
tasks=$(( 7 * ( (R + B - 1) / B ) ))
run() { # label, then java arguments
  local label=$1; shift
  local t0 t1
  t0=$(date +%s.%N)
  java -Xmx1g $OPENS -Dlog4j2.level=warn "$@" >/dev/null 2>"$OUT/$label.err" || { cat "$OUT/$label.err" >&2; exit 1; }
  t1=$(date +%s.%N)
  printf '%-14s %8.2f s   (load %s)\n' "$label" "$(echo "$t1 - $t0" | bc -l)" "$(cut -d' ' -f1-3 /proc/loadavg)"
}
same() { # reference, then the others
  local ref=$1; shift
  for f in "$@"; do
    cmp -s "$OUT/$ref.json" "$OUT/$f.json" && echo "$f.json = $ref.json" || { echo "$f.json DIFFERS" >&2; exit 1; }
  done
}
SPARK_CP="$JAR:$(cat "$CP_FILE")"
if [ "${ONLY:-power}" = power ] || [ -z "${ONLY:-}" ]; then
  echo "grid 3 x 2 points + clean set, $R replicates, $N units, block $B: $tasks tasks; $(nproc) cores"
  run local-1 -jar "$JAR" "${ARGS[@]}" --threads 1 --json "$OUT/local1.json"
  run local-2 -jar "$JAR" "${ARGS[@]}" --threads 2 --json "$OUT/local2.json"
  run spark-local1 -cp "$SPARK_CP" org.psephos.cli.Main "${ARGS[@]}" --engine spark --master 'local[1]' \
    --json "$OUT/spark1.json"
  run spark-local2 -cp "$SPARK_CP" org.psephos.cli.Main "${ARGS[@]}" --engine spark --master 'local[2]' \
    --json "$OUT/spark2.json"
  same local1 local2 spark1 spark2
fi
if [ "${ONLY:-scenarios}" = scenarios ] || [ -z "${ONLY:-}" ]; then
  S=${SCENARIO:-datasets/kazakhstan/scenarios/b-no-runoff.json}
  SB=${SCENARIO_BLOCK:-10}
  SARGS=(scenarios "$S" --seed 1 --quiet --block-size "$SB")
  run s-local-1 -jar "$JAR" "${SARGS[@]}" --threads 1 --json "$OUT/s-local1.json"
  # Points actually evaluated (a bisection stops early) and tasks = points x ceil(R / block).
  python3 - "$OUT/s-local1.json" "$SB" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
b = int(sys.argv[2])
n = len(d["points"])
print(f"scenario {d['name']}: {n} points x {d['replicates']} replicates, {d['stations']} stations, block {b}: "
      f"{n * -(-d['replicates'] // b)} tasks")
PY
  run s-local-2 -jar "$JAR" "${SARGS[@]}" --threads 2 --json "$OUT/s-local2.json"
  run s-spark-local1 -cp "$SPARK_CP" org.psephos.cli.Main "${SARGS[@]}" --engine spark --master 'local[1]' \
    --json "$OUT/s-spark1.json"
  run s-spark-local2 -cp "$SPARK_CP" org.psephos.cli.Main "${SARGS[@]}" --engine spark --master 'local[2]' \
    --json "$OUT/s-spark2.json"
  same s-local1 s-local2 s-spark1 s-spark2
fi
rm -rf "$OUT"
