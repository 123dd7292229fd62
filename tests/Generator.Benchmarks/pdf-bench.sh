#!/usr/bin/env bash
# Topic and edition PDFs on the benchmark corpus (issue 19):
#   tests/Generator.Benchmarks/pdf-bench.sh [N]      (default 100 topics: 2N topic PDFs)
# Writes the N-topic bilingual corpus (`Generator.Benchmarks corpus`, editions 2015–2024, so
# up to 20 edition PDFs), then times with GNU time (wall, CPU, peak memory):
#   nopdf   a build without PDFs (what the PDF work is compared with)
#   cold    a build with --pdf and an empty cache: every topic and edition PDF printed
#   warm    one topic's text changed: its PDF and its edition's printed, the rest from the cache
# and prints the PDF sizes (median and largest, per language and kind). Our builds run with
# --no-search. BENCH_WORK (default /tmp/generator-pdf-bench) keeps the corpus between runs.
# Needs Debian's chromium, fonts-noto-cjk and fonts-morisawa-bizud-gothic.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
n=${1:-100}
work=${BENCH_WORK:-/tmp/generator-pdf-bench}
mkdir -p "$work"
[ -x /usr/bin/time ] || { echo "installing time (apt)"; apt-get install -y -qq time >/dev/null; }
[ -x /usr/bin/chromium ] || { echo "pdf-bench: install chromium first (apt-get install -y chromium fonts-noto-cjk fonts-morisawa-bizud-gothic)" >&2; exit 1; }

dotnet build "$repo/src/Generator.Cli" -c Release -v quiet -nologo >/dev/null
dotnet build "$here" -c Release -v quiet -nologo >/dev/null
cli=(dotnet "$repo/src/Generator.Cli/bin/Release/net10.0/Generator.Cli.dll")
bench=(dotnet "$here/bin/Release/net10.0/Generator.Benchmarks.dll")
site="$work/corpus-$n"
[ -d "$site/input" ] || "${bench[@]}" corpus --topics "$n" --out "$site" >/dev/null
runs="$work/runs"
rm -rf "$runs"; mkdir -p "$runs"
input=$(mktemp -d "$work/input.XXXX")
trap 'rm -rf "$input"' EXIT
cp -r "$site/input" "$input/input"

measure() { # label command... → prints "label wall cpu peak" and the build's PDF line
  local label=$1; shift
  sync
  /usr/bin/time -f "%e %U %S %M" -o "$runs/$label.time" "$@" >"$runs/$label.out" 2>&1 \
    || { echo "$label failed:"; tail -20 "$runs/$label.out"; exit 1; }
  awk -v l="$label" '{printf "%-8s %9.2f %9.2f %10.0f\n", l, $1, $2+$3, $4/1024}' "$runs/$label.time"
  grep -h 'PDFs' "$runs/$label.out" | sed 's/^/         /' || true
}

ours() { echo "${cli[@]}" build --no-search --input "$input/input" --theme "$repo/theme" --output "$runs/$1" --cache-dir "$runs/cache" "${@:2}"; }
printf '%d topics in 2 languages on %s cores\n' "$n" "$(nproc)"
printf '%-8s %9s %9s %10s\n' run "wall s" "cpu s" "peak MiB"
# shellcheck disable=SC2046 # the paths have no spaces
measure nopdf $(ours nopdf)
# shellcheck disable=SC2046
measure cold $(ours cold --pdf)
topic=$(find "$input/input/en/topics" -name '*.md' | LC_ALL=C sort | awk 'NR == 1')
printf '\nOne more paragraph, so this topic and its edition are printed again.\n' >>"$topic"
# shellcheck disable=SC2046
measure warm $(ours warm --pdf)

sizes() { # label files... → median and largest in KB
  local label=$1; shift
  [ $# -gt 0 ] || return 0
  stat -c %s "$@" | sort -n | awk -v l="$label" '{a[NR]=$1} END {printf "%-16s %5d files, median %4.0f KB, largest %4.0f KB\n", l, NR, a[int((NR+1)/2)]/1024, a[NR]/1024}'
}
echo
for lang in en ja; do
  # shellcheck disable=SC2046
  sizes "$lang topics" $(find "$runs/cold/$lang/topics" -mindepth 3 -name '*.pdf')
  # shellcheck disable=SC2046
  sizes "$lang editions" $(find "$runs/cold/$lang/topics" -mindepth 2 -maxdepth 2 -name '*.pdf')
done
