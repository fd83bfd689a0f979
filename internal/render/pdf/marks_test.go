package pdf

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/roledoc/roledoc/internal/fixture"
)

// TestMarkCentredOnLetter draws a large waw with shadda, rasterizes it and
// checks that the shadda's ink is centred over the waw's: drawn at its own
// origin, as gofpdf would, it sat at the letter's edge.
func TestMarkCentredOnLetter(t *testing.T) {
	d := fixture.Documents(t, "sales-manager")["ar"]
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	l := newLayout(d, r.m, leading)
	big := style{size: 100, color: ink}
	// Display order: the mark comes just before its letter.
	l.tag.content(func() { l.drawWord(word{text: "\u0651\uFEED", st: big}, 40, 120, 1) })
	var b bytes.Buffer
	if err := l.pdf.Output(&b); err != nil {
		t.Fatal(err)
	}
	img := poppler(t, "pdftoppm", b.Bytes(), "-gray", "-r", "72", "-f", "1", "-l", "1")
	w, h, px := pgm(t, img)
	// Ink columns of the shadda (above the waw's top) and of the waw.
	top := -1
	for y := 0; y < h && top < 0; y++ {
		for x := 0; x < w; x++ {
			if px[y*w+x] < 128 {
				top = y
				break
			}
		}
	}
	span := func(y0, y1 int) (lo, hi int) {
		lo, hi = w, -1
		for y := y0; y < y1; y++ {
			for x := 0; x < w; x++ {
				if px[y*w+x] < 128 {
					lo, hi = min(lo, x), max(hi, x)
				}
			}
		}
		return lo, hi
	}
	// The shadda is about 0.2 em tall; the waw's bowl is well below it.
	em := 100 // pixels: 100 pt at 72 dpi
	ml, mh := span(top, top+em/6)
	ll, lh := span(top+em/3, h)
	if mh < 0 || lh < 0 {
		t.Fatalf("no ink found (top %d)", top)
	}
	mark, letter := float64(ml+mh)/2, float64(ll+lh)/2
	if d := mark - letter; d < -0.08*float64(em) || d > 0.08*float64(em) {
		t.Errorf("shadda centred at x=%.0f, waw at x=%.0f: %.0f px apart (em %d px)", mark, letter, d, em)
	}
}

// pgm decodes a binary PGM image.
func pgm(t *testing.T, s string) (w, h int, px []byte) {
	f := strings.Fields(s[:min(len(s), 40)])
	if len(f) < 4 || f[0] != "P5" {
		t.Fatalf("not a PGM: %q", s[:min(len(s), 20)])
	}
	w, _ = strconv.Atoi(f[1])
	h, _ = strconv.Atoi(f[2])
	px = []byte(s[len(s)-w*h:])
	return w, h, px
}
