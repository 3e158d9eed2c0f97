#!/usr/bin/env bash
# Times `psephos analyze` on a synthetic 95,000-station election written by `psephos simulate` (85 regions, 5
# options) and, if python3 with numpy is available, the Kobak-style numpy integer-percent Monte Carlo
# (kobak_integer_numpy.py, 1000 binomial-redraw replicates) on the same file; prints seconds side by side.
# Usage: benchmarks/peer/forensics_compare.sh   (from anywhere; builds target/psephos.jar if absent)
# THREADS (default 2) and REPLICATES (default 1000) override the settings.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=target/psephos.jar
THREADS=${THREADS:-2}
REPLICATES=${REPLICATES:-1000}
OUT=target/forensics-compare
mkdir -p "$OUT"
if [ ! -f "$JAR" ]; then
  mvn -q -B -DskipTests package
fi
CSV="$OUT/synthetic95k.csv"
if [ ! -f "$CSV" ]; then
  java -jar "$JAR" simulate --units 95000 --regions 85 --region-sd 0.2:0.2 --options 5 --invalid 0.01 --seed 1 \
    --out "$CSV" --quiet > /dev/null
fi

# seconds CMD...: runs CMD with its output in $OUT, prints the wall-clock seconds
seconds() {
  local start end
  start=$(date +%s.%N)
  "$@" > "$OUT/last.out"
  end=$(date +%s.%N)
  python3 -c "print(f'{$end - $start:.1f}')" 2>/dev/null || echo "$end - $start" | bc
}

analyze=(java -jar "$JAR" analyze "$CSV" --threads "$THREADS" --replicates "$REPLICATES")
t_int=$(seconds "${analyze[@]}" --tests IntegerPercent)
t_nat=$(seconds "${analyze[@]}")
t_reg=$(seconds "${analyze[@]}" --level region)
printf '%-58s %8s\n' "run (95,000 stations, $REPLICATES replicates, $THREADS threads)" "seconds"
printf '%-58s %8s\n' "psephos analyze --tests IntegerPercent (incl. JVM + load)" "$t_int"
printf '%-58s %8s\n' "psephos analyze, full battery, national" "$t_nat"
printf '%-58s %8s\n' "psephos analyze, full battery, --level region (85 groups)" "$t_reg"
if python3 -c 'import numpy' 2>/dev/null; then
  python3 benchmarks/peer/kobak_integer_numpy.py "$CSV" --replicates "$REPLICATES" > "$OUT/numpy.txt"
  t_np=$(sed -n 's/.*seconds=\([0-9.]*\).*/\1/p' "$OUT/numpy.txt")
  printf '%-58s %8s\n' "numpy integer-percent null (replicates only, 1 thread)" "$t_np"
else
  echo "numpy not available: Kobak-style peer skipped"
fi
