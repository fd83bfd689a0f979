#!/usr/bin/env bash
# Regenerates the committed font subsets from DejaVu Sans (Go module
# github.com/go-fonts/dejavu) with pyftsubset (Debian package fonttools).
# Keeping only the scripts roledoc prints halves gofpdf's per-document
# font cost; see docs/performance.md. Run from the repository root.
set -euo pipefail
command -v pyftsubset >/dev/null || apt-get install -y fonttools
src=$(go mod download -json github.com/go-fonts/dejavu@v0.3.2 | sed -n 's/.*"Dir": "\(.*\)",/\1/p')
# Latin, Latin-1 and Latin Extended-A/B (Indonesian, Dutch and Tagalog
# accents, and names), combining accents, dashes, quotes and bullets, the euro,
# Arabic with the presentation forms the shaper produces, and U+FFFD.
unicodes="U+0020-007E,U+00A0-024F,U+0300-036F,U+2010-2027,U+2030-203A,U+20AC,U+2122,U+2212,U+25CF,U+FFFD,U+0600-06FF,U+FB50-FBFF,U+FE70-FEFF"
for pair in "dejavusans/DejaVuSans.ttf:DejaVuSans-subset.ttf" "dejavusansbold/DejaVuSans-Bold.ttf:DejaVuSans-Bold-subset.ttf"; do
  in=${pair%%:*}; out=${pair##*:}
  pyftsubset "$src/$in" --unicodes="$unicodes" --layout-features='*' --no-hinting \
    --output-file="internal/render/pdf/fonts/$out"
done
ls -l internal/render/pdf/fonts/*.ttf
