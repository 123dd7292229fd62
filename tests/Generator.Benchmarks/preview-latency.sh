#!/usr/bin/env bash
# Preview latency, whole-process: tests/Generator.Benchmarks/preview-latency.sh [TOPICS] [EDITS] [body|title]
# e.g. preview-latency.sh 10000 20. Writes (or reuses) a corpus, builds the generator in
# Release, starts the real `preview` on a free loopback port with a copy of the corpus,
# then EDITS times changes a word in one topic's body (alternating topics) and polls that
# topic's page until it shows the change. Prints median, p90 and max of save → served,
# and the server's peak memory. "title" edits the front matter's title instead (a full rebuild).
# CLI=path/to/Generator.Cli.dll times another build of the generator (an older commit).
# HUGO=1 also times `hugo server` (watch mode) the same way.
# Set CORPUS_DIR=/path/with/corpus-N folders to reuse existing corpora (as compare-hugo.sh).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
topics=${1:-1000}
edits=${2:-20}
edit=${3:-body}
work=${BENCH_WORK:-/tmp/generator-bench}
mkdir -p "$work"

for project in "$repo/src/Generator.Cli" "$here"; do
  log=$(dotnet build "$project" -c Release -v quiet -nologo 2>&1) || { echo "$log"; exit 1; }
done
cli=${CLI:-$repo/src/Generator.Cli/bin/Release/net10.0/Generator.Cli.dll}
bench="$here/bin/Release/net10.0/Generator.Benchmarks.dll"

corpus=${CORPUS_DIR:+$CORPUS_DIR/corpus-$topics}
if [ -z "$corpus" ]; then
  corpus="$work/corpus-$topics"
  [ -d "$corpus/input" ] || dotnet "$bench" corpus --topics "$topics" --out "$corpus" >/dev/null
fi

dotnet "$bench" preview-latency --corpus "$corpus" --edits "$edits" --edit "$edit" --tool ours -- \
  dotnet "$cli" preview --input '{input}' --theme "$repo/theme" --port '{port}'
if [ "${HUGO:-0}" = 1 ]; then
  command -v hugo >/dev/null 2>&1 || { echo "installing hugo (apt)"; apt-get install -y -qq hugo >/dev/null; }
  dotnet "$bench" preview-latency --corpus "$corpus" --edits "$edits" --edit "$edit" --tool hugo -- \
    "$here/hugo-site/run_hugo.sh" '{work}' '{work}/hugo-out' server --bind 127.0.0.1 --port '{port}' --disableLiveReload --renderToMemory --watch
fi
