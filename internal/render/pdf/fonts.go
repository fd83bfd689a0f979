package pdf

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"math"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// The faces are Noto Sans merged with Noto Naskh Arabic, its Arabic
// scaled to 112 % to balance the Latin, subset to the characters roledoc
// prints (see fonts/subset.sh and fonts/LICENSE): one face per weight keeps
// gofpdf's per-document font work small.
var (
	//go:embed fonts/NotoSansNaskh-Regular.ttf
	regularTTF []byte
	//go:embed fonts/NotoSansNaskh-Bold.ttf
	boldTTF []byte
)

// face is one of the embedded fonts.
type face uint8

const (
	regular face = iota
	bold
	faces
)

var faceFiles = [faces]struct {
	family, style string
	ttf           *[]byte
}{
	{"Noto", "", &regularTTF},
	{"Noto", "B", &boldTTF},
}

// faceOf is the face that sets style st.
func faceOf(st style) face {
	if st.bold {
		return bold
	}
	return regular
}

// metrics holds each face's advance widths in thousandths of an em, zero
// where the face has no glyph. Measuring from these tables rather than
// through gofpdf's current font needs no font switching.
type metrics struct {
	adv [faces][]uint16
	// marks are the outlines of the marks (glyphs with no advance, such
	// as harakat), in thousandths of an em from the origin with y down,
	// and where their ink is centred: drawWord draws them centred on
	// their letter.
	marks [faces]map[rune]mark
}

// mark is a mark glyph's outline and the middle of its ink.
type mark struct {
	path sfnt.Segments
	mid  float64
}

// has reports whether the faces can draw r.
func (m *metrics) has(r rune) bool {
	return r >= 0 && r < 0x10000 && m.adv[regular][r] != 0
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
		marks := map[rune]mark{}
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
				segs, err := f.LoadGlyph(&buf, g, fixed.I(1000), nil)
				if err != nil {
					return nil, err
				}
				b := segs.Bounds()
				// segs lives in buf until its next use: keep a copy.
				marks[r] = mark{path: append(sfnt.Segments(nil), segs...), mid: float64(b.Min.X+b.Max.X) / 2 / 64}
				continue
			}
			adv[r] = uint16(min(w, markWidth-1))
		}
		m.adv[i], m.marks[i] = adv, marks
	}
	return m, nil
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
