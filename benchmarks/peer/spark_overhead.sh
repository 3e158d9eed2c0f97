#!/usr/bin/env bash
# Task overhead of the Spark runner (issue 9): the same power grid with the local engine (1 and 2 threads) and
# with Spark local[1] and local[2], wall clock of the whole command (JVM start and, for Spark, context start
# included), plus the JSON equality check. Needs target/psephos.jar (mvn -B -o package) and Spark's jars in
# ~/.m2 (the provided dependency: mvn verify has fetched them).
# Usage: benchmarks/peer/spark_overhead.sh [REPLICATES] [UNITS] [BLOCK]   (defaults 40 10000 5)
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
  printf '%-14s %8.2f s\n' "$label" "$(echo "$t1 - $t0" | bc -l)"
}
echo "grid 3 x 2 points + clean set, $R replicates, $N units, block $B: $tasks tasks; $(nproc) cores"
run local-1 -jar "$JAR" "${ARGS[@]}" --threads 1 --json "$OUT/local1.json"
run local-2 -jar "$JAR" "${ARGS[@]}" --threads 2 --json "$OUT/local2.json"
run spark-local1 -cp "$JAR:$(cat "$CP_FILE")" org.psephos.cli.Main "${ARGS[@]}" --engine spark --master 'local[1]' \
  --json "$OUT/spark1.json"
run spark-local2 -cp "$JAR:$(cat "$CP_FILE")" org.psephos.cli.Main "${ARGS[@]}" --engine spark --master 'local[2]' \
  --json "$OUT/spark2.json"
for f in local2 spark1 spark2; do
  cmp -s "$OUT/local1.json" "$OUT/$f.json" && echo "$f.json = local1.json" || { echo "$f.json DIFFERS" >&2; exit 1; }
done
rm -rf "$OUT"
