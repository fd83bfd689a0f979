package pdf

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"math"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// The faces are Noto Sans for Latin text and Noto Naskh Arabic for Arabic,
// subset to the characters roledoc prints (see fonts/subset.sh and
// fonts/LICENSE): smaller files make gofpdf's per-document font parsing
// cheaper.
var (
	//go:embed fonts/NotoSans-Regular-subset.ttf
	sansTTF []byte
	//go:embed fonts/NotoSans-Bold-subset.ttf
	sansBoldTTF []byte
	//go:embed fonts/NotoNaskhArabic-Regular-subset.ttf
	naskhTTF []byte
	//go:embed fonts/NotoNaskhArabic-Bold-subset.ttf
	naskhBoldTTF []byte
)

// face is one of the embedded fonts.
type face uint8

const (
	sans face = iota
	sansBold
	naskh
	naskhBold
	faces
)

var faceFiles = [faces]struct {
	family, style string
	ttf           *[]byte
}{
	{"Sans", "", &sansTTF},
	{"Sans", "B", &sansBoldTTF},
	{"Naskh", "", &naskhTTF},
	{"Naskh", "B", &naskhBoldTTF},
}

// arabicScale sizes Arabic up so that its letters balance the Latin ones:
// Naskh's letters are small on their body.
const arabicScale = 1.12

// metrics holds each face's advance widths in thousandths of an em, zero
// where the face has no glyph. Measuring from these tables, rather than
// through gofpdf's current font, lets a word mix faces.
type metrics struct {
	adv [faces][]uint16
}

func (m *metrics) has(f face, r rune) bool {
	return r >= 0 && r < 0x10000 && m.adv[f][r] != 0
}

// faceFor picks the face that draws r: Noto Sans where it can (Latin,
// digits, punctuation), Noto Naskh Arabic for Arabic; ok is false when
// neither can.
func (m *metrics) faceFor(r rune, bold bool) (face, bool) {
	f := sans
	switch {
	case m.has(sans, r):
	case m.has(naskh, r):
		f = naskh
	default:
		return sans, false
	}
	if bold {
		f++
	}
	return f, true
}

func newMetrics() (*metrics, error) {
	m := &metrics{}
	var buf sfnt.Buffer
	for i, ff := range faceFiles {
		f, err := sfnt.Parse(*ff.ttf)
		if err != nil {
			return nil, err
		}
		upem := float64(f.UnitsPerEm())
		adv := make([]uint16, 0x10000)
		for r := rune(0x20); r < 0x10000; r++ {
			g, err := f.GlyphIndex(&buf, r)
			if err != nil || g == 0 {
				continue
			}
			a, err := f.GlyphAdvance(&buf, g, fixed.Int26_6(f.UnitsPerEm())<<6, 0)
			if err != nil {
				return nil, err
			}
			w := math.Round(float64(a) / 64 * 1000 / upem)
			if w <= 0 {
				adv[r] = markWidth // present, but draws no advance: harakat
				continue
			}
			adv[r] = uint16(min(w, markWidth-1))
		}
		m.adv[i] = adv
	}
	return m, nil
}

// width is r's advance in thousandths of an em.
func (m *metrics) width(f face, r rune) float64 {
	if a := m.adv[f][r]; a != markWidth {
		return float64(a)
	}
	return 0
}

// markWidth flags a glyph that is present but has no advance (harakat).
const markWidth = 0xFFFF

func fingerprint(parts ...[]byte) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write(p)
	}
	return hex.EncodeToString(h.Sum(nil))
}
