#!/usr/bin/env bash
# Photo encoding, ours and Hugo's, on the same N real-sized photos (issue 16):
#   tests/Generator.Benchmarks/photo-bench.sh [N]      (default 200)
# Writes N deterministic 1600 × 1067 camera-like JPEGs (`Generator.Benchmarks photos`), then
# times with GNU time (wall, CPU, peak memory):
#   ours-cold     a build with an empty image cache: every width (480, 800, 1200, 1600) in
#                 AVIF, WebP and JPEG, 12 files a photo
#   ours-warm     the same build again, every derivative in the cache
#   ours-none     the same topics without photos (what the warm build is compared with)
#   hugo          Hugo's image processing of the same photos to the same widths, WebP alone
#                 (hugo-photos/), when `hugo` is installed (Debian: apt-get install -y hugo)
# then `encoder-profile` (each format's and AVIF effort's time, bytes and SSIM at 800 px).
# Our builds run with --no-search. BENCH_WORK (default /tmp/generator-photo-bench) keeps the
# photos between runs.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
n=${1:-200}
work=${BENCH_WORK:-/tmp/generator-photo-bench}
mkdir -p "$work"
[ -x /usr/bin/time ] || { echo "installing time (apt)"; apt-get install -y -qq time >/dev/null; }

dotnet build "$repo/src/Generator.Cli" -c Release -v quiet -nologo >/dev/null
dotnet build "$here" -c Release -v quiet -nologo >/dev/null
cli=(dotnet "$repo/src/Generator.Cli/bin/Release/net10.0/Generator.Cli.dll")
bench=(dotnet "$here/bin/Release/net10.0/Generator.Benchmarks.dll")
site="$work/photos-$n"
[ -d "$site/input" ] || "${bench[@]}" photos --count "$n" --out "$site" >/dev/null
[ -d "$site-none/input" ] || "${bench[@]}" photos --count "$n" --out "$site-none" --photos none >/dev/null
runs="$work/runs"
rm -rf "$runs"; mkdir -p "$runs"

measure() { # label command... → prints "label wall cpu peak"
  local label=$1; shift
  sync
  /usr/bin/time -f "%e %U %S %M" -o "$runs/$label.time" "$@" >"$runs/$label.out" 2>&1 \
    || { echo "$label failed:"; cat "$runs/$label.out"; exit 1; }
  awk -v l="$label" '{printf "%-12s %9.2f %9.2f %10.0f\n", l, $1, $2+$3, $4/1024}' "$runs/$label.time"
}

printf '%d photos of 1600 x 1067 (%s MB of JPEG)\n' "$n" "$(du -sm "$site/input/assets" | cut -f1)"
printf '%-12s %9s %9s %10s\n' run "wall s" "cpu s" "peak MiB"
ours() { echo "${cli[@]}" build --no-search --input "$1/input" --theme "$repo/theme" --output "$runs/$2" --cache-dir "$runs/cache"; }
# shellcheck disable=SC2046 # the paths have no spaces
measure ours-cold $(ours "$site" cold)
# shellcheck disable=SC2046
measure ours-warm $(ours "$site" warm)
# shellcheck disable=SC2046
measure ours-none $(ours "$site-none" none)
echo "files: ours $(find "$runs/cold/assets/images" -type f | wc -l) derivatives;" \
  "$(grep -rl -e Canon -e 'EOS 90D' "$runs/cold/assets/images" | wc -l) with the camera's Exif left;" \
  "$(find "$runs/warm/assets/images" -type f -links +1 | wc -l) of the warm build's hard-linked to the cache"
if command -v hugo >/dev/null; then
  measure hugo "$here/hugo-photos/run_hugo.sh" "$site" "$runs/hugo"
  echo "files: hugo $(find "$runs/hugo" -name '*.webp' | wc -l) WebP ($(hugo version | cut -d' ' -f2))"
else
  echo "hugo: not installed (apt-get install -y hugo), not compared"
fi
# Which encoder a cold build spends its time in, and what AVIF's slower efforts would buy.
"${bench[@]}" encoder-profile --photos "$site/input/assets/images/2024" --count "${PROFILE_PHOTOS:-8}"
