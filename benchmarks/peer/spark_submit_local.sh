#!/usr/bin/env bash
# Issue 9: the real spark-submit in local mode. Runs `power` and `scenarios` through $SPARK_HOME/bin/spark-submit
# --master local[2] with target/psephos.jar (which carries no Spark) and checks that each JSON equals the local
# engine's (java -jar target/psephos.jar, same seed), byte for byte. Prints the wall clock of each command.
#
# Needs SPARK_HOME: a Spark 4.0.x distribution for Scala 2.13 (spark-4.0.1-bin-hadoop3.tgz, or pip's pyspark==4.0.1,
# whose package directory is a SPARK_HOME). Without network access to either, assemble one (README, "Running on a
# Spark cluster"): SPARK_HOME/jars = the jars of org.apache.spark:spark-core_2.13:4.0.1 and its dependencies
# (`mvn dependency:copy-dependencies` of a pom that depends on it), SPARK_HOME/bin = spark-submit, spark-class,
# load-spark-env.sh and find-spark-home of the apache/spark repository at tag v4.0.1.
# Usage: SPARK_HOME=/path/to/spark benchmarks/peer/spark_submit_local.sh [SCENARIO_FILE] [MASTER]
#   (defaults datasets/kazakhstan/scenarios/b-no-runoff.json and local[2])
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${SPARK_HOME:?set SPARK_HOME to a Spark 4.0.x (Scala 2.13) distribution}"
SCENARIO=${1:-datasets/kazakhstan/scenarios/b-no-runoff.json}
MASTER=${2:-local[2]}
JAR=target/psephos.jar
[ -f "$JAR" ] || { echo "no $JAR: run mvn -B -o package first" >&2; exit 1; }
[ -x "$SPARK_HOME/bin/spark-submit" ] || { echo "no $SPARK_HOME/bin/spark-submit" >&2; exit 1; }
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
timed() { # label, then the command
  local label=$1; shift
  local t0 t1
  t0=$(date +%s.%N)
  "$@" >"$OUT/$label.out" 2>"$OUT/$label.err" || { cat "$OUT/$label.err" >&2; exit 1; }
  t1=$(date +%s.%N)
  printf '%-22s %8.2f s   (load: %s)\n' "$label" "$(echo "$t1 - $t0" | bc -l)" "$(cut -d' ' -f1-3 /proc/loadavg)"
}
submit() { # spark-submit psephos with the given command line (Spark's own log goes to stderr)
  "$SPARK_HOME/bin/spark-submit" --master "$MASTER" --class org.psephos.cli.Main \
    --conf spark.ui.enabled=false "$JAR" "$@"
}
echo "spark-submit: $("$SPARK_HOME/bin/spark-submit" --version 2>&1 | grep -m1 -o 'version [0-9.]*' || echo '?'); \
master $MASTER; $(nproc) cores"
POWER=(power --fraud ballot-stuffing --grid fraction=0,0.1,0.2 --grid share=0.3,0.6 --units 10000 --replicates 40
  --tests Sobyanin,Correlation --test-replicates 2 --seed 1 --quiet --block-size 5)
timed power-local java -jar "$JAR" "${POWER[@]}" --json "$OUT/power-local.json"
timed power-spark-submit submit "${POWER[@]}" --engine spark --json "$OUT/power-spark.json"
SCEN=(scenarios "$SCENARIO" --seed 1 --quiet)
timed scenarios-local java -jar "$JAR" "${SCEN[@]}" --json "$OUT/scenarios-local.json"
timed scenarios-spark-submit submit "${SCEN[@]}" --engine spark --json "$OUT/scenarios-spark.json"
status=0
for k in power scenarios; do
  if cmp -s "$OUT/$k-local.json" "$OUT/$k-spark.json" && cmp -s "$OUT/$k-local.out" "$OUT/$k-spark-submit.out"; then
    echo "$k: spark-submit JSON and text = local"
  else
    echo "$k: spark-submit output DIFFERS from local" >&2
    status=1
  fi
done
exit $status
