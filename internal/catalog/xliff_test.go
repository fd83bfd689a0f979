package catalog

import (
	"strings"
	"testing"
)

// XLIFF import, tried the ways a translation tool hands files back: each
// edit of an exported Dutch file gives counts, skips with reasons, or a
// refusal, and the catalog shows the result.
func TestXLIFFImport(t *testing.T) {
	set, cats := shipped(t)
	src := SourceMessages(set)
	c := cats["nl"]
	x := string(Export(src, c))
	const title = "<target>Verkoopmanager</target>"
	const count = `<target><ph id="1" disp="{{.Count}}" equiv="{{.Count}}"/> functieomschrijvingen</target>`
	if !strings.Contains(x, title) || !strings.Contains(x, count) {
		t.Fatalf("export lacks the units this test edits:\n%s", x)
	}
	tests := []struct {
		name     string
		old, new string
		imported int
		skipped  string // the reason of the one skipped unit
		refused  string // part of the error
		id, want string // the catalog's text afterwards
	}{
		{name: "translated", old: title, new: "<target>Manager verkoop</target>",
			imported: 1, id: "sales-manager.title", want: "Manager verkoop"},
		{name: "initial with new text", old: `<segment state="translated">
        <source>Sales Manager</source>
        <target>Verkoopmanager</target>`, new: `<segment state="initial">
        <source>Sales Manager</source>
        <target>Manager verkoop</target>`,
			skipped: `marked unfinished (state initial); mark it translated in your tool (by hand: set state="translated")`, id: "sales-manager.title", want: "Verkoopmanager"},
		{name: "vanished key", old: `<unit id="sales-manager.title">`, new: `<unit id="sales-manager.retitled">`,
			skipped: "no such message", id: "sales-manager.title", want: "Verkoopmanager"},
		{name: "code moved", old: count, new: `<target>functieomschrijvingen: <ph id="1"/></target>`,
			imported: 1, id: "ui.index.count", want: "functieomschrijvingen: {{.Count}}"},
		{name: "code typed as text", old: count, new: `<target>{{.Count}} functieomschrijvingen</target>`,
			id: "ui.index.count", want: "{{.Count}} functieomschrijvingen"},
		{name: "code dropped", old: count, new: `<target>functieomschrijvingen</target>`,
			refused: "ui.index.count#other: placeholders (none), the English has {{.Count}}"},
		{name: "code invented", old: count, new: `<target><ph id="2"/> functieomschrijvingen</target>`,
			refused: `<ph id="2"> is not one of the source's`},
		{name: "action renamed", old: count, new: `<target>{{.Aantal}} functieomschrijvingen</target>`,
			refused: "{{.Aantal}} is not a placeholder of the English"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			edited := strings.Replace(x, tc.old, tc.new, 1)
			im, err := Import([]byte(edited), src, c)
			if tc.refused != "" {
				if err == nil || !strings.Contains(err.Error(), tc.refused) {
					t.Fatalf("err = %v, want one naming %q", err, tc.refused)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if im.Imported != tc.imported {
				t.Errorf("%s, want imported %d", im.Summary(), tc.imported)
			}
			switch {
			case tc.skipped == "" && len(im.Skipped) > 0:
				t.Errorf("skipped %v", im.Skipped)
			case tc.skipped != "" && (len(im.Skipped) != 1 || !strings.Contains(im.Skipped[0].Reason, tc.skipped)):
				t.Errorf("skipped %v, want one for %q", im.Skipped, tc.skipped)
			}
			if total := im.Imported + im.Unchanged + len(im.Skipped); total != strings.Count(x, "<unit ") {
				t.Errorf("%s accounts for %d units, the file has %d", im.Summary(), total, strings.Count(x, "<unit "))
			}
			if got := im.Msgs[tc.id].Msg.Other; got != tc.want {
				t.Errorf("%s = %q, want %q", tc.id, got, tc.want)
			}
		})
	}
}

// A stale unit carries the English it was translated from, in a note.
func TestXLIFFPreviousNote(t *testing.T) {
	set, cats := shipped(t)
	r, _ := set.Role("sales-manager")
	before := r.Duties[0].Text
	r.Duties[0].Text += " Also at trade fairs."
	id := "sales-manager.duties." + r.Duties[0].ID
	c := cats["nl"]
	c.Msgs[id].Review = &Review{Previous: before, Was: fingerprint(c.Msgs[id].Msg)}
	x := string(Export(SourceMessages(set), c))
	unit := x[strings.Index(x, `<unit id="`+id+`">`):]
	unit = unit[:strings.Index(unit, "</unit>")]
	if !strings.Contains(unit, `<note category="previous">`+before+`</note>`) || !strings.Contains(unit, `state="initial"`) {
		t.Errorf("stale unit:\n%s", unit)
	}
}
