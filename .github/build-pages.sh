#!/usr/bin/env bash
# The deployment's build, one script for the workflow and for .ci/run: builds the site for
# the address GitHub Pages serves it from, then verifies the folder as that host will serve
# it (every internal link, asset, feed entry, sitemap location and hreflang under the base
# path; index.html and 404.html at the root; no symbolic links; no file over 100 MB).
# With --pdf each topic is also a PDF, printed by Debian's chromium (issue 19).
# Usage: .github/build-pages.sh BASE_URL OUT   (BASE_URL such as https://org.github.io/repo/;
# a missing trailing slash is added, as actions/configure-pages gives none)
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 BASE_URL OUT" >&2
  exit 2
fi
base_url=$1
out=$(realpath -m "$2")
cd "$(dirname "$0")/.."

dotnet build src/Generator.Cli -c Release --nologo -v quiet
dotnet run --project src/Generator.Cli -c Release --no-build -- build --pdf --output "$out" --base-url "$base_url"
dotnet run --project src/Generator.Cli -c Release --no-build -- verify --output "$out" --base-url "$base_url"
