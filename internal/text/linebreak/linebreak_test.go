package linebreak

import (
	"math"
	"strings"
	"testing"
)

// para makes a paragraph of words with one unit a letter and spaces of
// width 1 that stretch by 0.5 and shrink by 0.25.
func para(text string) []Item {
	var items []Item
	for i, w := range strings.Fields(text) {
		if i > 0 {
			items = append(items, Item{Kind: Glue, Width: 1, Stretch: 0.5, Shrink: 0.25})
		}
		items = append(items, Item{Kind: Box, Width: float64(len(w))})
	}
	return append(items, Item{Kind: Glue, Stretch: 1e6}, Item{Kind: Penalty, Penalty: -Infinity})
}

func words(items []Item, ln Line) int {
	n := 0
	for _, it := range items[ln.Start:ln.End] {
		if it.Kind == Box {
			n++
		}
	}
	return n
}

func TestBreakFitsEveryLine(t *testing.T) {
	items := para("aaa bb cccc d eeeee ff ggg hhhh i jj kkk llllll m nn ooo pppp")
	lines := Break(items, 18, Default)
	if lines == nil {
		t.Fatal("no solution")
	}
	total := 0
	for i, ln := range lines {
		if i < len(lines)-1 && (ln.Ratio < -1 || ln.Ratio > 1) {
			t.Errorf("line %d: ratio %.2f outside the tolerance", i, ln.Ratio)
		}
		total += words(items, ln)
	}
	if total != 16 {
		t.Errorf("lines hold %d words, want 16", total)
	}
	if last := lines[len(lines)-1]; last.End != len(items)-1 {
		t.Errorf("last line ends at %d, want the forced break", last.End)
	}
}

func TestBreakInfeasible(t *testing.T) {
	if lines := Break(para("aaaaaaaaaaaaaaaaaaaa b"), 8, Default); lines != nil {
		t.Errorf("a word wider than the line was set: %v", lines)
	}
}

// A costly penalty before the last word keeps it off a line of its own when
// another set of breaks exists.
func TestBreakPenaltyAvoidsRunt(t *testing.T) {
	for _, tc := range []struct {
		text  string
		width float64
	}{
		{"aaa bb cccc d eeeee ff ggg hhhh i jj kkk llllll m nn ooo pppp q", 19},
		{"aaa bb cccc d eeeee ff ggg hhhh i jj kkk llllll m nn ooo pppp q", 21},
		{"aaaa bb ccc dddd ee fff gggg hh iii j", 17},
	} {
		items := para(tc.text)
		p := Params{Tolerance: 2, LinePenalty: 10}
		// Without the penalty the best breaks leave the last word alone.
		lines := Break(items, tc.width, p)
		if got := words(items, lines[len(lines)-1]); got != 1 {
			t.Fatalf("%q at %v: last line holds %d words without the penalty, want a runt", tc.text, tc.width, got)
		}
		n := len(items)
		runt := append([]Item{}, items[:n-4]...)
		runt = append(runt, Item{Kind: Penalty, Penalty: 5000})
		runt = append(runt, items[n-4:]...)
		lines = Break(runt, tc.width, p)
		if lines == nil {
			t.Fatal("no solution")
		}
		if got := words(runt, lines[len(lines)-1]); got < 2 {
			t.Errorf("%q at %v: last line holds %d words despite the penalty", tc.text, tc.width, got)
		}
	}
}

// Two hyphens ending consecutive lines cost FlaggedDemerits: a paragraph
// whose cheapest breaks are two hyphens in a row takes another set of
// breaks once they do.
func TestBreakFlaggedDemerits(t *testing.T) {
	for _, tc := range []struct {
		seed  int
		width float64
	}{{1, 25}, {4, 24}, {10, 29}, {11, 28}} {
		items := hyphenated(tc.seed)
		free := Break(items, tc.width, Params{Tolerance: 3, LinePenalty: 10})
		costly := Break(items, tc.width, Params{Tolerance: 3, LinePenalty: 10, FlaggedDemerits: 1e7})
		if free == nil || costly == nil {
			t.Fatalf("seed %d at %v: no solution", tc.seed, tc.width)
		}
		if pairs(items, free) == 0 {
			t.Fatalf("seed %d at %v: no two hyphens in a row even without the demerits", tc.seed, tc.width)
		}
		if got, was := pairs(items, costly), pairs(items, free); got >= was {
			t.Errorf("seed %d at %v: %d hyphens in a row with the demerits, %d without", tc.seed, tc.width, got, was)
		}
	}
}

// hyphenated is a paragraph of words of 2 to 9 letters, each of which may
// break after its second letter.
func hyphenated(seed int) []Item {
	var items []Item
	x := uint32(seed)
	for i := range 30 {
		x = x*1664525 + 1013904223
		n := float64(2 + x>>28%8)
		if i > 0 {
			items = append(items, Item{Kind: Glue, Width: 1, Stretch: 0.5, Shrink: 0.25})
		}
		items = append(items, Item{Kind: Box, Width: 2}, Item{Kind: Penalty, Width: 1, Flagged: true}, Item{Kind: Box, Width: n})
	}
	return append(items, Item{Kind: Glue, Stretch: 1e6}, Item{Kind: Penalty, Penalty: -Infinity})
}

// pairs counts lines ending in a hyphen right after a line that does.
func pairs(items []Item, lines []Line) int {
	n := 0
	for i := 1; i < len(lines); i++ {
		if items[lines[i-1].End].Flagged && items[lines[i].End].Flagged {
			n++
		}
	}
	return n
}

func FuzzBreak(f *testing.F) {
	f.Add("aaa bb cccc d eeeee ff ggg", 10.0)
	f.Fuzz(func(t *testing.T, text string, width float64) {
		if width <= 0 || width > 1e6 || math.IsNaN(width) {
			return
		}
		items := para(text)
		for _, ln := range Break(items, width, Default) {
			if ln.Start > ln.End || ln.End >= len(items) {
				t.Fatalf("bad line %+v", ln)
			}
		}
	})
}
