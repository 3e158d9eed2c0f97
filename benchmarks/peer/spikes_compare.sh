#!/usr/bin/env bash
# Rozenas's spikes on one election, R package and Psephos side by side: F and seconds of spikes(data) (both mixture
# fits and 1,000 resamples, no interval).
#
#   benchmarks/peer/spikes_compare.sh FILE.csv [R_SEEDS]
#
# FILE.csv has a header and columns N, t, v (the package's form). To make it from the Russia 2011 file (UIK
# results, ../shared/data/precinct/russia/2011.csv.zip; N = #4, t = #6 + #7 + #8, v = #27, United Russia; the units
# Psephos's standard filter keeps: t > 0, t <= N, votes of #22..#28 <= t):
#   /usr/bin/python3 benchmarks/peer/spikes_ntv.py 2011.csv.zip '#4' '#6+#7+#8' '#27' '#22..#28' > ru2011.csv
# R's side needs the package installed in SPIKES_LIB (default /tmp/rlib), from CRAN's sources (cran/spikes at
# eadb7e3): git -C <mirror> archive HEAD | tar -x -C /tmp/spikes-src && R CMD INSTALL -l /tmp/rlib /tmp/spikes-src
# (Debian: r-base-core, r-cran-emdbook). R runs once per seed in R_SEEDS (default "1"); Psephos on 1 and 2
# threads, three repetitions each (the first includes the JIT's warm-up). Needs target/benchmarks.jar
# (mvn -B -Pbenchmarks -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/../.."
FILE=$1
R_SEEDS=${2:-1}
echo "load before: $(cat /proc/loadavg)"
for t in 1 2; do
  java -cp target/benchmarks.jar org.psephos.benchmarks.forensics.SpikesCheck "$FILE" "$t" 3 1
done
if command -v Rscript > /dev/null; then
  for s in $R_SEEDS; do
    Rscript benchmarks/peer/spikes_r.R "$FILE" "$s"
  done
else
  echo "Rscript not found: R's side skipped"
fi
echo "load after: $(cat /proc/loadavg)"
