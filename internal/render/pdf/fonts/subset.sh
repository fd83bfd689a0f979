#!/usr/bin/env bash
# Regenerates the committed font subsets from DejaVu Sans (Go module
# github.com/go-fonts/dejavu) with pyftsubset (Debian package fonttools).
# Keeping only the scripts roledoc prints halves gofpdf's per-document
# font cost; see docs/performance.md. Run from the repository root.
set -euo pipefail
command -v pyftsubset >/dev/null || apt-get install -y fonttools
src=$(go list -m -f '{{.Dir}}' github.com/go-fonts/dejavu)
# Latin, Latin-1, Latin Extended-A/B and Additional (Indonesian, Dutch,
# Tagalog accents), general punctuation, currency, Arabic with its
# presentation forms, bullets and the replacement character.
unicodes="U+0020-007E,U+00A0-024F,U+0300-036F,U+1E00-1EFF,U+2000-206F,U+20A0-20CF,U+2116,U+2122,U+2190-2193,U+2212,U+25A0-25CF,U+FFFD,U+0600-06FF,U+FB50-FDFF,U+FE70-FEFF"
for pair in "dejavusans/DejaVuSans.ttf:DejaVuSans-subset.ttf" "dejavusansbold/DejaVuSans-Bold.ttf:DejaVuSans-Bold-subset.ttf"; do
  in=${pair%%:*}; out=${pair##*:}
  pyftsubset "$src/$in" --unicodes="$unicodes" --layout-features='*' --no-hinting \
    --output-file="internal/render/pdf/fonts/$out"
done
ls -l internal/render/pdf/fonts/*.ttf
