#!/usr/bin/env bash
# Builds dist/{{name}}.wasm and dist/plugin.json (with the module's sha256). Needs clang and lld (wasm-ld).
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p dist
clang --target=wasm32-unknown-unknown -O2 -nostdlib -Wall -Wextra \
  -Wl,--no-entry -Wl,--strip-all -o dist/{{name}}.wasm {{name}}.c
sha=$(sha256sum dist/{{name}}.wasm | cut -d' ' -f1)
sed -E "s/\"sha256\": *\"[0-9a-f]*\"/\"sha256\": \"$sha\"/" plugin.json > dist/plugin.json
echo "built dist/{{name}}.wasm (sha256 $sha)"
