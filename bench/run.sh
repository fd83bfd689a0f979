#!/usr/bin/env bash
# Measures roledoc at scale and against headless Chromium, in one run, and
# prints the figures recorded in docs/performance.md.
#
#   bash bench/run.sh            # 1,000 roles x 5 languages x 2 formats
#   N=200 SAMPLE=5 bash bench/run.sh
#
# Needs Chromium, GNU time and, for the warm-browser figure, Node.js with
# npm (playwright-core drives the Debian Chromium; no browser is
# downloaded). Missing Debian packages are installed when running as root.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-1000}
SAMPLE=${SAMPLE:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

need=()
command -v chromium >/dev/null || need+=(chromium)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ] && [ "$(id -u)" = 0 ]; then
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

say() { printf '%-46s %s\n' "$1" "$2"; }
secs() { /usr/bin/time -f '%e %M' "$@" 2>&1 >/dev/null | tail -1; }

echo "roledoc benchmark: $N roles x 5 languages x 2 formats, $(nproc) CPUs, $(go version | cut -d' ' -f3)"
go build -o "$work/roledoc" ./cmd/roledoc
go run ./bench/gen -n "$N" -o "$work/p"
cd "$work/p"

best=999
for _ in 1 2 3; do
  t=$(secs "$work/roledoc" check | cut -d' ' -f1)
  best=$(awk -v a="$t" -v b="$best" 'BEGIN{print (a<b)?a:b}')
done
say "check ($N roles, catalogs included)" "${best} s (best of 3)"

read -r wall rss < <(secs "$work/roledoc" build -q)
docs=$((N * 5 * 2))
say "full build ($docs documents)" "${wall} s, $(awk -v d=$docs -v w="$wall" 'BEGIN{printf "%.0f", d/w}') documents/s, peak RSS $((rss / 1024)) MB"
read -r wall2 rss2 < <(secs "$work/roledoc" build -q)
say "second build, nothing changed" "${wall2} s, peak RSS $((rss2 / 1024)) MB"
cd - >/dev/null

# One PDF, single-threaded, from the Go benchmark (the shipped two-page
# sales manager description).
bench=$(go test ./internal/render/pdf -run '^$' -bench 'Render' -benchtime 3s -count 1)
ms() { echo "$bench" | awk -v l="$1" '$1 ~ "Render/"l {printf "%.1f", $3/1e6}'; }
pdf_en=$(ms en); pdf_ar=$(ms ar)
say "one PDF, English (go test -bench)" "${pdf_en} ms"
say "one PDF, Arabic (go test -bench)" "${pdf_ar} ms"

# Chromium printing the same HTML pages roledoc wrote.
en=("$work"/p/out/en/role-*.html)
ar=("$work"/p/out/ar/role-*.html)
pages=("${en[@]:0:$((SAMPLE / 2))}" "${ar[@]:0:$((SAMPLE - SAMPLE / 2))}")
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
  --disable-component-update --disable-sync --no-pdf-header-footer --user-data-dir="$work/chrome")
start=$(date +%s.%N)
for p in "${pages[@]}"; do chromium "${flags[@]}" --print-to-pdf="$work/c.pdf" "file://$p" >/dev/null 2>&1; done
cold=$(awk -v s="$start" -v e="$(date +%s.%N)" -v n="$SAMPLE" 'BEGIN{printf "%.0f", (e-s)*1000/n}')
say "Chromium, cold (one process per PDF)" "${cold} ms per PDF ($SAMPLE pages)"

warm=""
if command -v npm >/dev/null; then
  (cd "$work" && npm install --silent --no-audit --no-fund playwright-core >/dev/null 2>&1) || true
  if [ -d "$work/node_modules/playwright-core" ]; then
    cat > "$work/warm.js" <<'JS'
const { chromium } = require('playwright-core');
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const page = await browser.newPage();
  const files = process.argv.slice(2);
  await page.goto('file://' + files[0]); await page.pdf({ format: 'A4' }); // warm up
  const t = Date.now();
  for (const f of files) { await page.goto('file://' + f); await page.pdf({ format: 'A4' }); }
  console.log(Math.round((Date.now() - t) / files.length));
  await browser.close();
})();
JS
    warm=$(cd "$work" && node warm.js "${pages[@]}")
    say "Chromium, warm (one browser, one reused tab)" "${warm} ms per PDF"
  fi
fi

avg=$(awk -v a="$pdf_en" -v b="$pdf_ar" 'BEGIN{printf "%.1f", (a+b)/2}')
say "roledoc vs cold Chromium" "$(awk -v c="$cold" -v r="$avg" 'BEGIN{printf "%.0fx faster", c/r}')"
[ -n "$warm" ] && say "roledoc vs warm Chromium" "$(awk -v c="$warm" -v r="$avg" 'BEGIN{printf "%.1fx faster", c/r}')"
exit 0
