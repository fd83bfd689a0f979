package publish

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/roledoc/roledoc/internal/fixture"
)

// aged copies the shipped project and dates every file an hour back, as
// in a project edited some time before the build.
func aged(t *testing.T) string {
	t.Helper()
	dir := fixture.Copy(t)
	past := time.Now().Add(-time.Hour)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		return os.Chtimes(p, past, past)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// htmlOnly keeps the builds fast: the shortcut does not depend on the
// formats.
func htmlOnly(_ *Options, rs *[]Renderer) { *rs = (*rs)[:1] }

// A build with nothing to do knows it from the inputs' metadata, without
// loading them; any change to an input, its listing or the options sends
// it through the full check, and a change is never missed.
func TestNothingToDoWithoutLoading(t *testing.T) {
	const docs = 4*5 + 5 + 1 // roles x languages, indexes, home
	role := filepath.Join("roles", "account-manager.yaml")
	catalog := filepath.Join("locales", "nl", "roles", "account-manager.yaml")
	edit := func(t *testing.T, dir, name, from, to string) {
		t.Helper()
		p := filepath.Join(dir, name)
		data, err := os.ReadFile(p)
		if err != nil || !strings.Contains(string(data), from) {
			t.Fatalf("%s: %v, or no %q", name, err, from)
		}
		if err := os.WriteFile(p, []byte(strings.Replace(string(data), from, to, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	setTime := func(t *testing.T, p string, at time.Time) {
		t.Helper()
		if err := os.Chtimes(p, at, at); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name    string
		change  func(t *testing.T, dir, out string)
		opt     func(*Options)
		loaded  bool
		written int
	}{
		{"nothing changed", func(*testing.T, string, string) {}, nil, false, 0},
		{"touched a minute ago, same content", func(t *testing.T, dir, _ string) {
			setTime(t, filepath.Join(dir, role), time.Now().Add(-time.Minute))
		}, nil, false, 0},
		{"touched just now, same content", func(t *testing.T, dir, _ string) {
			setTime(t, filepath.Join(dir, role), time.Now())
		}, nil, false, 0},
		{"one role edited", func(t *testing.T, dir, _ string) {
			edit(t, dir, role, "Serves customers at the branch office", "Serves customers at every branch office")
			setTime(t, filepath.Join(dir, role), time.Now().Add(-time.Minute))
		}, nil, true, 1},
		{"catalog file removed", func(t *testing.T, dir, _ string) {
			if err := os.Remove(filepath.Join(dir, catalog)); err != nil {
				t.Fatal(err)
			}
		}, nil, true, 3},
		{"file added", func(t *testing.T, dir, _ string) {
			if err := os.WriteFile(filepath.Join(dir, "locales", "nl", "notes.txt"), nil, 0o644); err != nil {
				t.Fatal(err)
			}
			setTime(t, filepath.Join(dir, "locales", "nl", "notes.txt"), time.Now().Add(-time.Hour))
		}, nil, true, 0},
		{"forced", func(*testing.T, string, string) {}, func(o *Options) { o.Force = true }, true, docs},
		{"partial", func(*testing.T, string, string) {}, func(o *Options) { o.Roles = []string{"sales-manager"} }, true, 0},
		{"partial again", func(t *testing.T, dir, out string) {
			if _, err := run(t, dir, out, func(o *Options, rs *[]Renderer) {
				htmlOnly(o, rs)
				o.Roles = []string{"sales-manager"}
			}); err != nil {
				t.Fatal(err)
			}
		}, func(o *Options) { o.Roles = []string{"sales-manager"} }, false, 0},
		{"another date", func(*testing.T, string, string) {}, func(o *Options) { o.Date = time.Unix(1e9, 0) }, true, 4 * 5}, // the role pages carry the date
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := aged(t)
			out := filepath.Join(t.TempDir(), "out")
			if _, err := run(t, dir, out, htmlOnly); err != nil {
				t.Fatal(err)
			}
			tt.change(t, dir, out)
			res, err := run(t, dir, out, func(o *Options, rs *[]Renderer) {
				htmlOnly(o, rs)
				if tt.opt != nil {
					tt.opt(o)
				}
			})
			if err != nil {
				t.Fatal(err)
			}
			if res.Loaded != tt.loaded || res.Written != tt.written {
				t.Errorf("loaded %v, %d written; want %v, %d", res.Loaded, res.Written, tt.loaded, tt.written)
			}
		})
	}
}

// A file rewritten in the clock tick the build recorded it in can change
// again without its size or time changing. Such a file is not trusted by
// its metadata (git's racy-clean rule), so the edit is not missed.
func TestRacyEditIsNotMissed(t *testing.T) {
	dir := aged(t)
	out := filepath.Join(t.TempDir(), "out")
	p := filepath.Join(dir, "roles", "account-manager.yaml")
	before, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, before, 0o644); err != nil { // just now: racy
		t.Fatal(err)
	}
	info, _ := os.Stat(p)
	if _, err := run(t, dir, out, htmlOnly); err != nil {
		t.Fatal(err)
	}
	after := []byte(strings.Replace(string(before), "at the branch office", "at the branch agency", 1)) // same size
	if err := os.WriteFile(p, after, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(p, info.ModTime(), info.ModTime()); err != nil { // same tick
		t.Fatal(err)
	}
	if now, _ := os.Stat(p); now.Size() != info.Size() || !now.ModTime().Equal(info.ModTime()) {
		t.Fatal("the edit changed the file's metadata; the test needs it unchanged")
	}
	res, err := run(t, dir, out, htmlOnly)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Loaded || res.Written != 1 {
		t.Errorf("loaded %v, %d written; want the edited role rendered again", res.Loaded, res.Written)
	}
}

// A build with nothing to do reports the same warnings as the build it
// skips, though it did not load anything.
func TestNothingToDoReplaysWarnings(t *testing.T) {
	dir := aged(t)
	if err := os.Remove(filepath.Join(dir, "locales", "nl", "roles", "account-manager.yaml")); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")
	first, err := run(t, dir, out, htmlOnly)
	if err != nil {
		t.Fatal(err)
	}
	if len(first.Diagnostics) == 0 {
		t.Fatal("want missing-translation warnings")
	}
	second, err := run(t, dir, out, htmlOnly)
	if err != nil {
		t.Fatal(err)
	}
	if second.Loaded {
		t.Error("the second build loaded the inputs")
	}
	if !reflect.DeepEqual(first.Diagnostics, second.Diagnostics) {
		t.Errorf("replayed %v\nwant %v", second.Diagnostics, first.Diagnostics)
	}
}
