#!/usr/bin/env bash
# Preview latency, whole-process: tests/Generator.Benchmarks/preview-latency.sh [TOPICS] [EDITS] [body|title|tag|i18n]
# e.g. preview-latency.sh 10000 20. Writes (or reuses) a corpus, builds the generator in
# Release, starts the real `preview` on a free loopback port with a copy of the corpus and
# of the theme, then makes EDITS saves, alternating between four topics, and polls until
# the change is served. Prints median, p90 and max of save → served, the server's peak
# memory, the peak memory of one clean `build --no-search` of the corpus (GNU time, run
# before the server starts) and the ratio of the two. The kinds of edit:
#   body   a word of a topic's body; served when the topic's page shows it (the default)
#   title  the front matter's title; served when the topic's page shows it
#   tag    a tag of input/taxonomy.yml the topic does not have, added to its front matter's
#          tags: list (each save of a topic adds a different one, undoing the previous);
#          served when the topic's tag list shows the tag's name and the tag's list
#          (/en/tags/<key>/ and its further pages) links to the topic
#   i18n   the theme's "home" interface string (i18n/en.yml; the site menu on every page)
#          set to a new text; served when the topic's page shows it
# CLI=path/to/Generator.Cli.dll times another build of the generator (an older commit).
# HUGO=1 also times `hugo server` (HUGO=only: Hugo alone) (watch mode) the same way, every kind included: its
# site (hugo-site/, copied like our theme) names a tag by its key, and its i18n edit is
# the same key in i18n/en.toml.
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

[ -x /usr/bin/time ] || { echo "installing time (apt)"; apt-get install -y -qq time >/dev/null; }
# Peak memory in KiB (GNU time's maximum resident set size) of one clean build into OUT;
# 0 if it fails (an older CLI= without --no-search): the latencies are still measured.
build_peak() { # OUT COMMAND...
  local out=$1; shift
  rm -rf "$out"
  if /usr/bin/time -f %M -o "$work/build.peak" "$@" >/dev/null 2>"$work/build.err"; then
    tail -n 1 "$work/build.peak"
  else
    { echo "clean build failed, so no memory ratio:"; tail -n 5 "$work/build.err"; } >&2
    echo 0
  fi
  rm -rf "$out"
}

if [ "${HUGO:-0}" != only ]; then
  peak=$(build_peak "$work/clean-build" dotnet "$cli" build --no-search --input "$corpus/input" --theme "$repo/theme" --output "$work/clean-build")
  dotnet "$bench" preview-latency --corpus "$corpus" --theme "$repo/theme" --edits "$edits" --edit "$edit" --tool ours \
    --clean-build-peak-kib "$peak" -- \
    dotnet "$cli" preview --input '{input}' --theme '{theme}' --port '{port}'
fi
if [ "${HUGO:-0}" = 1 ] || [ "${HUGO:-0}" = only ]; then
  command -v hugo >/dev/null 2>&1 || { echo "installing hugo (apt)"; apt-get install -y -qq hugo >/dev/null; }
  # Newer Hugo serves from disk unless given --renderToMemory; older ones (Debian 12's
  # 0.111) serve from memory by default and refuse the flag.
  memory=; case $(hugo server --help 2>&1) in *--renderToMemory*) memory=--renderToMemory ;; esac
  peak=$(build_peak "$work/clean-hugo" "$here/hugo-site/run_hugo.sh" "$corpus" "$work/clean-hugo")
  dotnet "$bench" preview-latency --corpus "$corpus" --theme "$here/hugo-site" --edits "$edits" --edit "$edit" --tool hugo \
    --clean-build-peak-kib "$peak" -- \
    '{theme}/run_hugo.sh' '{work}' '{work}/hugo-out' server --bind 127.0.0.1 --port '{port}' --disableLiveReload $memory --watch
fi
