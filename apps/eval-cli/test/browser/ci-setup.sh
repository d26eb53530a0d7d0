#!/usr/bin/env sh
# Installs Debian's chromium for the browser tests of the eval report (apps/eval-cli/test/browser).
# Idempotent: does nothing when chromium is already on PATH.
set -e
command -v chromium >/dev/null 2>&1 || (apt-get update && apt-get install -y chromium)
