#!/usr/bin/env bash
# Whole-process benchmark, side by side with Hugo, alternating the two:
#   tests/Generator.Benchmarks/compare-hugo.sh [RUNS] [SIZES...]
# e.g. compare-hugo.sh 5 1000 10000 (the default). For each size it writes a corpus with
# the project's own generator (same shape as the team's reference corpus), builds the
# generator in Release (published ReadyToRun, precompiled), then times
# RUNS clean builds of each tool (wall, CPU, peak RSS from GNU time) and prints the
# medians, our/Hugo ratios, and how our topic pages' sizes compare with Hugo's pages for
# the same topics (median and largest ratio). Our builds run with --no-search, since the
# Hugo site has no search either, each with an empty cache of its own (a clean build); the
# warm row is RUNS builds after a one-topic edit with the cache of a clean build, as a CI
# deploy restores it with actions/cache, against Hugo's clean build. SEARCH=1 adds, alternating, RUNS clean builds with the
# search index against Hugo followed by Pagefind on Hugo's output (what a Hugo user runs
# for search; Hugo's topic pages carry data-pagefind-body, so both index the same pages),
# then RUNS builds with a warm cache after a one-topic edit against Hugo's clean build.
# Set CORPUS_DIR=/path/with/corpus-N folders to time existing corpora instead.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
runs=${1:-5}; shift || true
sizes=${*:-1000 10000}
work=${BENCH_WORK:-/tmp/generator-bench}
mkdir -p "$work"

need() { command -v "$1" >/dev/null 2>&1 || { echo "installing $2 (apt)"; apt-get install -y -qq "$2" >/dev/null; }; }
need hugo hugo
[ -x /usr/bin/time ] || { echo "installing time (apt)"; apt-get install -y -qq time >/dev/null; }

# ReadyToRun: precompiled code, so start-up does not wait for the JIT.
dotnet publish "$repo/src/Generator.Cli" -c Release -r linux-x64 --self-contained false \
  -p:PublishReadyToRun=true -o "$work/bin" -v quiet -nologo >/dev/null
dotnet build "$here" -c Release -v quiet -nologo >/dev/null
cli="$work/bin/Generator.Cli"

# Every run writes into a folder of its own, removed only before the next size (then a
# pause): ext4 skips inodes freed in the last 30 s when it allocates new ones, so removing
# the previous run's 45,000 files just before a timed run slows whichever tool runs next,
# the one writing more files the most. The disk is synced before each run.
measure() { # label out command... → appends "wall user sys maxrss_kb" to $work/label.times
  local label=$1 out=$2; shift 2
  sync
  /usr/bin/time -f "%e %U %S %M" -o "$work/last.time" "$@" >"$work/last.out" 2>"$work/last.err" \
    || { echo "$label failed:"; tail -5 "$work/last.out"; cat "$work/last.err"; exit 1; }
  cat "$work/last.time" >> "$work/$label.times"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
column_median() { awk -v c="$2" '{print $c}' "$work/$1.times" | median; }

printf '\n%-8s %-10s %9s %9s %11s %7s\n' topics tool "wall s" "cpu s" "peak MiB" pages
for n in $sizes; do
  corpus=${CORPUS_DIR:+$CORPUS_DIR/corpus-$n}
  if [ -z "$corpus" ]; then
    corpus="$work/corpus-$n"
    [ -d "$corpus/input" ] || dotnet "$here/bin/Release/net10.0/Generator.Benchmarks.dll" corpus --topics "$n" --out "$corpus" >/dev/null
  fi
  rm -f "$work/hugo-$n.times" "$work/ours-$n.times"
  if [ -d "$work/runs" ]; then rm -rf "$work/runs"; sync; sleep 35; fi
  mkdir -p "$work/runs"
  for i in $(seq "$runs"); do
    measure "hugo-$n" "$work/runs/hugo-$n.$i" "$here/hugo-site/run_hugo.sh" "$corpus" "$work/runs/hugo-$n.$i"
    # A clean build: an empty cache of its own (photos encoded, every file created).
    measure "ours-$n" "$work/runs/ours-$n.$i" "$cli" build --no-search --input "$corpus/input" --theme "$repo/theme" \
      --output "$work/runs/ours-$n.$i" --cache-dir "$work/runs/ours-cache-$n.$i"
  done
  # One topic edited (a sentence added to the newest English topic), then built with the
  # cache of a build before the edit, as a CI deploy with actions/cache does; the topic is
  # restored after each run. edited_build LABEL CACHE [OPTIONS...]
  topic=$(grep -rH '^date:' "$corpus/input/en/topics" | sort -t: -k3 | tail -1 | cut -d: -f1)
  cp "$topic" "$work/topic.orig"
  edited_build() {
    local label=$1 cache=$2; shift 2
    for i in $(seq "$runs"); do
      printf '\nOne more sentence, run %s.\n' "$i" >> "$topic"
      measure "$label-$n" "$work/runs/$label-$n.$i" "$cli" build --input "$corpus/input" --theme "$repo/theme" \
        --output "$work/runs/$label-$n.$i" --cache-dir "$cache" "$@"
      cp "$work/topic.orig" "$topic"
    done
  }
  rm -f "$work/warm-$n.times"
  edited_build warm "$work/runs/ours-cache-$n.1" --no-search
  tools="hugo ours warm"
  if [ "${SEARCH:-0}" = 1 ]; then
    tools="hugo ours warm hugo+pf search edited"
    rm -f "$work/hugo+pf-$n.times" "$work/search-$n.times" "$work/edited-$n.times"
    pagefind="$work/bin/pagefind/pagefind_extended"
    for i in $(seq "$runs"); do
      measure "hugo+pf-$n" "$work/runs/hugo+pf-$n.$i" sh -c '"$1" "$2" "$3" && "$4" --site "$3" --quiet' - \
        "$here/hugo-site/run_hugo.sh" "$corpus" "$work/runs/hugo+pf-$n.$i" "$pagefind"
      # A cache of its own per run: a clean build, the search bundles and photos made again.
      measure "search-$n" "$work/runs/search-$n.$i" "$cli" build --input "$corpus/input" --theme "$repo/theme" \
        --output "$work/runs/search-$n.$i" --cache-dir "$work/runs/search-cache-$n.$i"
    done
    edited_build edited "$work/runs/search-cache-$n.1"
  fi
  for tool in $tools; do
    wall=$(column_median "$tool-$n" 1)
    cpu=$(awk '{print $2+$3}' "$work/$tool-$n.times" | median)
    mem=$(column_median "$tool-$n" 4)
    pages=$(find "$work/runs/$tool-$n.1" -name '*.html' | wc -l)
    printf '%-8s %-10s %9.2f %9.2f %11.0f %7d\n' "$n" "$tool" "$wall" "$cpu" "$((mem / 1024))" "$pages"
    eval "${tool//+/_}_wall=$wall ${tool//+/_}_mem=$mem"
  done
  ratio() { awk -v l="$1" -v a="$2" -v b="$3" -v c="$4" -v d="$5" 'BEGIN {printf "%-8s %-10s %9.2f %9s %11.2f\n", "", l, a/b, "", c/d}'; }
  ratio ours/hugo "$ours_wall" "$hugo_wall" "$ours_mem" "$hugo_mem"
  ratio warm/hugo "$warm_wall" "$hugo_wall" "$warm_mem" "$hugo_mem"
  if [ "${SEARCH:-0}" = 1 ]; then
    ratio search/h+pf "$search_wall" "$hugo_pf_wall" "$search_mem" "$hugo_pf_mem"
    ratio edited/hugo "$edited_wall" "$hugo_wall" "$edited_mem" "$hugo_mem"
  fi
  python3 - "$work/runs/hugo-$n.1" "$work/runs/ours-$n.1" <<'PY'
import os, statistics, sys
hugo, ours = sys.argv[1:3]
ratios = []
for lang in sorted(os.listdir(hugo)):
    for root, _, files in os.walk(os.path.join(hugo, lang, "topics")):
        rel = os.path.relpath(os.path.join(root, "index.html"), hugo)
        if "index.html" in files and rel.count("/") == 4 and os.path.exists(os.path.join(ours, rel)):
            ratios.append((os.path.getsize(os.path.join(ours, rel)) / os.path.getsize(os.path.join(hugo, rel)), rel))
if ratios:
    ratios.sort()
    print(f"{'':8} {'page size':10} topic pages ours/hugo: median {statistics.median(r for r, _ in ratios):.2f}, "
          f"largest {ratios[-1][0]:.2f} ({ratios[-1][1]}), {len(ratios)} pages compared")
PY
done
