#!/usr/bin/env bash
# Builds the bundled plugins: plugins/target/wasm/<name>/<name>.wasm and its plugin.json with the module's
# sha256. Installs what is missing: the npm tools locally under plugins/node_modules (from package-lock.json),
# and clang + lld from apt when running as root. The Maven build (plugins/pom.xml) runs this script.
set -euo pipefail
cd "$(dirname "$0")"
out="${1:-target/wasm}"

need() { command -v "$1" >/dev/null 2>&1; }

if ! need node || ! need npm; then
  echo "build.sh: node and npm are needed for the AssemblyScript and WAT plugins (apt-get install nodejs npm)" >&2
  exit 1
fi
if ! need clang || ! need wasm-ld; then
  if [ "$(id -u)" = 0 ] && need apt-get; then
    echo "build.sh: installing clang and lld (C plugins) with apt-get" >&2
    (apt-get install -y -qq clang lld >/dev/null 2>&1) || (apt-get update -qq >/dev/null && apt-get install -y -qq clang lld >/dev/null)
  else
    echo "build.sh: clang and wasm-ld are needed for the C plugin: apt-get install clang lld (as root)" >&2
    exit 1
  fi
fi
if [ ! -x node_modules/.bin/asc ] || [ ! -x node_modules/.bin/wat2wasm ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error >&2
fi

# manifest <source plugin.json> <module> <target dir>: copies the module and writes the manifest with its hash.
manifest() {
  local source="$1" module="$2" target="$3"
  node -e '
    const fs = require("fs"), crypto = require("crypto");
    const [source, module, target] = process.argv.slice(1);
    const manifest = JSON.parse(fs.readFileSync(source, "utf8"));
    const bytes = fs.readFileSync(module);
    manifest.sha256 = crypto.createHash("sha256").update(bytes).digest("hex");
    fs.mkdirSync(target, { recursive: true });
    fs.copyFileSync(module, target + "/" + manifest.module);
    fs.writeFileSync(target + "/plugin.json", JSON.stringify(manifest, null, 2) + "\n");
  ' "$source" "$module" "$target"
}

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

node_modules/.bin/wat2wasm not-empty/not-empty.wat -o "$tmp/not-empty.wasm"
manifest not-empty/plugin.json "$tmp/not-empty.wasm" "$out/not-empty"

# --runtime stub: a bump allocator without a garbage collector. The host starts every call from the state
# after instantiation (fresh or reset instance), so a collector would only cost time (docs/plugins.md).
(cd contains-all && ../node_modules/.bin/asc assembly/index.ts --outFile "$tmp/contains-all.wasm" \
  --optimize --runtime stub --use abort=assembly/index/abort)
manifest contains-all/plugin.json "$tmp/contains-all.wasm" "$out/contains-all"

(cd weakest-link && ../node_modules/.bin/asc assembly/index.ts --outFile "$tmp/weakest-link.wasm" \
  --optimize --runtime stub --use abort=assembly/index/abort)
manifest weakest-link/plugin.json "$tmp/weakest-link.wasm" "$out/weakest-link"

c_plugin() {
  local name="$1" source="$2"
  clang --target=wasm32-unknown-unknown -O2 -nostdlib -Wall -Wextra -Werror -Iinclude \
    -Wl,--no-entry -Wl,--strip-all -o "$tmp/$name.wasm" "$source"
  manifest "$name/plugin.json" "$tmp/$name.wasm" "$out/$name"
}
c_plugin max-words max-words/max_words.c
c_plugin strip-think strip-think/strip_think.c

echo "build.sh: built $(ls "$out" | tr '\n' ' ')into $out" >&2
