package catalog

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Export and import of an unchanged PO file changes nothing, and exports
// again to the same bytes.
func TestPORoundTrip(t *testing.T) {
	set, cats := shipped(t)
	src := SourceMessages(set)
	for tag, c := range cats {
		po := ExportPO(src, c)
		im, err := ImportPO(po, src, c)
		if err != nil {
			t.Fatalf("%s: %v", tag, err)
		}
		if im.Imported != 0 || len(im.Skipped) != 0 || im.Unchanged != len(src) {
			t.Errorf("%s: an unchanged export imports as %s of %d messages", tag, im.Summary(), len(src))
		}
		back := &Catalog{Lang: c.Lang, Dir: c.Dir, Msgs: im.Msgs}
		for name, data := range Merged(src, back) {
			if want := Merged(src, c)[name]; !bytes.Equal(data, want) {
				t.Errorf("%s/%s changed after export and import", tag, name)
			}
		}
		if again := ExportPO(src, back); !bytes.Equal(again, po) {
			t.Errorf("%s: second export differs", tag)
		}
	}
}

// GNU gettext accepts every language's export, plural forms included.
func TestPOMsgfmt(t *testing.T) {
	if _, err := exec.LookPath("msgfmt"); err != nil {
		t.Skip("msgfmt (GNU gettext) is not installed")
	}
	set, cats := shipped(t)
	src := SourceMessages(set)
	for _, c := range cats {
		msgfmt(t, string(ExportPO(src, c)))
	}
}

// msgfmt checks a PO file with GNU gettext, when it is installed.
func msgfmt(t *testing.T, po string) {
	t.Helper()
	if _, err := exec.LookPath("msgfmt"); err != nil {
		t.Log("msgfmt (GNU gettext) is not installed: PO file not checked")
		return
	}
	p := filepath.Join(t.TempDir(), "check.po")
	if err := os.WriteFile(p, []byte(po), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("msgfmt", "--check", "--statistics", "-o", os.DevNull, p).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "translated messages") || strings.Contains(string(out), "warning") {
		t.Errorf("msgfmt --check: %v\n%s", err, out)
	}
}

// A translator's edits in a PO file, as Poedit or Weblate return them.
func TestPOImport(t *testing.T) {
	set, cats := shipped(t)
	r, _ := set.Role("sales-manager")
	before := r.Duties[0].Text
	r.Duties[0].Text += " Also at trade fairs."
	staleID := "sales-manager.duties." + r.Duties[0].ID
	src := SourceMessages(set)
	c := cats["nl"]
	// As merge marks it: the English it was translated from kept beside it.
	c.Msgs[staleID].Review = &Review{Previous: before, Was: fingerprint(c.Msgs[staleID].Msg)}
	po := string(ExportPO(src, c))
	stale := entryOf(t, po, staleID)
	if !strings.Contains(stale, "#, fuzzy\n#| msgid \""+before+"\"\nmsgctxt") {
		t.Fatalf("the stale entry is not fuzzy with its previous English:\n%s", stale)
	}
	msgfmt(t, po)
	title := entryOf(t, po, "sales-manager.title")
	count := entryOf(t, po, "ui.index.count")
	tests := []struct {
		name, old, new string
		imported       int
		skipped        string
		refused        string
		id, want       string
	}{
		{name: "translated", old: title, new: strings.Replace(title, `msgstr "Verkoopmanager"`, `msgstr "Manager verkoop"`, 1),
			imported: 1, id: "sales-manager.title", want: "Manager verkoop"},
		{name: "fuzzy with new text", old: title, new: strings.Replace(title, `msgstr "Verkoopmanager"`, "#, fuzzy\nmsgstr \"Manager verkoop\"", 1),
			skipped: "marked unfinished (fuzzy); mark it translated in your tool (by hand: delete the #, fuzzy line)", id: "sales-manager.title", want: "Verkoopmanager"},
		{name: "stale confirmed", old: stale, new: strings.Replace(stale, "#, fuzzy\n", "", 1),
			imported: 1},
		{name: "vanished key", old: title, new: strings.Replace(title, `msgctxt "sales-manager.title"`, `msgctxt "sales-manager.retitled"`, 1),
			skipped: "no such message", id: "sales-manager.title", want: "Verkoopmanager"},
		{name: "English changed since", old: title, new: strings.Replace(strings.Replace(title, `msgid "Sales Manager"`, `msgid "Sales Lead"`, 1), `msgstr "Verkoopmanager"`, `msgstr "Verkoopleider"`, 1),
			skipped: "the English changed", id: "sales-manager.title", want: "Verkoopmanager"},
		{name: "plural", old: count, new: strings.Replace(count, `msgstr[1] "{{.Count}} functieomschrijvingen"`, `msgstr[1] "{{.Count}} omschrijvingen"`, 1),
			imported: 1, id: "ui.index.count", want: "{{.Count}} omschrijvingen"},
		{name: "placeholder dropped", old: count, new: strings.Replace(count, `msgstr[1] "{{.Count}} functieomschrijvingen"`, `msgstr[1] "functieomschrijvingen"`, 1),
			refused: "ui.index.count: placeholders (none), the English has {{.Count}}"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.new == tc.old {
				t.Fatal("the edit changes nothing")
			}
			im, err := ImportPO([]byte(strings.Replace(po, tc.old, tc.new, 1)), src, c)
			if tc.refused != "" {
				if err == nil || !strings.Contains(err.Error(), tc.refused) {
					t.Fatalf("err = %v, want one naming %q", err, tc.refused)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if im.Imported != tc.imported || im.Imported+im.Unchanged+len(im.Skipped) != len(src) {
				t.Errorf("%s of %d entries, want imported %d", im.Summary(), len(src), tc.imported)
			}
			switch {
			case tc.skipped == "" && len(im.Skipped) > 0:
				t.Errorf("skipped %v", im.Skipped)
			case tc.skipped != "" && (len(im.Skipped) != 1 || !strings.Contains(im.Skipped[0].Reason, tc.skipped)):
				t.Errorf("skipped %v, want one for %q", im.Skipped, tc.skipped)
			}
			if tc.id != "" {
				if got := im.Msgs[tc.id].Msg.Other; got != tc.want {
					t.Errorf("%s = %q, want %q", tc.id, got, tc.want)
				}
			}
			back := &Catalog{Lang: c.Lang, Msgs: im.Msgs}
			st := StateOf(Index(src)[staleID], back.Msgs[staleID])
			if want := map[bool]State{true: Translated, false: Stale}[tc.name == "stale confirmed"]; st != want {
				t.Errorf("%s is in state %d, want %d", staleID, st, want)
			}
		})
	}
}

// entryOf returns the PO entry of a key, from its first comment to its
// last msgstr.
func entryOf(t *testing.T, po, key string) string {
	t.Helper()
	for e := range strings.SplitSeq(po, "\n\n") {
		if strings.Contains(e, "msgctxt \""+key+"\"\n") {
			return e
		}
	}
	t.Fatalf("no entry for %s", key)
	return ""
}

// Arabic's plural message has its six forms, in CLDR order.
func TestPOArabicPlural(t *testing.T) {
	set, cats := shipped(t)
	src := SourceMessages(set)
	e := entryOf(t, string(ExportPO(src, cats["ar"])), "ui.experience")
	var strs []string
	for l := range strings.SplitSeq(e, "\n") {
		if strings.HasPrefix(l, "msgstr[") {
			strs = append(strs, l)
		}
	}
	want := []string{"غير مشترطة", "سنة واحدة", "سنتين", "{{.Count}} سنوات", "{{.Count}} سنة", "{{.Count}} سنة"}
	if len(strs) != len(want) {
		t.Fatalf("%d forms, want %d:\n%s", len(strs), len(want), e)
	}
	for i, w := range want {
		if !strings.HasPrefix(strs[i], fmt.Sprintf("msgstr[%d] ", i)) || !strings.Contains(strs[i], w) {
			t.Errorf("form %d is %s, want one with %q", i, strs[i], w)
		}
	}
}
