#!/usr/bin/env bash
# Installs what the quality gates need, only where it is missing: Debian's chromium (Playwright
# drives it through executable_path: never a browser download), a Java runtime for the Nu HTML
# checker, and the npm packages vnu-jar and axe-core, pinned, into the git-ignored .cache/npm/quality.
# Quick when everything is there, so `make test` runs it every time.
set -euo pipefail
cd "$(dirname "$0")/../.."

VNU_JAR_VERSION=26.9.27
AXE_CORE_VERSION=4.14.1
# A prefix of its own: npm removes from a prefix whatever its package.json does not list, so an
# install of other tools into a shared one would delete these.
NPM_PREFIX=.cache/npm/quality

# A new machine's package lists may be stale: refresh them only when an install fails.
apt_install() {
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y --no-install-recommends "$@" || { apt-get update && apt-get install -y --no-install-recommends "$@"; }
}

[ -x /usr/bin/chromium ] || apt_install chromium
java -version >/dev/null 2>&1 || apt_install default-jre-headless
command -v npm >/dev/null || apt_install npm

installed_version() {  # of an npm package in the prefix, or nothing
    node -p "require('./$NPM_PREFIX/node_modules/$1/package.json').version" 2>/dev/null || true
}

# --ignore-scripts: vnu-jar's postinstall would download a Java runtime of its own.
if [ "$(installed_version vnu-jar)" != "$VNU_JAR_VERSION" ] \
    || [ "$(installed_version axe-core)" != "$AXE_CORE_VERSION" ]; then
    npm install --prefix "$NPM_PREFIX" --save-exact --no-audit --no-fund --ignore-scripts \
        "vnu-jar@$VNU_JAR_VERSION" "axe-core@$AXE_CORE_VERSION"
fi
