package cli

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/roledoc/roledoc/internal/change"
	"github.com/roledoc/roledoc/internal/fixture"
	"github.com/roledoc/roledoc/internal/testtool"
	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

var update = flag.Bool("update", false, "rewrite golden files")

// editedRepo commits the shipped project and then, uncommitted: changes,
// adds, removes and moves duties, changes a reference, bumps the version,
// rewords a Dutch translation and (by changing its English) leaves the
// translations of another duty stale.
func editedRepo(t *testing.T) string {
	dir := fixture.Repo(t, "")
	fixture.Edit(t, dir, salesManager, "Holds commercial negotiations", "Leads commercial negotiations")
	fixture.Edit(t, dir, salesManager, "  - id: projects\n    text: Takes part in projects related to the work of the sales department.\n",
		"  - id: travel\n    text: Travels to customers when a deal needs it.\n")
	fixture.Edit(t, dir, salesManager, "  - id: find-clients\n    text: Searches for potential customers and builds a pipeline of new business.\n", "")
	fixture.Edit(t, dir, salesManager, "  - id: travel\n", "  - id: find-clients\n    text: Searches for potential customers and builds a pipeline of new business.\n  - id: travel\n")
	fixture.Edit(t, dir, salesManager, "substitute: senior-sales-executive", "substitute: account-manager")
	fixture.Edit(t, dir, salesManager, `version: "1.0"`, `version: "1.1"`)
	fixture.Edit(t, dir, "locales/nl/roles/sales-manager.yaml", "other: Neemt klantorders aan, verwerkt ze", "other: Neemt bestellingen van klanten aan, verwerkt ze")
	return dir
}

func TestDiffFormats(t *testing.T) {
	dir := editedRepo(t)
	for _, format := range []string{"text", "json", "html"} {
		t.Run(format, func(t *testing.T) {
			code, out, errOut := run(t, dir, false, "diff", "--format", format, "--lang", "en,nl,ar")
			if code != ExitProblems {
				t.Fatalf("exit %d, want %d: %s", code, ExitProblems, errOut)
			}
			golden(t, filepath.Join("testdata", "diff."+format), []byte(out))
		})
	}
}

// TestDiffJSON checks each kind of change where it must be.
func TestDiffJSON(t *testing.T) {
	dir := editedRepo(t)
	_, out, _ := run(t, dir, false, "diff", "--format", "json")
	var cs []change.Change
	if err := json.Unmarshal([]byte(out), &cs); err != nil {
		t.Fatal(err)
	}
	has := func(lang, path string, kind change.Kind, old, new string) {
		t.Helper()
		if !slices.ContainsFunc(cs, func(c change.Change) bool {
			return c.Role == "sales-manager" && c.Lang == lang && c.Path == path && c.Kind == kind &&
				strings.HasPrefix(c.Old, old) && strings.HasPrefix(c.New, new)
		}) {
			t.Errorf("no %s %s %s %q→%q in:\n%s", lang, path, kind, old, new, out)
		}
	}
	has("en", "duties.negotiate", change.Changed, "Holds commercial", "Leads commercial")
	has("en", "duties.travel", change.Added, "", "Travels to customers")
	has("en", "duties.projects", change.Removed, "Takes part in projects", "")
	has("en", "duties.find-clients", change.Moved, "1", "11")
	has("en", "substitute", change.Changed, "senior-sales-executive", "account-manager")
	has("nl", "duties.orders", change.Changed, "Neemt klantorders aan", "Neemt bestellingen van klanten aan")
	has("nl", "duties.negotiate", change.Stale, "Voert commerciële", "Voert commerciële")
	has("ar", "duties.travel", change.Missing, "", "Travels to customers")
	for _, c := range cs {
		if c.Lang != "en" && c.Structural() {
			t.Errorf("structural change outside English: %+v", c)
		}
		if c.Kind == change.Moved && c.Path != "duties.find-clients" {
			t.Errorf("only find-clients moved, yet %s is reported moved", c.Path)
		}
	}
}

func TestDiffHTMLRedline(t *testing.T) {
	dir := editedRepo(t)
	_, out, _ := run(t, dir, false, "diff", "--format", "html", "--lang", "nl,ar")
	root, err := xhtml.Parse(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	pages := map[string]*xhtml.Node{}
	walk(root, func(n *xhtml.Node) {
		if n.DataAtom == atom.Section && attr(n, "class") == "page" {
			pages[attr(n, "lang")] = n
			if want := map[string]string{"nl": "ltr", "ar": "rtl"}[attr(n, "lang")]; attr(n, "dir") != want {
				t.Errorf("page %s has dir %q, want %q", attr(n, "lang"), attr(n, "dir"), want)
			}
		}
	})
	if len(pages) != 2 {
		t.Fatalf("pages for %v, want nl and ar", pages)
	}
	text := func(n *xhtml.Node, a atom.Atom) []string {
		var out []string
		for _, m := range find(n, a) {
			var b strings.Builder
			walk(m, func(c *xhtml.Node) {
				if c.Type == xhtml.TextNode {
					b.WriteString(c.Data)
				}
			})
			out = append(out, b.String())
		}
		return out
	}
	// The Dutch translation changed a few words: only those are marked.
	if del, ins := text(pages["nl"], atom.Del), text(pages["nl"], atom.Ins); !slices.Contains(del, "klantorders") || !slices.Contains(ins, "bestellingen van klanten") {
		t.Errorf("nl redline: del %q, ins %q", del, ins)
	}
	// The reference changed in English shows on the Arabic page too.
	if del := text(pages["ar"], atom.Del); !slices.Contains(del, "senior-sales-executive") {
		t.Errorf("ar redline lacks the substitute change: del %q", del)
	}
}

func TestDiffPDFReadsBack(t *testing.T) {
	dir := editedRepo(t)
	code, out, _ := run(t, dir, false, "diff", "--format", "pdf", "--lang", "en,ar")
	if code != ExitProblems || !strings.HasPrefix(out, "%PDF-") {
		t.Fatalf("exit %d, %.20q", code, out)
	}
	pdf := filepath.Join(t.TempDir(), "redline.pdf")
	if err := os.WriteFile(pdf, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := runTool(t, "pdftotext", pdf, "-")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Duty negotiate: changed", "Was: Holds commercial negotiations", "Now: Leads commercial negotiations", "Signature"} {
		if !strings.Contains(got, want) {
			t.Errorf("PDF text lacks %q:\n%s", want, got)
		}
	}
	_, again, _ := run(t, dir, false, "diff", "--format", "pdf", "--lang", "en,ar")
	if again != out {
		t.Error("the same comparison gave different PDF bytes")
	}
}

func TestDiffExitCodesAndFilters(t *testing.T) {
	dir := fixture.Repo(t, "")
	for _, tc := range []struct {
		args []string
		want int
	}{
		{[]string{"diff"}, ExitOK},
		{[]string{"diff", "HEAD", "--format", "json"}, ExitOK},
		{[]string{"diff", "--format", "xml"}, ExitUsage},
		{[]string{"diff", "--lang", "xx"}, ExitUsage},
		{[]string{"diff", "--role", "nobody"}, ExitUsage},
		{[]string{"diff", "no-such-rev"}, ExitUsage},
		{[]string{"diff", "HEAD", "HEAD"}, ExitUsage},
	} {
		if code, out, errOut := run(t, dir, false, tc.args...); code != tc.want {
			t.Errorf("%q: exit %d, want %d\n%s%s", tc.args, code, tc.want, out, errOut)
		}
	}
	if _, out, _ := run(t, dir, false, "diff", "--format", "json"); strings.TrimSpace(out) != "[]" {
		t.Errorf("no changes gave %q, want []", out)
	}
	fixture.Edit(t, dir, salesManager, "Holds commercial negotiations", "Leads commercial negotiations")
	if code, out, _ := run(t, dir, false, "diff", "--role", "account-manager"); code != ExitOK || out != "" {
		t.Errorf("--role of an unchanged role: exit %d, %q", code, out)
	}
	if code, _, _ := run(t, dir, false, "diff", "--role", "sales-manager", "--lang", "en"); code != ExitProblems {
		t.Errorf("--role of a changed role: exit %d", code)
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(name, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(name)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/cli -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (run go test ./internal/cli -update to refresh); got:\n%s", name, got)
	}
}

func walk(n *xhtml.Node, f func(*xhtml.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

func find(root *xhtml.Node, a atom.Atom) []*xhtml.Node {
	var out []*xhtml.Node
	walk(root, func(n *xhtml.Node) {
		if n.DataAtom == a {
			out = append(out, n)
		}
	})
	return out
}

func attr(n *xhtml.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func runTool(t *testing.T, name string, args ...string) (string, error) {
	t.Helper()
	bin := testtool.Need(t, name)
	out, err := exec.Command(bin, args...).Output()
	return string(out), err
}

func TestDiffSummaryDraftsHistory(t *testing.T) {
	dir := editedRepo(t)
	code, out, errOut := run(t, dir, false, "diff", "--summary")
	if code != ExitProblems {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	want := "history:\n  - version: \"1.1\"\n    date: " + time.Now().Format(time.DateOnly) +
		"\n    summary: Changed substitute and duty negotiate; added duty travel; removed duty projects; moved duty find-clients.\n"
	if !strings.HasSuffix(out, want) || !strings.HasPrefix(out, "# ") {
		t.Errorf("got:\n%s\nwant a comment naming the file, then:\n%s", out, want)
	}
}

// The HTML redline prints: headless Chromium's PDF of it holds a page per
// role and language, with the deleted and inserted words as text.
func TestDiffHTMLPrints(t *testing.T) {
	dir := editedRepo(t)
	_, out, _ := run(t, dir, false, "diff", "--format", "html", "--lang", "en,nl")
	page := filepath.Join(t.TempDir(), "redline.html")
	if err := os.WriteFile(page, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	bin, args := testtool.Chromium(t)
	pdf := filepath.Join(t.TempDir(), "redline.pdf")
	if err := exec.Command(bin, append(args, "--no-pdf-header-footer", "--print-to-pdf="+pdf, "file://"+page)...).Run(); err != nil {
		t.Fatal(err)
	}
	info, err := runTool(t, "pdfinfo", pdf)
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^Pages:\s+2$`).MatchString(info) {
		t.Errorf("want one printed page per role and language (2):\n%s", info)
	}
	text, err := runTool(t, "pdftotext", pdf, "-")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Holds", "Leads", "klantorders", "bestellingen van klanten"} {
		if !strings.Contains(text, want) {
			t.Errorf("printed redline lacks %q:\n%s", want, text)
		}
	}
}
