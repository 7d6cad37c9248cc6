#!/usr/bin/env bash
# Builds dist/{{name}}.wasm and dist/plugin.json (with the module's sha256). Needs node and npm.
set -euo pipefail
cd "$(dirname "$0")"
[ -x node_modules/.bin/asc ] || npm install --no-audit --no-fund --loglevel=error
mkdir -p dist
# --runtime stub: no garbage collector; every call starts with a fresh heap (see docs/plugins.md, "Instances").
node_modules/.bin/asc assembly/index.ts --outFile dist/{{name}}.wasm --optimize --runtime stub --use abort=assembly/index/abort
sha=$(sha256sum dist/{{name}}.wasm | cut -d' ' -f1)
sed -E "s/\"sha256\": *\"[0-9a-f]*\"/\"sha256\": \"$sha\"/" plugin.json > dist/plugin.json
echo "built dist/{{name}}.wasm (sha256 $sha)"
