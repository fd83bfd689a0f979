#!/usr/bin/env bash
# Regenerates the committed faces from Noto Sans and Noto Naskh Arabic
# (Debian package fonts-noto-core) with fontTools (Debian package fonttools).
#
# Each weight is one font: a Noto Sans subset merged with a Noto Naskh
# Arabic subset whose glyphs are scaled to 112 %, so that Arabic balances
# the Latin at one font size. gofpdf parses, measures (json-encoding a
# 65,536-entry width table to name it) and subsets every face per document,
# so two merged faces cost half of four separate ones: see
# docs/performance.md. gofpdf draws code points as they are and ignores
# OpenType layout, so layout tables are dropped, and the Arabic part keeps
# the presentation forms internal/text/arabic draws.
# Run from the repository root.
set -euo pipefail
py=/usr/bin/python3
$py -c 'import fontTools' 2>/dev/null || apt-get install -y fonttools fonts-noto-core
src=/usr/share/fonts/truetype/noto
out=internal/render/pdf/fonts
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Latin, Latin-1 and Latin Extended-A/B (Indonesian, Dutch and Tagalog
# accents, and names), combining accents, the soft hyphen, dashes, quotes and
# bullets, the euro, and U+FFFD.
latin="U+0020-007E,U+00A0-024F,U+0300-036F,U+2010-2027,U+2030-203A,U+20AC,U+2122,U+2212,U+25CF,U+FFFD"
# Arabic letters, harakat, digits and punctuation, and the presentation
# forms the shaper produces (Forms-A for Persian and Urdu letters, Forms-B).
arabic="U+0600-06FF,U+FB50-FBFF,U+FE70-FEFF"
opts=(--layout-features= --no-hinting --drop-tables+=GSUB,GPOS,GDEF,STAT,MVAR,HVAR,vhea,vmtx --name-IDs='*' --name-languages='*')
for w in Regular Bold; do
  $py -m fontTools.subset "$src/NotoSans-$w.ttf" --unicodes="$latin" "${opts[@]}" --output-file="$tmp/latin.ttf"
  $py -m fontTools.subset "$src/NotoNaskhArabic-$w.ttf" --unicodes="$arabic" "${opts[@]}" --output-file="$tmp/arabic.ttf"
  $py - "$tmp" "$w" "$out/NotoSansNaskh-$w.ttf" <<'PY'
import sys
from fontTools.ttLib import TTFont
from fontTools.ttLib.scaleUpem import scale_upem
from fontTools.merge import Merger
tmp, weight, dest = sys.argv[1:]
ar = TTFont(f"{tmp}/arabic.ttf")
# Declaring a smaller em and scaling back to 1000 enlarges the glyphs.
ar["head"].unitsPerEm = round(1000 / 1.12)
scale_upem(ar, 1000)
ar.save(f"{tmp}/arabic-scaled.ttf")
font = Merger().merge([f"{tmp}/latin.ttf", f"{tmp}/arabic-scaled.ttf"])
family = "Noto Sans Naskh roledoc"
ps = "NotoSansNaskh-" + weight
for rec in font["name"].names:
    if rec.nameID in (1, 16):
        rec.string = family
    elif rec.nameID == 4:
        rec.string = f"{family} {weight}"
    elif rec.nameID == 6:
        rec.string = ps
font.save(dest)
PY
done
ls -l "$out"/*.ttf
