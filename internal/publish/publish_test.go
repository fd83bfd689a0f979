package publish

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/roledoc/roledoc/internal/diag"
	"github.com/roledoc/roledoc/internal/doc"
	"github.com/roledoc/roledoc/internal/fixture"
	"github.com/roledoc/roledoc/internal/project"
	"github.com/roledoc/roledoc/internal/render/html"
	"github.com/roledoc/roledoc/internal/render/pdf"
)

type failing struct {
	Renderer
	after int32
	n     atomic.Int32
}

func (f *failing) Render(w io.Writer, d *doc.Document) error {
	if f.n.Add(1) > f.after {
		return errors.New("disk full")
	}
	return f.Renderer.Render(w, d)
}

func run(t *testing.T, dir, out string, mod func(*Options, *[]Renderer)) (*Result, error) {
	t.Helper()
	p, err := project.Resolve(project.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	h, err := html.New(p.Templates.FS, p.Templates.Root)
	if err != nil {
		t.Fatal(err)
	}
	pd, err := pdf.New()
	if err != nil {
		t.Fatal(err)
	}
	rs := []Renderer{h, pd}
	opt := Options{Project: p, Out: out, Jobs: 2}
	if mod != nil {
		mod(&opt, &rs)
	}
	return Run(context.Background(), opt, rs, h)
}

// snapshot hashes every file below dir but the manifest, which records
// when each output was written.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == manifestName {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		rel, _ := filepath.Rel(dir, p)
		m[rel] = hex.EncodeToString(sum[:])
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func equal(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func noStaging(t *testing.T, out string) {
	t.Helper()
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".*staging*"))
	if len(left) > 0 {
		t.Errorf("staging directories left behind: %v", left)
	}
}

func TestBuildIsReproducibleAndIncremental(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	res, err := run(t, fixture.Root(), out, nil)
	if err != nil {
		t.Fatal(err)
	}
	const docs = 4*5*2 + 5 + 1 // roles x languages x formats, indexes, home
	if res.Written != docs || res.Skipped != 0 {
		t.Fatalf("first build: %d written, %d skipped; want %d, 0", res.Written, res.Skipped, docs)
	}
	first := snapshot(t, out)
	if len(first) != docs {
		t.Errorf("%d files in out, want %d", len(first), docs)
	}
	info, err := os.Stat(out)
	if err != nil || info.Mode().Perm() != 0o755 {
		t.Errorf("out is %v, want mode 0755", info.Mode())
	}

	res, err = run(t, fixture.Root(), out, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Written != 0 || res.Skipped != docs {
		t.Errorf("unchanged build: %d written, %d skipped; want 0, %d", res.Written, res.Skipped, docs)
	}
	if !equal(first, snapshot(t, out)) {
		t.Error("unchanged build changed the output")
	}

	res, err = run(t, fixture.Root(), out, func(o *Options, _ *[]Renderer) { o.Force = true })
	if err != nil || res.Written != docs {
		t.Fatalf("forced build: %v, %d written", err, res.Written)
	}
	if !equal(first, snapshot(t, out)) {
		t.Error("forced rebuild is not byte-identical")
	}
	noStaging(t, out)
}

func TestEditRerendersOnlyThatRole(t *testing.T) {
	dir := fixture.Copy(t)
	out := filepath.Join(t.TempDir(), "out")
	if _, err := run(t, dir, out, nil); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "roles", "account-manager.yaml")
	data, _ := os.ReadFile(p)
	data = []byte(strings.Replace(string(data), "Serves customers at the branch office", "Serves customers at every branch office", 1))
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := run(t, dir, out, nil)
	if err != nil {
		t.Fatal(err)
	}
	// English changes in both formats; the translations are now stale but
	// unchanged, so the other languages render the same documents.
	if res.Written != 2 {
		t.Errorf("%d files written after editing one duty, want 2 (English HTML and PDF)", res.Written)
	}
}

func TestFailedBuildKeepsPreviousOutput(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if _, err := run(t, fixture.Root(), out, nil); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, out)
	_, err := run(t, fixture.Root(), out, func(o *Options, rs *[]Renderer) {
		o.Force = true
		(*rs)[1] = &failing{Renderer: (*rs)[1], after: 7}
	})
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("want the renderer's error, got %v", err)
	}
	if !equal(before, snapshot(t, out)) {
		t.Error("a failed build changed the previous output")
	}
	noStaging(t, out)
}

func TestCancelKeepsPreviousOutput(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if _, err := run(t, fixture.Root(), out, nil); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, out)
	ctx, cancel := context.WithCancel(context.Background())
	p, _ := project.Resolve(project.Options{Dir: fixture.Root()})
	h, _ := html.New(p.Templates.FS, p.Templates.Root)
	opt := Options{Project: p, Out: out, Force: true, Jobs: 1, Progress: func(done, total int) {
		if done == 3 {
			cancel() // as Ctrl-C does through signal.NotifyContext
		}
	}}
	_, err := Run(ctx, opt, []Renderer{h}, h)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("want context.Canceled, got %v", err)
	}
	if !equal(before, snapshot(t, out)) {
		t.Error("a cancelled build changed the previous output")
	}
	noStaging(t, out)
}

func TestInvalidInputWritesNothing(t *testing.T) {
	dir := fixture.Copy(t)
	if err := os.WriteFile(filepath.Join(dir, "roles", "broken.yaml"), []byte("id: broken\ntitle: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")
	res, err := run(t, dir, out, nil)
	if !errors.Is(err, ErrInvalid) || !diag.HasErrors(res.Diagnostics) {
		t.Fatalf("want ErrInvalid with diagnostics, got %v", err)
	}
	if _, err := os.Stat(out); !errors.Is(err, fs.ErrNotExist) {
		t.Error("output was created for invalid input")
	}
	noStaging(t, out)
}

func TestMissingTranslation(t *testing.T) {
	dir := fixture.Copy(t)
	p := filepath.Join(dir, "locales", "nl", "roles.yaml")
	data, _ := os.ReadFile(p)
	// Empty the Dutch title: untranslated, as merge leaves new messages.
	title := regexp.MustCompile(`(?m)^(sales-manager\.title:\n  hash: \S+\n  other:) .*$`)
	if !title.Match(data) {
		t.Fatal("Dutch title not found in the catalog")
	}
	data = title.ReplaceAll(data, []byte(`$1 ""`))
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")
	res, err := run(t, dir, out, nil)
	if err != nil {
		t.Fatalf("without --strict a missing translation is a warning: %v", err)
	}
	found := false
	for _, d := range res.Diagnostics {
		if d.Code == "missing-translation" && strings.Contains(d.Message, "sales-manager.title") {
			found = true
		}
	}
	if !found {
		t.Fatalf("no warning for the missing title: %v", res.Diagnostics)
	}
	page, _ := os.ReadFile(filepath.Join(out, "nl", "sales-manager.html"))
	if !strings.Contains(string(page), "<h1>Sales Manager</h1>") {
		t.Error("the Dutch page does not fall back to the English title")
	}
	out2 := filepath.Join(t.TempDir(), "out")
	if _, err := run(t, dir, out2, func(o *Options, _ *[]Renderer) { o.Strict = true }); !errors.Is(err, ErrInvalid) {
		t.Errorf("with --strict: got %v, want ErrInvalid", err)
	}
}

// A build of one role in one language keeps everything else.
func TestPartialBuildKeepsTheRest(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if _, err := run(t, fixture.Root(), out, nil); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, out)
	res, err := run(t, fixture.Root(), out, func(o *Options, _ *[]Renderer) {
		o.Roles, o.Langs, o.Force = []string{"sales-manager"}, []string{"ar"}, true
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Written != 2+1+1 { // HTML, PDF, the Arabic index, the home page
		t.Errorf("%d written, want 4", res.Written)
	}
	if !equal(before, snapshot(t, out)) {
		t.Error("a partial build lost or changed other output")
	}
}

// The output directory is replaced as a whole, so roledoc refuses to
// replace anything it did not write: a file, or the project itself.
func TestRefusesForeignOutput(t *testing.T) {
	dir := fixture.Copy(t)
	for name, out := range map[string]string{
		"project directory": dir,
		"a file":            filepath.Join(dir, "roledoc.yaml"),
	} {
		t.Run(name, func(t *testing.T) {
			before := snapshot(t, dir)
			if _, err := run(t, dir, out, nil); err == nil {
				t.Fatal("want an error")
			}
			if !equal(before, snapshot(t, dir)) {
				t.Error("the project changed")
			}
		})
	}
}
