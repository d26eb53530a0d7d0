#!/usr/bin/env bash
# Make a ~600 MB conn.log.labeled by repeating the real 34-1 sample's rows (header once). Output under /tmp.
set -euo pipefail
src="${1:-../shared/datasets/raw/iot23/CTU-IoT-Malware-Capture-34-1/bro/conn.log.labeled}"
out="${2:-/tmp/sv-bench/CTU-IoT-Malware-Capture-34-1/bro/conn.log.labeled}"
mkdir -p "$(dirname "$out")"
grep '^#' "$src" > "$out"
body="$(mktemp)"
grep -v '^#' "$src" > "$body"; echo >> "$body"
for _ in $(seq 1 200); do cat "$body"; done >> "$out"
rm -f "$body"
ls -l "$out"
