package pdf

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/roledoc/roledoc/internal/fixture"
)

// TestLongParagraphsJustify sets paragraphs of 300-600 characters and
// single sentences (testdata/long, not shipped text) in every language and
// checks that total-fit breaking justifies nearly all of them with spaces
// in bounds: a paragraph set ragged is a failure of the breaker unless it
// is rare.
func TestLongParagraphsJustify(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	allRagged, allParas := 0, 0
	for lang, d := range fixture.Documents(t, "sales-manager") {
		l := newLayout(d, r.m, leading)
		w := l.contentW() - l.numW
		em := body.size * ptToMM
		var gaps []float64 // mean gap of each justified line but the last, in ems
		ragged, paras, hyphens, pairs := 0, 0, 0, 0
		for _, p := range readLong(t, lang) {
			lines := l.set(l.words([]span{{p, body}}), w)
			if len(lines) < 2 {
				continue
			}
			paras++
			if !lines[0].justify {
				ragged++
				t.Logf("%s ragged: %.60s…", lang, p)
				continue
			}
			run := 0
			for _, ln := range lines {
				if !strings.HasSuffix(ln.words[len(ln.words)-1].text, string(breakHyphen)) {
					run = 0
					continue
				}
				hyphens++
				if run++; run > 2 {
					t.Errorf("%s: three hyphens in a row: %.60s…", lang, p)
				}
				if run == 2 {
					pairs++
				}
			}
			for _, ln := range lines[:len(lines)-1] {
				vis := l.visual(ln.words)
				sum := 0.0
				for _, v := range vis {
					sum += l.measure(v.text, v.st)
				}
				n := float64(len(vis) - 1)
				sp := l.space(body)
				scale := ln.glue.expand(w-sum-n*sp, sum, n*sp)
				gaps = append(gaps, (w-sum*scale)/n/em)
				if scale < 1-expansion-1e-9 || scale > 1+expansion+1e-9 {
					t.Errorf("%s: glyphs scaled by %.4f", lang, scale)
				}
			}
		}
		slices.Sort(gaps)
		p95, mx := gaps[len(gaps)*95/100], gaps[len(gaps)-1]
		sp := l.space(body) / em
		t.Logf("%s: %d of %d paragraphs ragged; justified gaps p95 %.3f em, max %.3f em (space %.3f em); %d of %d lines hyphenated, %d twice in a row", lang, ragged, paras, p95, mx, sp, hyphens, len(gaps)+paras, pairs)
		allRagged += ragged
		allParas += paras
		// Nearly all lines within 1.4x of a space; none near a loose
		// line's 0.6 em.
		if p95 > 1.4*sp || mx > 0.45 {
			t.Errorf("%s: gaps p95 %.3f em, max %.3f em: want under %.3f and 0.45", lang, p95, mx, 1.4*sp)
		}
	}
	// Ragged only where no justified setting avoids a word alone on the
	// last line.
	if allRagged*20 > allParas {
		t.Errorf("%d of %d paragraphs ragged, want at most 1 in 20", allRagged, allParas)
	}
}

// readLong returns the paragraphs of testdata/long/lang.txt.
func readLong(t *testing.T, lang string) []string {
	f, err := os.Open(filepath.Join("testdata", "long", lang+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<16)
	for sc.Scan() {
		if s := sc.Text(); s != "" && !strings.HasPrefix(s, "#") {
			out = append(out, s)
		}
	}
	return out
}
