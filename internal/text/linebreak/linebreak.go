// Package linebreak owns total-fit paragraph breaking: Knuth and Plass's
// algorithm, which chooses all of a paragraph's line breaks together so
// that the spaces of every line stay close to their natural width.
package linebreak

import "math"

// Kind is what an item of a paragraph is.
type Kind uint8

const (
	// Box is something drawn: a word or part of a word.
	Box Kind = iota
	// Glue is a space that can stretch and shrink; a line may break at
	// glue that follows a box, and the glue then disappears.
	Glue
	// Penalty is a possible break with a cost, such as a hyphen, which
	// has Width only when the line breaks there.
	Penalty
)

// Infinity as a penalty forbids a break; minus Infinity forces one.
const Infinity = 10000

// Item is one element of a paragraph.
type Item struct {
	Kind            Kind
	Width           float64
	Stretch, Shrink float64 // for glue
	Penalty         float64 // for penalties
	Flagged         bool    // a hyphen: two flagged breaks in a row cost more
}

// Params tune the breaking.
type Params struct {
	// Tolerance is the largest adjustment ratio allowed: 1 lets glue
	// stretch by its whole Stretch.
	Tolerance float64
	// LinePenalty is added to every line's badness, so fewer lines win.
	LinePenalty float64
	// FlaggedDemerits is charged for two flagged breaks in a row
	// (hyphens ending consecutive lines).
	FlaggedDemerits float64
	// FitnessDemerits is charged when a line's tightness differs much from
	// the line's before it.
	FitnessDemerits float64
}

// Default is TeX's choice of parameters, with hyphens on consecutive lines
// made as costly as TeX's \doublehyphendemerits.
var Default = Params{Tolerance: 1, LinePenalty: 10, FlaggedDemerits: 10000, FitnessDemerits: 10000}

// Line is one line of the result: the items [Start, End) and how far its
// glue stretches (positive) or shrinks (negative), as a share of its
// Stretch or Shrink. End is the break item itself: glue there is dropped,
// a penalty there contributes its Width (the hyphen).
type Line struct {
	Start, End int
	Ratio      float64
}

type node struct {
	pos, line, fitness int
	width, stretch     float64 // totals of the items before the line's start
	shrink, demerits   float64
	prev               *node
}

// Break returns the lines with the fewest total demerits in which no line's
// ratio exceeds p.Tolerance nor shrinks below -1, or nil when there is no
// such set of lines. The paragraph must end with a forced break.
func Break(items []Item, width float64, p Params) []Line {
	n := len(items)
	sumW := make([]float64, n+1)
	sumY := make([]float64, n+1)
	sumZ := make([]float64, n+1)
	for i, it := range items {
		sumW[i+1], sumY[i+1], sumZ[i+1] = sumW[i], sumY[i], sumZ[i]
		if it.Kind != Penalty {
			sumW[i+1] += it.Width
		}
		if it.Kind == Glue {
			sumY[i+1] += it.Stretch
			sumZ[i+1] += it.Shrink
		}
	}
	active := []*node{{fitness: 1}}
	for b, it := range items {
		legal := false
		switch it.Kind {
		case Glue:
			legal = b > 0 && items[b-1].Kind == Box
		case Penalty:
			legal = it.Penalty < Infinity
		}
		if !legal {
			continue
		}
		var best [4]*node
		next := active[:0:0]
		for _, a := range active {
			w := sumW[b] - a.width
			if it.Kind == Penalty {
				w += it.Width
			}
			r := ratio(w, width, sumY[b]-a.stretch, sumZ[b]-a.shrink)
			forced := it.Kind == Penalty && it.Penalty <= -Infinity
			if r >= -1 && !forced {
				next = append(next, a)
			}
			if r < -1 || r > p.Tolerance {
				continue
			}
			d := demerits(r, it, items, a, p)
			fit := fitness(r)
			if abs(fit-a.fitness) > 1 {
				d += p.FitnessDemerits
			}
			d += a.demerits
			if best[fit] == nil || d < best[fit].demerits {
				best[fit] = &node{pos: b, line: a.line + 1, fitness: fit, demerits: d, prev: a}
			}
		}
		tw, ty, tz := after(items, b, sumW, sumY, sumZ)
		for _, nd := range best {
			if nd != nil {
				nd.width, nd.stretch, nd.shrink = tw, ty, tz
				next = append(next, nd)
			}
		}
		active = next
		if len(active) == 0 {
			return nil
		}
	}
	var last *node
	for _, a := range active {
		if a.pos == n-1 && (last == nil || a.demerits < last.demerits) {
			last = a
		}
	}
	if last == nil || last.prev == nil {
		return nil
	}
	lines := make([]Line, last.line)
	for nd := last; nd.prev != nil; nd = nd.prev {
		start := 0 // the paragraph's start
		if nd.prev.prev != nil {
			start = skip(items, nd.prev.pos)
		}
		w := sumW[nd.pos] - sumW[start]
		if items[nd.pos].Kind == Penalty {
			w += items[nd.pos].Width
		}
		r := ratio(w, width, sumY[nd.pos]-sumY[start], sumZ[nd.pos]-sumZ[start])
		lines[nd.line-1] = Line{Start: start, End: nd.pos, Ratio: r}
	}
	return lines
}

// ratio is how far a line of natural width w must stretch or shrink to fill
// width.
func ratio(w, width, stretch, shrink float64) float64 {
	switch {
	case w < width && stretch > 0:
		return (width - w) / stretch
	case w < width:
		return math.Inf(1)
	case w > width && shrink > 0:
		return (width - w) / shrink
	case w > width:
		return math.Inf(-1)
	}
	return 0
}

func demerits(r float64, it Item, items []Item, a *node, p Params) float64 {
	bad := 100 * math.Pow(math.Abs(r), 3)
	d := math.Pow(p.LinePenalty+bad, 2)
	if it.Kind == Penalty {
		switch {
		case it.Penalty >= 0:
			d += it.Penalty * it.Penalty
		case it.Penalty > -Infinity:
			d -= it.Penalty * it.Penalty
		}
		if it.Flagged && a.pos > 0 && items[a.pos].Kind == Penalty && items[a.pos].Flagged {
			d += p.FlaggedDemerits
		}
	}
	return d
}

// fitness classes: tight, decent, loose, very loose.
func fitness(r float64) int {
	switch {
	case r < -0.5:
		return 0
	case r <= 0.5:
		return 1
	case r <= 1:
		return 2
	}
	return 3
}

// after returns the totals from the paragraph's start to where a line that
// begins after a break at b starts: the glue and penalties after the break
// are discarded.
func after(items []Item, b int, sumW, sumY, sumZ []float64) (w, y, z float64) {
	i := skip(items, b)
	return sumW[i], sumY[i], sumZ[i]
}

// skip returns the first item a line starting after a break at b draws.
func skip(items []Item, b int) int {
	i := b
	if items[b].Kind != Box {
		i = b + 1
	}
	for i < len(items) && items[i].Kind != Box {
		if items[i].Kind == Penalty && items[i].Penalty <= -Infinity && i > b {
			break
		}
		i++
	}
	return i
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
