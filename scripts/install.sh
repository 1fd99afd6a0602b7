#!/usr/bin/env bash
# Installs what the project needs on a fresh Debian/Ubuntu machine, then the npm packages.
# - Chromium (Debian's): prints the PDF binder and runs the browser tests.
# - poppler-utils, qpdf: the tests read the PDF with them.
# - Node 24 comes from the npm registry as the `node` package (the machine's Node 20 is
#   too old for Astro 7); `npm run …` puts it first on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || [ -n "${PUPPETEER_EXECUTABLE_PATH:-}" ] || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "apt-get で入れます: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# `npm ci` refuses a lockfile made where some platforms' optional packages are missing;
# `npm install` installs from the same lockfile and fills in this platform's.
npm install --no-audit --no-fund
