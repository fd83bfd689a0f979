package html

import (
	"bytes"
	"strings"
	"testing"

	"github.com/roledoc/roledoc/internal/fixture"
	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A recorded approval replaces the approval block's lines to sign; the
// other blocks keep theirs.
func TestRecordedApproval(t *testing.T) {
	r := renderer(t)
	d := fixture.Documents(t, "sales-manager")["nl"]
	for _, recorded := range []string{"", "Vastgesteld door Jane Doe op 5 maart 2026 (versie 1.1)"} {
		d.Approval.Recorded = recorded
		root, err := xhtml.Parse(bytes.NewReader(render(t, r, d)))
		if err != nil {
			t.Fatal(err)
		}
		var block *xhtml.Node
		for _, s := range find(root, atom.Section) {
			if attr(s, "aria-labelledby") == "approval" {
				block = s
			}
		}
		if block == nil {
			t.Fatal("no approval block")
		}
		var text strings.Builder
		walk(block, func(n *xhtml.Node) {
			if n.Type == xhtml.TextNode {
				text.WriteString(n.Data)
			}
		})
		lines := len(find(block, atom.Dl))
		switch {
		case recorded == "" && lines != 1:
			t.Errorf("no approval recorded: %d lists of lines to sign, want 1", lines)
		case recorded != "" && (lines != 0 || !strings.Contains(text.String(), recorded)):
			t.Errorf("approval recorded: %d lists of lines, text %q", lines, text.String())
		}
	}
}
