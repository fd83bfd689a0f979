package redline

import (
	"strings"
	"testing"
)

// render writes ops as [-deleted-]{+inserted+}, like git diff --word-diff.
func render(ops []Op) string {
	var b strings.Builder
	for _, op := range ops {
		switch op.Kind {
		case Del:
			b.WriteString("[-" + op.Text + "-]")
		case Ins:
			b.WriteString("{+" + op.Text + "+}")
		default:
			b.WriteString(op.Text)
		}
	}
	return b.String()
}

func TestWords(t *testing.T) {
	for _, tc := range []struct{ old, new, want string }{
		{"same text", "same text", "same text"},
		{"Holds commercial negotiations.", "Leads commercial negotiations.", "[-Holds-]{+Leads+} commercial negotiations."},
		{"Keeps records of sales.", "Keeps accurate records of sales.", "Keeps {+accurate +}records of sales."},
		{"Keeps accurate records.", "Keeps records.", "Keeps [-accurate -]records."},
		{"at least 3 per month", "at least 5 each month", "at least [-3 per-]{+5 each+} month"},
		{"", "New text.", "{+New text.+}"},
		{"Old text.", "", "[-Old text.-]"},
		{"يتفاوض مع العملاء.", "يتفاوض مع جميع العملاء.", "يتفاوض مع {+جميع +}العملاء."},
	} {
		ops := Words(tc.old, tc.new)
		if got := render(ops); got != tc.want {
			t.Errorf("Words(%q, %q) = %q, want %q", tc.old, tc.new, got, tc.want)
		}
		var oldB, newB strings.Builder
		for _, op := range ops {
			if op.Kind != Ins {
				oldB.WriteString(op.Text)
			}
			if op.Kind != Del {
				newB.WriteString(op.Text)
			}
		}
		if oldB.String() != tc.old || newB.String() != tc.new {
			t.Errorf("Words(%q, %q) does not rebuild both texts: %q, %q", tc.old, tc.new, oldB.String(), newB.String())
		}
	}
}

// FuzzWords checks that any two texts are rebuilt exactly from the ops.
func FuzzWords(f *testing.F) {
	f.Add("Holds commercial negotiations.", "Leads negotiations with customers.")
	f.Add("a  b\tc", "a b c")
	f.Fuzz(func(t *testing.T, old, new string) {
		var oldB, newB strings.Builder
		for _, op := range Words(old, new) {
			if op.Text == "" {
				t.Fatal("empty op")
			}
			if op.Kind != Ins {
				oldB.WriteString(op.Text)
			}
			if op.Kind != Del {
				newB.WriteString(op.Text)
			}
		}
		if oldB.String() != old || newB.String() != new {
			t.Fatalf("not rebuilt: %q %q", oldB.String(), newB.String())
		}
	})
}
