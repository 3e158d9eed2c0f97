#!/usr/bin/env bash
# Issue 8, scale: a 5-million-unit file written by psephos simulate loads and runs the digit and distribution
# tests with a 2 GiB heap. Prints wall time and peak RSS (GNU time) of each step; deletes the big file at the end.
# Usage: benchmarks/scale.sh [DIR]   (DIR: where the ~200 MB file goes, default a fresh temporary directory)
set -euo pipefail
jar="$(cd "$(dirname "$0")/.." && pwd)/target/psephos.jar"
[ -f "$jar" ] || { echo "build first: mvn -o -q package -DskipTests" >&2; exit 2; }
dir="${1:-$(mktemp -d)}"
big="$dir/big.csv"
trap 'rm -f "$big" "$dir/big.json"' EXIT
step() {
    echo "== $*"
    /usr/bin/time -f "wall %e s, user %U s, sys %S s, peak RSS %M KB" "$@" | tail -3
}
step java -Xmx2g -jar "$jar" simulate --units 5000000 --seed 1 --replicates 1 --quiet --out "$big"
ls -l "$big"
step java -Xmx2g -jar "$jar" load "$big"
step java -Xmx2g -jar "$jar" analyze "$big" --tests 2BL,LastC,C05s,Skew,Kurt,DipT,Correlation \
    --replicates 100 --quiet --json "$dir/big.json"
