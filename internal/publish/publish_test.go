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
	"time"

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

// snapshot hashes every file below dir but the manifest and the inputs'
// record, which record when each output and input was written.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == manifestName || d.Name() == inputsName {
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
	p := filepath.Join(dir, "locales", "nl", "roles", "sales-manager.yaml")
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

// A damaged, edited or missing output is noticed and rendered again: size
// and modification time always, the content's hash with Verify.
func TestDamagedOutputIsRenderedAgain(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if _, err := run(t, fixture.Root(), out, nil); err != nil {
		t.Fatal(err)
	}
	want := snapshot(t, out)
	pdfPath := filepath.Join(out, "en", "sales-manager.pdf")
	htmlPath := filepath.Join(out, "nl", "sales-manager.html")
	tests := []struct {
		name   string
		damage func(t *testing.T)
		verify bool
	}{
		{"truncated PDF", func(t *testing.T) {
			if err := os.Truncate(pdfPath, 100); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"removed page", func(t *testing.T) {
			if err := os.Remove(htmlPath); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"edited in place, time kept", func(t *testing.T) {
			info, err := os.Stat(htmlPath)
			if err != nil {
				t.Fatal(err)
			}
			data, _ := os.ReadFile(htmlPath)
			data[len(data)/2] ^= 1 // same size
			if err := os.WriteFile(htmlPath, data, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Chtimes(htmlPath, info.ModTime(), info.ModTime()); err != nil {
				t.Fatal(err)
			}
		}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.damage(t)
			res, err := run(t, fixture.Root(), out, func(o *Options, _ *[]Renderer) { o.Verify = tt.verify })
			if err != nil {
				t.Fatal(err)
			}
			if res.Written != 1 {
				t.Errorf("%d written, want the damaged file only", res.Written)
			}
			if !equal(want, snapshot(t, out)) {
				t.Error("the damaged output was not restored")
			}
		})
	}
}

// Two builds of the same out/ at once: both succeed, one after the other,
// and out/ is complete; neither removes the other's staging.
func TestConcurrentBuilds(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	htmlOnly := func(o *Options, rs *[]Renderer) { *rs = (*rs)[:1] } // PDFs would only make it slow
	if _, err := run(t, fixture.Root(), out, htmlOnly); err != nil {
		t.Fatal(err)
	}
	want := snapshot(t, out)
	var waited atomic.Int32
	for range 10 {
		errs := make(chan error, 2)
		for range 2 {
			go func() {
				_, err := run(t, fixture.Root(), out, func(o *Options, rs *[]Renderer) {
					htmlOnly(o, rs)
					o.Force = true
					o.Waiting = func(string) { waited.Add(1) }
				})
				errs <- err
			}()
		}
		for range 2 {
			if err := <-errs; err != nil {
				t.Fatal(err)
			}
		}
		if !equal(want, snapshot(t, out)) {
			t.Fatal("out/ is not complete after two builds at once")
		}
		if res, err := run(t, fixture.Root(), out, htmlOnly); err != nil || res.Written != 0 {
			t.Fatalf("the manifest does not match out/: %v, %d written", err, res.Written)
		}
	}
	t.Logf("%d of 10 second builds waited for the lock", waited.Load())
	noStaging(t, out)
}

// A killed build leaves its staging directory; the next run removes it
// even when it has nothing to render.
func TestNoOpBuildRemovesStaleStaging(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if _, err := run(t, fixture.Root(), out, nil); err != nil {
		t.Fatal(err)
	}
	stale := filepath.Join(filepath.Dir(out), ".out.staging-123456")
	if err := os.MkdirAll(filepath.Join(stale, "en"), 0o755); err != nil {
		t.Fatal(err)
	}
	res, err := run(t, fixture.Root(), out, nil)
	if err != nil || res.Written != 0 {
		t.Fatalf("no-op build: %v, %d written", err, res.Written)
	}
	noStaging(t, out)
}

// blocking renders nothing until released, as a looping template does.
type blocking struct {
	Renderer
	release chan struct{}
}

func (b blocking) Render(w io.Writer, d *doc.Document) error {
	<-b.release
	return nil
}

// repeating writes without end, as a template ranging over a huge number
// does.
type repeating struct{ Renderer }

func (repeating) Render(w io.Writer, d *doc.Document) error {
	for {
		if _, err := io.WriteString(w, "repeated text "); err != nil {
			return err
		}
	}
}

func TestRenderBudgets(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if _, err := run(t, fixture.Root(), out, nil); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, out)
	release := make(chan struct{})
	defer close(release)
	tests := []struct {
		name string
		mod  func(*Options, *[]Renderer)
		want string
	}{
		{"time", func(o *Options, rs *[]Renderer) {
			o.RenderTimeout = 50 * time.Millisecond
			(*rs)[1] = blocking{(*rs)[1], release}
		}, "rendering took longer than 50ms"},
		{"size", func(o *Options, rs *[]Renderer) {
			o.MaxDocSize = 1 << 20
			(*rs)[1] = repeating{(*rs)[1]}
		}, "larger than 1 MiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := run(t, fixture.Root(), out, func(o *Options, rs *[]Renderer) {
				o.Force = true
				tt.mod(o, rs)
			})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want an error saying %q", err, tt.want)
			}
			if res.Replaced || !res.Previous {
				t.Errorf("Replaced %v, Previous %v; want false, true", res.Replaced, res.Previous)
			}
			if !equal(before, snapshot(t, out)) {
				t.Error("a failed build changed the previous output")
			}
			noStaging(t, out)
		})
	}
}

// Once out/ holds the new output, failing to remove the old tree is
// reported, not an error of the build.
func TestCleanupFailureIsNotABuildFailure(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if _, err := run(t, fixture.Root(), out, nil); err != nil {
		t.Fatal(err)
	}
	defer func(f func(string) error) { removeAll = f }(removeAll)
	removeAll = func(string) error { return errors.New("device busy") }
	res, err := run(t, fixture.Root(), out, func(o *Options, _ *[]Renderer) { o.Force = true })
	if err != nil {
		t.Fatalf("the swap succeeded; got %v", err)
	}
	if !res.Replaced || res.Cleanup == nil {
		t.Errorf("Replaced %v, Cleanup %v; want true and the error", res.Replaced, res.Cleanup)
	}
	removeAll = os.RemoveAll
	if _, err := run(t, fixture.Root(), out, nil); err != nil {
		t.Fatal(err)
	}
	noStaging(t, out) // the next build removes the leftover
}

func TestTarget(t *testing.T) {
	dir := t.TempDir()
	built := filepath.Join(dir, "built")
	if err := os.MkdirAll(built, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(built, manifestName), []byte("{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	foreign := filepath.Join(dir, "foreign")
	if err := os.MkdirAll(foreign, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(foreign, "notes.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	link := func(name, to string) string {
		p := filepath.Join(dir, name)
		if err := os.Symlink(to, p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		out        string
		prev       bool
		usageError string
	}{
		{filepath.Join(dir, "new"), false, ""},
		{built, true, ""},
		{foreign, false, "did not write"},
		{filepath.Join(foreign, "notes.txt"), false, "is a file"},
		{link("link", built), false, "is a symbolic link to " + built},
		{link("dangling", filepath.Join(dir, "gone")), false, "which does not exist"},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.out), func(t *testing.T) {
			_, prev, err := Target(tt.out)
			var ue *UsageError
			switch {
			case tt.usageError == "" && err != nil:
				t.Fatal(err)
			case tt.usageError != "" && (!errors.As(err, &ue) || !strings.Contains(err.Error(), tt.usageError)):
				t.Fatalf("got %v, want a usage error saying %q", err, tt.usageError)
			}
			if prev != tt.prev {
				t.Errorf("prev = %v, want %v", prev, tt.prev)
			}
		})
	}
}
