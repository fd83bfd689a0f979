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
	items := para("aaaa bbbb cccc dddd eeee ffff")
	lines := Break(items, 14, Params{Tolerance: 2, LinePenalty: 10})
	if got := words(items, lines[len(lines)-1]); got != 1 {
		t.Skipf("this set has no runt to avoid (last line holds %d words)", got)
	}
	n := len(items)
	runt := append([]Item{}, items[:n-4]...)
	runt = append(runt, Item{Kind: Penalty, Penalty: 5000})
	runt = append(runt, items[n-4:]...)
	lines = Break(runt, 14, Params{Tolerance: 2, LinePenalty: 10})
	if lines == nil {
		t.Fatal("no solution")
	}
	if got := words(runt, lines[len(lines)-1]); got < 2 {
		t.Errorf("last line holds %d words despite the penalty", got)
	}
}

func TestHyphenWidthCounts(t *testing.T) {
	// "abcdef" may break as "abc-" "def".
	items := []Item{
		{Kind: Box, Width: 5}, {Kind: Glue, Width: 1, Stretch: 0.5, Shrink: 0.25},
		{Kind: Box, Width: 3}, {Kind: Penalty, Width: 1, Penalty: 50, Flagged: true}, {Kind: Box, Width: 3},
		{Kind: Glue, Stretch: 1e6}, {Kind: Penalty, Penalty: -Infinity},
	}
	lines := Break(items, 10, Default)
	if len(lines) != 2 || lines[0].End != 3 {
		t.Fatalf("got %+v, want a break at the hyphen", lines)
	}
	if math.Abs(lines[0].Ratio) > 1e-9 {
		t.Errorf("first line ratio %.3f, want 0 (5+1+3+1 = 10)", lines[0].Ratio)
	}
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
