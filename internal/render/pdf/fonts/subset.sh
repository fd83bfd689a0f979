#!/usr/bin/env bash
# Regenerates the committed font subsets from Noto Sans and Noto Naskh
# Arabic (Debian package fonts-noto-core) with pyftsubset (Debian package
# fonttools). gofpdf parses each face once per document, so every glyph
# kept costs time: see docs/performance.md. gofpdf draws code points as
# they are and ignores OpenType layout, so the layout tables are dropped and
# the Arabic face keeps the presentation forms internal/text/arabic draws.
# Run from the repository root.
set -euo pipefail
command -v pyftsubset >/dev/null || apt-get install -y fonttools fonts-noto-core
src=/usr/share/fonts/truetype/noto
out=internal/render/pdf/fonts
# Latin, Latin-1 and Latin Extended-A/B (Indonesian, Dutch and Tagalog
# accents, and names), combining accents, the soft hyphen, dashes, quotes and
# bullets, the euro, and U+FFFD.
latin="U+0020-007E,U+00A0-024F,U+0300-036F,U+2010-2027,U+2030-203A,U+20AC,U+2122,U+2212,U+25CF,U+FFFD"
# Arabic letters, harakat, digits and punctuation, and the presentation
# forms the shaper produces (Forms-A for Persian and Urdu letters, Forms-B),
# and the space, which sets Arabic word spacing.
arabic="U+0020,U+00A0,U+0600-06FF,U+FB50-FBFF,U+FE70-FEFF"
opts=(--layout-features= --no-hinting --drop-tables+=GSUB,GPOS,GDEF,STAT,MVAR,HVAR,vhea,vmtx --name-IDs='*' --name-languages='*')
for w in Regular Bold; do
  pyftsubset "$src/NotoSans-$w.ttf" --unicodes="$latin" "${opts[@]}" --output-file="$out/NotoSans-$w-subset.ttf"
  pyftsubset "$src/NotoNaskhArabic-$w.ttf" --unicodes="$arabic" "${opts[@]}" --output-file="$out/NotoNaskhArabic-$w-subset.ttf"
done
ls -l "$out"/*.ttf
