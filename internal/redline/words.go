// Package redline owns showing changes to approvers: a word-level
// comparison of two texts, and the redline as an HTML page and as a
// document for the PDF renderer.
package redline

import (
	"regexp"
)

// Op is a run of text that both versions share, or that only the old
// (Del) or only the new (Ins) has.
type Op struct {
	Kind OpKind
	Text string
}

// OpKind says which version a run belongs to.
type OpKind int

const (
	Equal OpKind = iota
	Del
	Ins
)

var tokenRE = regexp.MustCompile(`\s+|[^\s]+`)

// maxCells bounds the comparison table; texts beyond it (two of the
// longest items, about 700 words each, are well inside) are shown as one
// deletion and one insertion.
const maxCells = 4 << 20

// Words compares two texts word by word: the longest common sequence of
// words and spaces stays, the rest is deleted or inserted. Adjacent runs
// of one kind are merged, so a changed phrase reads as one deletion and
// one insertion.
func Words(old, new string) []Op {
	a, b := tokenRE.FindAllString(old, -1), tokenRE.FindAllString(new, -1)
	if len(a)*len(b) > maxCells {
		return merge([]Op{{Del, old}, {Ins, new}})
	}
	// lcs[i][j] is the length of the longest common subsequence of a[i:]
	// and b[j:].
	lcs := make([][]int32, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int32, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var ops []Op
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			ops = append(ops, Op{Equal, a[i]})
			i++
			j++
		case j < len(b) && (i == len(a) || lcs[i][j+1] >= lcs[i+1][j]):
			ops = append(ops, Op{Ins, b[j]})
			j++
		default:
			ops = append(ops, Op{Del, a[i]})
			i++
		}
	}
	return merge(ops)
}

// merge joins adjacent runs of one kind and drops empty ones. A single
// space between two changes joins them too, so "a b" → "c d" reads as
// one deletion and one insertion rather than a patchwork.
func merge(ops []Op) []Op {
	var out []Op
	for k, op := range ops {
		if op.Text == "" {
			continue
		}
		if op.Kind == Equal && isSpace(op.Text) && k > 0 && k < len(ops)-1 && ops[k-1].Kind != Equal && ops[k+1].Kind != Equal {
			out = appendOp(out, Op{Del, op.Text})
			out = appendOp(out, Op{Ins, op.Text})
			continue
		}
		out = appendOp(out, op)
	}
	return regroup(out)
}

func appendOp(ops []Op, op Op) []Op {
	if n := len(ops); n > 0 && ops[n-1].Kind == op.Kind {
		ops[n-1].Text += op.Text
		return ops
	}
	return append(ops, op)
}

// regroup orders each stretch between equal runs as one deletion, then one
// insertion.
func regroup(ops []Op) []Op {
	var out []Op
	var del, ins string
	flush := func() {
		if del != "" {
			out = append(out, Op{Del, del})
		}
		if ins != "" {
			out = append(out, Op{Ins, ins})
		}
		del, ins = "", ""
	}
	for _, op := range ops {
		switch op.Kind {
		case Del:
			del += op.Text
		case Ins:
			ins += op.Text
		default:
			flush()
			out = append(out, op)
		}
	}
	flush()
	return out
}

func isSpace(s string) bool {
	for _, r := range s {
		if r != ' ' && r != '\t' && r != '\n' {
			return false
		}
	}
	return true
}
