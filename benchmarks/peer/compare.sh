#!/usr/bin/env bash
# Runs the benchmark model of issue 3 in Java (JMH: engine on 1 and 2 threads, the two floors) and in numpy on the same
# number of units (1,000,000) and replicates (1), then prints ns per unit side by side.
# Usage: benchmarks/peer/compare.sh            (from the repository root; builds target/benchmarks.jar if absent)
# Short JMH runs by default (the CPU may be shared); JMH_OPTS overrides them, e.g. JMH_OPTS="-f 2 -wi 5 -i 10".
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=target/benchmarks.jar
JMH_OPTS=${JMH_OPTS:-"-f 1 -wi 3 -i 5 -w 2s -r 2s"}
UNITS=1000000  # fixed by MonteCarloEnginePerformance.UNITS
if [ ! -f "$JAR" ]; then
  mvn -q -B -Pbenchmarks -DskipTests package
fi
# shellcheck disable=SC2086
java -jar "$JAR" 'MonteCarloEnginePerformance|RngFloorPerformance.floor|RngFloorPerformance.variates' $JMH_OPTS \
  -rf json -rff target/jmh-result.compare.json > target/jmh-compare.log
python3 benchmarks/peer/klimek_numpy.py --units "$UNITS" --replicates 1 --repeat 5 > target/numpy-compare.txt
# CPU-time cross-check (holds when other processes share the cores): java via CpuTimeCheck, numpy via process_time.
java -Xmx1g -cp "$JAR" org.psephos.benchmarks.simulation.CpuTimeCheck 5 > target/cpu-compare.txt
python3 benchmarks/peer/klimek_numpy.py --units "$UNITS" --replicates 10 --repeat 5 --clock cpu >> target/cpu-compare.txt
python3 - "$UNITS" <<'PY'
import json, re, sys
rows = {}
for r in json.load(open("target/jmh-result.compare.json")):
    name = r["benchmark"].rsplit(".", 1)[-1]
    threads = r.get("params", {}).get("threads")
    key = {"engine": f"java {threads} thread{'s' if threads != '1' else ''}", "floor": "RNG floor (java, 1 thread)",
           "variates": "variates floor (java, 1 thread)"}[name]
    rows[key] = (r["primaryMetric"]["score"], r["primaryMetric"]["scoreError"])
numpy = float(re.search(r"ns_per_unit=([0-9.]+)", open("target/numpy-compare.txt").read()).group(1))
one = rows["java 1 thread"][0]
print(f"{'implementation':<33} {'ns/unit':>9} {'± err':>7}  vs numpy  vs java 1 thread")
for k in ["java 1 thread", "java 2 threads", "RNG floor (java, 1 thread)", "variates floor (java, 1 thread)"]:
    s, e = rows[k]
    print(f"{k:<33} {s:9.1f} {e:7.1f}  {numpy / s:7.2f}x  {one / s:7.2f}x")
print(f"{'numpy (1 thread)':<33} {numpy:9.1f} {'':>7}  {1:7.2f}x  {one / numpy:7.2f}x")
text = open("target/cpu-compare.txt").read()
cpu = {m.group(1): float(m.group(2)) for m in re.finditer(r"^(\S+) cpu_ns_per_unit=([0-9.]+)", text, re.M)}
wall = {m.group(1): float(m.group(2)) for m in re.finditer(r"^(\S+) cpu_ns_per_unit=[0-9.]+ wall_ns_per_unit=([0-9.]+)", text, re.M)}
np_cpu = float(re.search(r"clock=cpu .*ns_per_unit=([0-9.]+)", text).group(1))
print()
print("CPU time per unit (process CPU, 10 million units per timing, best of 5 after warm-up; robust to shared cores)")
print(f"{'implementation':<33} {'cpu ns':>9} {'wall ns':>9}  numpy cpu / cpu")
for k in ["java_1_thread", "java_2_threads", "RNG_floor", "variates_floor"]:
    print(f"{k.replace('_', ' '):<33} {cpu[k]:9.1f} {wall[k]:9.1f}  {np_cpu / cpu[k]:7.2f}x")
print(f"{'numpy (1 thread)':<33} {np_cpu:9.1f} {'':>9}  {1:7.2f}x")
PY
