#!/usr/bin/env sh
# Installs Debian's chromium for the browser tests of the eval report (apps/eval-cli/test/browser).
# Idempotent: does nothing when chromium is already on PATH. Without root (or sudo) it only warns:
# the browser tests then skip with a message instead of failing the run.
command -v chromium >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = "0" ]; then
  run=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  run="sudo -n"
else
  echo "warning: chromium is missing and cannot be installed without root; browser tests will skip" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
$run apt-get update -qq && $run apt-get install -y -qq --no-install-recommends chromium >/dev/null ||
  echo "warning: installing chromium failed; browser tests will skip" >&2
exit 0
