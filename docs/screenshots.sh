#!/usr/bin/env bash
# Regenerates the pictures in docs/img from a fresh build of the shipped
# roles: a headless Chromium screenshot of one page per language and
# pdftoppm renderings of the English and Arabic PDFs' first page. Look at
# them after a layout change.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
go run ./cmd/roledoc build -q --out "$out/site" --role sales-manager
for lang in en id nl ar tl; do
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --user-data-dir="$out/chrome" --window-size=900,1200 \
    --screenshot="docs/img/sales-manager.$lang.png" "file://$out/site/$lang/sales-manager.html" >/dev/null 2>&1
done
for lang in en ar; do
  pdftoppm -r 80 -png -f 1 -l 1 -singlefile "$out/site/$lang/sales-manager.pdf" "docs/img/sales-manager.$lang.pdf"
done
ls -l docs/img
