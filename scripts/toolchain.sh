#!/usr/bin/env bash
# Puts Node 24 LTS and pnpm on PATH, provisioning them under .tools/ when the machine's own are
# missing or older. Sourced by ./run and .ci/run; safe to source repeatedly.
# Everything comes from the npm registry: the `node` package carries the binary.
set -euo pipefail

BRUSANO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_VERSION="24.21.0"   # Node 24 LTS
PNPM_VERSION="10.34.9"   # keep in step with "packageManager" in package.json
TOOLS="$BRUSANO_ROOT/.tools"

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(node_major node)" -lt 24 ]; then
  if [ "$(node_major "$TOOLS/node/node_modules/.bin/node")" != "${NODE_VERSION%%.*}" ] \
     || [ "$("$TOOLS/node/node_modules/.bin/node" -v 2>/dev/null)" != "v$NODE_VERSION" ]; then
    echo "toolchain: installing Node $NODE_VERSION into .tools/node (machine has $(node -v 2>/dev/null || echo none))" >&2
    command -v npm >/dev/null || { echo "toolchain: npm is needed once to fetch Node $NODE_VERSION" >&2; exit 1; }
    rm -rf "$TOOLS/node"
    npm install --prefix "$TOOLS/node" --no-save --no-audit --no-fund --loglevel=error "node@$NODE_VERSION" >&2
  fi
  export PATH="$TOOLS/node/node_modules/.bin:$PATH"
fi

if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  if [ ! -x "$TOOLS/pnpm/node_modules/.bin/pnpm" ] \
     || [ "$("$TOOLS/pnpm/node_modules/.bin/pnpm" --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
    echo "toolchain: installing pnpm $PNPM_VERSION into .tools/pnpm" >&2
    rm -rf "$TOOLS/pnpm"
    npm install --prefix "$TOOLS/pnpm" --no-save --no-audit --no-fund --loglevel=error "pnpm@$PNPM_VERSION" >&2
  fi
  export PATH="$TOOLS/pnpm/node_modules/.bin:$PATH"
fi
