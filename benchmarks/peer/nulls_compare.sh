#!/usr/bin/env bash
# The null engines side by side: forensics.nulls in Java (NullsCheck: process CPU and wall time per station and
# replicate, 1 and 2 threads, the draw alone and with the count tests' statistics) and the same resampling null in
# numpy (resampling_numpy.py, one thread), on the same 95,415 stations: a Russia-2012-sized election written by
# `psephos simulate` (85 regions of logit sd 0.4, small stations voting more, 5 options, 1.2% invalid), or the real
# Russia 2012 file with RUSSIA=path/to/2012.csv.zip. Prints both outputs.
# Usage: benchmarks/peer/nulls_compare.sh   (REPLICATES, default 100 for Java and 10 for numpy; builds the jars)
set -euo pipefail
cd "$(dirname "$0")/../.."
REPLICATES=${REPLICATES:-100}
NP_REPLICATES=${NP_REPLICATES:-10}
OUT=target/nulls-compare
mkdir -p "$OUT"
[ -f target/psephos.jar ] || mvn -q -B -DskipTests package
[ -f target/benchmarks.jar ] || mvn -q -B -Pbenchmarks -DskipTests package
if [ -n "${RUSSIA:-}" ]; then
  FILE=$RUSSIA
  COLUMNS=(--columns '#4,#6+#7+#8,#13,#12,#22..#26')
else
  FILE=$OUT/russia-sized.csv
  COLUMNS=()
  [ -f "$FILE" ] || java -jar target/psephos.jar simulate --units 95415 --size-lognormal 6.9:0.6 --regions 85 \
      --region-sd 0.4 --distribution logit-normal --turnout 0.65:0.4 --share 0.62:0.4 --size-effect -0.2:0.1 \
      --options 5 --concentration 10 --invalid 0.012 --seed 2012 --replicates 1 --quiet --out "$FILE" > /dev/null
fi
FILE=$(realpath "$FILE")
echo "== java (forensics.nulls), $REPLICATES replicates per run, best of 3"
java -Xmx2g -Dpsephos.nulls.file="$FILE" -cp target/benchmarks.jar org.psephos.benchmarks.nulls.NullsCheck \
    "$REPLICATES" 3 | tee "$OUT/java.txt"
PY=/usr/bin/python3
command -v "$PY" > /dev/null || PY=python3
if "$PY" -c 'import numpy' 2> /dev/null; then
  echo "== numpy $("$PY" -c 'import numpy; print(numpy.__version__)'), $NP_REPLICATES replicates"
  (cd benchmarks/peer && "$PY" resampling_numpy.py "$FILE" --replicates "$NP_REPLICATES" "${COLUMNS[@]}"
   "$PY" resampling_numpy.py "$FILE" --replicates "$NP_REPLICATES" --digits "${COLUMNS[@]}") \
      | tee "$OUT/numpy.txt"
else
  echo "numpy not available: the numpy peer is skipped"
fi
