// Package publish owns the output directory: it plans which documents a
// build must render, renders them with a bounded pool of workers into a
// staging directory, and commits that directory in place of out/ only when
// the whole run succeeded, one build at a time.
package publish

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/roledoc/roledoc/internal/diag"
	"github.com/roledoc/roledoc/internal/doc"
	"github.com/roledoc/roledoc/internal/project"
)

// Formats lists the output formats.
var Formats = []string{"html", "pdf"}

// Budgets per document: far above what any real role needs (a few
// milliseconds and a few hundred kilobytes), low enough that a looping
// template stops the build with a clear error instead of hanging it.
const (
	DefaultRenderTimeout = 30 * time.Second
	DefaultMaxDocSize    = 64 << 20
)

// Options configure a run.
type Options struct {
	Project *project.Project
	Out     string   // output directory
	Langs   []string // default: the configured languages
	Formats []string // default: all
	Roles   []string // default: all
	Jobs    int      // workers; default: number of CPUs
	Force   bool     // render even what is up to date
	Verify  bool     // compare every kept output's hash, not only size and time
	Strict  bool     // missing translations are errors
	// Date, when set, stamps every output instead of each role's
	// effective date (SOURCE_DATE_EPOCH).
	Date time.Time
	// RenderTimeout and MaxDocSize bound each document; zero means the
	// defaults above.
	RenderTimeout time.Duration
	MaxDocSize    int64
	// Progress, when set, is called as documents finish, by one worker
	// at a time.
	Progress func(done, total int)
	// Waiting, when set, is called once if another build holds the lock
	// on out/ and this one waits for it.
	Waiting func(lock string)
}

// Result says what a run did.
type Result struct {
	Written, Skipped int
	Diagnostics      []diag.Diagnostic
	// Fallbacks counts, per language with any, the texts shown in English
	// for want of a translation, in build order.
	Fallbacks []Fallback
	Elapsed   time.Duration
	// Previous is true when out/ held a previous output when the run
	// started (or when it took the lock, if it got that far).
	Previous bool
	// Loaded is true when the run loaded and checked the inputs; false
	// when the previous build's record of them showed, from the files'
	// metadata, that there was nothing to do.
	Loaded bool
	// Replaced is true when out/ now holds this run's output.
	Replaced bool
	// Cleanup, after a successful swap, is the error removing the
	// previous output's tree; out/ is fine, the leftover is removed by the
	// next build.
	Cleanup error
}

// A Fallback is how many texts a language shows in English.
type Fallback struct {
	Lang  string
	Texts int
}

// ErrInvalid means the inputs had errors; the diagnostics say which, and
// nothing was written.
var ErrInvalid = errors.New("inputs have errors; nothing was written")

// A UsageError is a mistake in the options (an unknown role or language,
// an --out that cannot be replaced), not in the inputs or the disk.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

func usage(format string, args ...any) error {
	return &UsageError{fmt.Errorf(format, args...)}
}

// Renderer draws a document in one format.
type Renderer interface {
	// Ext is the file extension, such as "pdf".
	Ext() string
	// Fingerprint changes whenever the renderer's own inputs (templates,
	// fonts) change, so outputs are re-rendered.
	Fingerprint() string
	Render(w io.Writer, d *doc.Document) error
}

// Site renders the pages that are not one role: indexes and the language
// chooser. It is the HTML renderer in practice.
type Site interface {
	Index(w io.Writer, ix *doc.Index) error
	Home(w io.Writer, h *doc.Home) error
}

// Run builds everything: plan (load, check, fingerprint), then, holding
// the lock on out/, render what changed into a staging directory and
// commit it. Renderers are created by the caller, once, and shared
// read-only by the workers.
func Run(ctx context.Context, opt Options, renderers []Renderer, site Site) (*Result, error) {
	start := time.Now()
	res := &Result{}
	out, prev, err := Target(opt.Out)
	if err != nil {
		return res, err
	}
	res.Previous = prev
	// A build records what it read; when nothing has changed since, the
	// next one with the same options knows from the files' metadata,
	// without loading them.
	srcs := opt.sources()
	key := opt.key(renderers, site)
	var rec *inputs
	if prev && !opt.Force {
		done, r, err := skip(ctx, opt, out, key, srcs, res)
		if err != nil || done {
			res.Elapsed = time.Since(start)
			return res, err
		}
		rec = r
	}
	snap := scan(srcs, rec)
	if snap != nil {
		snap.Key = key
	}
	res.Loaded = true
	pl, err := newPlan(ctx, opt, renderers, site, res)
	if err != nil {
		return res, err
	}
	d, err := openDir(ctx, out, opt.Waiting)
	if err != nil {
		return res, err
	}
	defer d.unlock()
	// Another build may have committed while this one waited.
	if res.Previous, err = d.previous(); err != nil {
		return res, err
	}
	old := d.readManifest()
	if !opt.Force && pl.upToDate(ctx, old, out, opt.Verify) {
		res.Skipped = pl.outputs()
		if snap.keep(srcs, res.Diagnostics) {
			// Best effort: without a record the next build checks
			// everything, as this one did.
			_ = snap.write(out)
		}
		res.Elapsed = time.Since(start)
		return res, nil
	}
	st, err := d.stage()
	if err != nil {
		return res, err
	}
	defer st.discard()
	m, err := pl.render(ctx, st.dir, out, old, res)
	if err != nil {
		return res, err
	}
	if pl.partial {
		// A partial build (--role, --lang, --format) replaces only what
		// it rendered; the rest of the previous output is carried over.
		if err := carryOver(old, m, out, st.dir); err != nil {
			return res, err
		}
	}
	if err := m.write(st.dir); err != nil {
		return res, err
	}
	if snap.keep(srcs, res.Diagnostics) {
		if err := snap.write(st.dir); err != nil {
			return res, err
		}
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}
	res.Cleanup, err = st.commit(out)
	if err != nil {
		return res, err
	}
	res.Replaced = true
	res.Elapsed = time.Since(start)
	return res, nil
}

// Target resolves out and judges it before anything is loaded: it must be
// a new path, an empty directory or a previous roledoc output, and not a
// symbolic link (out/ is replaced as a whole; replacing a link would
// silently turn it into a directory). prev reports whether it holds a
// previous output.
func Target(out string) (abs string, prev bool, err error) {
	abs, err = filepath.Abs(out)
	if err != nil {
		return "", false, err
	}
	info, err := os.Lstat(abs)
	if errors.Is(err, os.ErrNotExist) {
		return abs, false, nil
	}
	if err != nil {
		return "", false, err
	}
	if info.Mode()&os.ModeSymlink != 0 {
		dst, _ := os.Readlink(abs)
		if !filepath.IsAbs(dst) {
			dst = filepath.Join(filepath.Dir(abs), dst)
		}
		if _, err := os.Stat(abs); err != nil {
			return "", false, usage("--out %s is a symbolic link to %s, which does not exist; roledoc does not follow links for --out: pass the real directory", out, dst)
		}
		return "", false, usage("--out %s is a symbolic link to %s; roledoc replaces the output directory as a whole and does not follow links: pass --out %s", out, dst, dst)
	}
	prev, err = replaceable(abs, info)
	return abs, prev, err
}

// skip reports whether out is already the output of the same inputs, by
// the previous build's record and the outputs' metadata, holding the
// lock. It returns the record it read, whose hashes the next snapshot
// reuses whatever its key: a new binary or other options do not make
// the files different.
func skip(ctx context.Context, opt Options, out string, key digest, srcs []source, res *Result) (bool, *inputs, error) {
	d, err := openDir(ctx, out, opt.Waiting)
	if err != nil {
		return false, nil, err
	}
	defer d.unlock()
	rec := readInputs(out)
	if rec == nil || rec.Key != key || !rec.unchanged(srcs) {
		return false, rec, nil
	}
	m := d.readManifest()
	names := make([]string, 0, len(m.Files))
	for name := range m.Files {
		names = append(names, name)
	}
	workers := opt.Jobs
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	err = each(ctx, workers, len(names), func(_ context.Context, i int) error {
		if !m.intact(out, names[i], m.Files[names[i]].Input, opt.Verify) {
			return errStale
		}
		return nil
	})
	if errors.Is(err, errStale) || len(names) == 0 {
		return false, rec, nil
	}
	if err != nil {
		return false, nil, err
	}
	res.Skipped = len(names)
	res.Diagnostics = rec.diagnostics()
	return true, nil, nil
}
