#!/usr/bin/env bash
# Installs what the project needs on a fresh Debian/Ubuntu machine, then the npm packages.
# - Chromium (Debian's): prints the PDF binder and runs the browser tests.
# - poppler-utils, qpdf: the tests read the PDF with them.
# - fonts-ipafont-gothic: a Japanese system font, when the machine has none.
# - Node 24 comes from the npm registry as the `node` package (the machine's Node 20 is
#   too old for Astro 7); `npm run …` puts it first on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || [ -n "${PUPPETEER_EXECUTABLE_PATH:-}" ] || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)
# A Japanese font for pages the browser tests print with system fonts (the binder embeds its own).
{ command -v fc-list >/dev/null 2>&1 && fc-list :lang=ja | grep -q .; } || missing+=(fonts-ipafont-gothic)
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "apt-get で入れます: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm itself must run on Node >= 22.12, or it warns about every package that needs it
# (EBADENGINE). On an older machine Node, fetch the pinned `node` package once into a
# cache folder (ignored by git) and let npm run on it; later installs reuse it.
node_pkg="$(node -p "require('./package.json').dependencies.node")"
if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)'; then
  tools=".cache/node-$node_pkg"
  if [ ! -x "$tools/node_modules/.bin/node" ]; then
    echo "Node.js $node_pkg を npm から入れます（このマシンの Node.js $(node -v) は古いため）。"
    npm install --prefix "$tools" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "node@$node_pkg" >/dev/null
  fi
  export PATH="$PWD/$tools/node_modules/.bin:$PATH"
fi

# The lockfile lists every platform's optional binaries, so a plain install leaves it as
# it is (`npm ci` would refuse where the registry lacks another platform's binary).
npm install --no-audit --no-fund
