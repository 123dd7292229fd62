#!/bin/sh
# Hugo's image processing of a photo site, cold: run_hugo.sh SITE OUT
#   SITE: a folder made by `Generator.Benchmarks photos` (holds input/en, input/assets/images)
#   OUT:  output folder (removed first)
set -eu
[ $# -eq 2 ] || { echo "usage: $0 SITE OUT" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
site=$(cd "$1" && pwd)
out=$2
rm -rf "$out"; mkdir -p "$out"; out=$(cd "$out" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
cat > "$tmp/paths.toml" <<CFG
contentDir = "$site/input/en"
assetDir = "$site/input/assets/images"
resourceDir = "$tmp/resources"
CFG
# A fresh cacheDir and resourceDir (where Hugo keeps processed images) per run: nothing is
# reused from an earlier build.
hugo --quiet --source "$here" --config "$here/hugo.toml,$tmp/paths.toml" --destination "$out" \
     --cacheDir "$tmp/cache" --noBuildLock
