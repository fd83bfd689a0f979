package change

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// WriteJSON writes changes as one JSON array, empty when there are none.
func WriteJSON(w io.Writer, cs []Change) error {
	if cs == nil {
		cs = []Change{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(cs)
}

// WriteText writes changes for a terminal or a pull-request comment: a
// heading per role, then per change its language, path and kind, with the
// old text after "-" and the new after "+" (a stale translation, which did
// not change, after "=").
func WriteText(w io.Writer, cs []Change) error {
	var b strings.Builder
	role := ""
	for i, c := range cs {
		if c.Role != role || i == 0 {
			if i > 0 {
				b.WriteString("\n")
			}
			role = c.Role
			b.WriteString(role + "\n")
		}
		path := c.Path
		if path == "" {
			path = "(role)"
		}
		fmt.Fprintf(&b, "  %s %s: %s", c.Lang, path, c.Kind)
		switch c.Kind {
		case Moved:
			fmt.Fprintf(&b, " from %s to %s\n", c.Old, c.New)
			continue
		case Stale:
			b.WriteString(" (the English changed; the translation did not)\n")
			line(&b, "=", c.New)
			continue
		case Missing:
			b.WriteString(" (no translation; the English is shown)\n")
		default:
			b.WriteString("\n")
		}
		if c.Old != "" {
			line(&b, "-", c.Old)
		}
		if c.New != "" {
			line(&b, "+", c.New)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// line writes text after a marker, indenting continuation lines.
func line(b *strings.Builder, mark, text string) {
	b.WriteString("    " + mark + " " + strings.ReplaceAll(text, "\n", "\n      ") + "\n")
}
