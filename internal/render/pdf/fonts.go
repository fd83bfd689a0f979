package pdf

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"

	"golang.org/x/image/font/sfnt"
)

// The faces are DejaVu Sans subset to the scripts roledoc prints (see
// fonts/subset.sh and fonts/LICENSE): smaller files make gofpdf's
// per-document font parsing cheaper.
var (
	//go:embed fonts/DejaVuSans-subset.ttf
	regularTTF []byte
	//go:embed fonts/DejaVuSans-Bold-subset.ttf
	boldTTF []byte
)

// coverage records which runes the regular face can draw; others are
// replaced before drawing, since gofpdf would index past its width table
// for runes outside the Basic Multilingual Plane.
type coverage struct {
	bits [0x10000 / 64]uint64
}

func (c *coverage) has(r rune) bool {
	return r >= 0 && r < 0x10000 && c.bits[r/64]&(1<<(r%64)) != 0
}

func newCoverage(ttf []byte) (*coverage, error) {
	f, err := sfnt.Parse(ttf)
	if err != nil {
		return nil, err
	}
	var buf sfnt.Buffer
	c := &coverage{}
	for r := rune(0x20); r < 0x10000; r++ {
		if g, err := f.GlyphIndex(&buf, r); err == nil && g != 0 {
			c.bits[r/64] |= 1 << (r % 64)
		}
	}
	return c, nil
}

func fingerprint(parts ...[]byte) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write(p)
	}
	return hex.EncodeToString(h.Sum(nil))
}
