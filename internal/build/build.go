// Package build owns a build run: it loads and checks every input, then
// renders each role in each language and format with a bounded pool of
// workers into a staging directory that replaces the output only when the
// whole run succeeded.
package build

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/roledoc/roledoc"
	"github.com/roledoc/roledoc/internal/diag"
	"github.com/roledoc/roledoc/internal/doc"
	"github.com/roledoc/roledoc/internal/locale"
	"github.com/roledoc/roledoc/internal/localize"
	"github.com/roledoc/roledoc/internal/parallel"
	"github.com/roledoc/roledoc/internal/project"
	"github.com/roledoc/roledoc/internal/role"
)

// Formats lists the output formats.
var Formats = []string{"html", "pdf"}

// Options configure a run.
type Options struct {
	Project *project.Project
	Out     string   // output directory
	Langs   []string // default: the configured languages
	Formats []string // default: all
	Roles   []string // default: all
	Jobs    int      // workers; default: number of CPUs
	Force   bool     // render even what is up to date
	Strict  bool     // missing translations are errors
	// Date, when set, stamps every output instead of each role's
	// effective date (SOURCE_DATE_EPOCH).
	Date time.Time
	// Progress, when set, is called as documents finish.
	Progress func(done, total int)
}

// Result says what a run did.
type Result struct {
	Written, Skipped int
	Diagnostics      []diag.Diagnostic
	Elapsed          time.Duration
}

// ErrInvalid means the inputs had errors; the diagnostics say which, and
// nothing was written.
var ErrInvalid = errors.New("inputs have errors; nothing was written")

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

// job is one role in one language, rendered in every requested format.
type job struct {
	role *role.Role
	lang locale.Language
}

const manifestName = ".roledoc-manifest.json"

// Run builds everything. Renderers are created by the caller, once, and
// shared read-only by the workers.
func Run(ctx context.Context, opt Options, renderers []Renderer, site Site) (*Result, error) {
	start := time.Now()
	res := &Result{}
	p := opt.Project
	set, cats, ds, err := p.LoadRender()
	if err != nil {
		return res, err
	}
	if set == nil || diag.HasErrors(ds) {
		res.Diagnostics = ds
		return res, ErrInvalid
	}

	langs, err := languages(opt.Langs, set.Config.Languages)
	if err != nil {
		return res, err
	}
	roles, err := selectRoles(set, opt.Roles)
	if err != nil {
		return res, err
	}
	loc := localize.New(set, cats)

	// Missing translations must be known before anything is rendered, so
	// that --strict can stop the build.
	var jobs []job
	for _, l := range langs {
		ds = append(ds, loc.Missing(roles, l)...)
		for _, r := range roles {
			jobs = append(jobs, job{r, l})
		}
	}
	if opt.Strict {
		diag.Strict(ds)
	}
	diag.Sort(ds)
	res.Diagnostics = ds
	if diag.HasErrors(ds) {
		return res, ErrInvalid
	}
	// Everything is checked: the position trees are not needed to render,
	// and at scale they are a third of the memory held while rendering.
	set.Forget()

	out, err := filepath.Abs(opt.Out)
	if err != nil {
		return res, err
	}

	// Plan: every output's name and the fingerprint of what it is made
	// from. When the previous build made exactly these, there is nothing
	// to do, and out/ is left as it is.
	fps := map[string]string{}
	for _, r := range renderers {
		fps[r.Ext()] = r.Fingerprint()
	}
	jobFP := make([]string, len(jobs))
	parallel.For(len(jobs), func(i int) {
		jobFP[i] = loc.Fingerprint(jobs[i].role, jobs[i].lang) + opt.Date.String()
	})
	var pages []page
	if site != nil && slices.ContainsFunc(renderers, func(r Renderer) bool { return r.Ext() == "html" }) {
		if pages, err = planSite(set, loc, langs, site, fps["html"]); err != nil {
			return res, err
		}
	}
	if err := replaceable(out); err != nil {
		return res, err
	}
	old := readManifest(out)
	if !opt.Force && upToDate(old, out, jobs, jobFP, renderers, fps, pages, len(opt.Roles)+len(opt.Langs)+len(opt.Formats) > 0) {
		res.Skipped = len(jobs)*len(renderers) + len(pages)
		res.Elapsed = time.Since(start)
		return res, nil
	}

	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return res, err
	}
	// A build killed outright (not interrupted) leaves its staging
	// directory behind; it was never visible as output, so remove it.
	stale, _ := filepath.Glob(filepath.Join(parent, "."+filepath.Base(out)+".staging-*"))
	for _, dir := range stale {
		os.RemoveAll(dir)
	}
	stage, err := os.MkdirTemp(parent, "."+filepath.Base(out)+".staging-")
	if err != nil {
		return res, err
	}
	if err := os.Chmod(stage, 0o755); err != nil { // MkdirTemp makes it private
		return res, err
	}
	committed := false
	defer func() {
		if !committed {
			os.RemoveAll(stage)
		}
	}()
	for _, l := range langs {
		if err := os.MkdirAll(filepath.Join(stage, l.Tag), 0o755); err != nil {
			return res, err
		}
	}

	manifest := map[string]string{}
	var mu sync.Mutex
	record := func(name, hash string, wrote bool) {
		mu.Lock()
		defer mu.Unlock()
		manifest[name] = hash
		if wrote {
			res.Written++
		} else {
			res.Skipped++
		}
	}
	// emit writes one output into the staging directory: a hard link to
	// the previous output when its inputs are unchanged, else a render.
	emit := func(name, hash string, render func(io.Writer) error) error {
		dst := filepath.Join(stage, filepath.FromSlash(name))
		if !opt.Force && old[name] == hash {
			if err := os.Link(filepath.Join(out, filepath.FromSlash(name)), dst); err == nil {
				record(name, hash, false)
				return nil
			}
		}
		f, err := os.Create(dst)
		if err != nil {
			return err
		}
		if err := render(f); err != nil {
			f.Close()
			return fmt.Errorf("%s: %w", name, err)
		}
		if err := f.Close(); err != nil {
			return err
		}
		record(name, hash, true)
		return nil
	}

	workers := opt.Jobs
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	total := len(jobs)
	var done atomic.Int64
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	work := make(chan int)
	errs := make(chan error, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				if ctx.Err() != nil {
					continue
				}
				j := jobs[i]
				// Documents are localized only when an output must be
				// rendered; unchanged ones are known by fingerprint.
				fp := jobFP[i]
				var d *doc.Document
				render := func(r Renderer) func(io.Writer) error {
					return func(w io.Writer) error {
						if d == nil {
							d, _ = loc.Document(j.role, j.lang)
							d.Page = set.Config.Page()
							if !opt.Date.IsZero() {
								d.Date = opt.Date
							}
						}
						return r.Render(w, d)
					}
				}
				for _, r := range renderers {
					name := j.lang.Tag + "/" + j.role.ID + "." + r.Ext()
					if err := emit(name, hash(fp, fps[r.Ext()]), render(r)); err != nil {
						errs <- err
						cancel()
						break
					}
				}
				n := done.Add(1)
				if opt.Progress != nil {
					opt.Progress(int(n), total)
				}
			}
		}()
	}
feed:
	for i := range jobs {
		select {
		case work <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(work)
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		return res, err
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}

	for _, pg := range pages {
		if err := emit(pg.name, pg.hash, pg.render); err != nil {
			return res, err
		}
	}
	// A partial build (--role, --lang, --format) replaces only what it
	// rendered; the rest of the previous output is carried over.
	if len(opt.Roles) > 0 || len(opt.Langs) > 0 || len(opt.Formats) > 0 {
		if err := carryOver(old, manifest, out, stage); err != nil {
			return res, err
		}
	}
	if err := writeManifest(stage, manifest); err != nil {
		return res, err
	}
	if err := swap(stage, out); err != nil {
		return res, err
	}
	committed = true
	res.Elapsed = time.Since(start)
	return res, nil
}

// page is an output that is not one role's document.
type page struct {
	name, hash string
	render     func(io.Writer) error
}

// planSite prepares each language's index and the language chooser.
func planSite(set *role.Set, loc *localize.Localizer, langs []locale.Language, site Site, fp string) ([]page, error) {
	var pages []page
	for _, l := range langs {
		ix := loc.Index(l)
		ix.Page = set.Config.Page()
		pages = append(pages, page{l.Tag + "/index.html", hash(docHash(ix), fp), func(w io.Writer) error { return site.Index(w, ix) }})
	}
	// The language chooser lists every configured language, whichever
	// this run built.
	home := &doc.Home{Organization: set.Config.Organization, Generator: "roledoc " + roledoc.Version}
	all, err := languages(nil, set.Config.Languages)
	if err != nil {
		return nil, err
	}
	for _, l := range all {
		home.Languages = append(home.Languages, doc.HomeLanguage{Lang: l.Tag, Dir: l.Dir(), Name: l.Native, Title: loc.Index(l).Title})
	}
	pages = append(pages, page{"index.html", hash(docHash(home), fp), func(w io.Writer) error { return site.Home(w, home) }})
	return pages, nil
}

// upToDate reports whether the previous build made exactly the planned
// outputs from the same inputs, and they are all still there. A partial
// build needs only its own outputs to match.
func upToDate(old map[string]string, out string, jobs []job, jobFP []string, renderers []Renderer, fps map[string]string, pages []page, partial bool) bool {
	planned := 0
	check := func(name, h string) bool {
		planned++
		if old[name] != h {
			return false
		}
		_, err := os.Stat(filepath.Join(out, filepath.FromSlash(name)))
		return err == nil
	}
	for i, j := range jobs {
		for _, r := range renderers {
			if !check(j.lang.Tag+"/"+j.role.ID+"."+r.Ext(), hash(jobFP[i], fps[r.Ext()])) {
				return false
			}
		}
	}
	for _, pg := range pages {
		if !check(pg.name, pg.hash) {
			return false
		}
	}
	return partial || planned == len(old)
}

// carryOver hard-links into stage every file of the previous output that
// this run did not produce, keeping its manifest entry.
func carryOver(old, manifest map[string]string, out, stage string) error {
	for name, hash := range old {
		if _, done := manifest[name]; done {
			continue
		}
		dst := filepath.Join(stage, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.Link(filepath.Join(out, filepath.FromSlash(name)), dst); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				continue // removed by hand since; nothing to keep
			}
			return err
		}
		manifest[name] = hash
	}
	return nil
}

// replaceable refuses to replace anything but a previous roledoc output
// or an empty directory: the whole of out is swapped away at the end, and
// "--out ." must not take the project with it.
func replaceable(out string) error {
	info, err := os.Stat(out)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !info.IsDir() {
		return fmt.Errorf("output %s is a file, not a directory; choose another --out", out)
	}
	if _, err := os.Stat(filepath.Join(out, manifestName)); err == nil {
		return nil
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return err
	}
	if len(entries) > 0 {
		return fmt.Errorf("output %s already holds files that roledoc did not write (no %s); choose an empty or new --out directory", out, manifestName)
	}
	return nil
}

// swap puts the staging directory in place of out.
func swap(stage, out string) error {
	if _, err := os.Stat(out); errors.Is(err, fs.ErrNotExist) {
		return os.Rename(stage, out)
	}
	if err := exchange(stage, out); err == nil {
		return os.RemoveAll(stage) // now holds the previous output
	}
	// Without an atomic exchange, keep the old output until the new one
	// is in place.
	prev := stage + ".old"
	if err := os.Rename(out, prev); err != nil {
		return err
	}
	if err := os.Rename(stage, out); err != nil {
		os.Rename(prev, out)
		return err
	}
	return os.RemoveAll(prev)
}

func languages(flag, configured []string) ([]locale.Language, error) {
	tags := configured
	if len(flag) > 0 {
		tags = flag
	}
	var out []locale.Language
	for _, t := range tags {
		l, err := locale.Lookup(t)
		if err != nil {
			return nil, err
		}
		if !slices.ContainsFunc(out, func(x locale.Language) bool { return x.Tag == l.Tag }) {
			out = append(out, l)
		}
	}
	return out, nil
}

func selectRoles(set *role.Set, ids []string) ([]*role.Role, error) {
	if len(ids) == 0 {
		return set.Roles, nil
	}
	var out []*role.Role
	for _, id := range ids {
		r, ok := set.Role(id)
		if !ok {
			return nil, fmt.Errorf("no role %q in roles/", id)
		}
		out = append(out, r)
	}
	return out, nil
}

// docHash fingerprints a document model: everything a renderer can show.
func docHash(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // document models are plain data
	}
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func hash(parts ...string) string {
	h := sha256.New()
	io.WriteString(h, roledoc.Version)
	for _, p := range parts {
		h.Write([]byte{0})
		io.WriteString(h, p)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func readManifest(out string) map[string]string {
	m := map[string]string{}
	data, err := os.ReadFile(filepath.Join(out, manifestName))
	if err == nil {
		_ = json.Unmarshal(data, &m) // a damaged manifest only costs a full render
	}
	return m
}

func writeManifest(stage string, m map[string]string) error {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString("{\n")
	for i, k := range keys {
		fmt.Fprintf(&b, "  %q: %q", k, m[k])
		if i < len(keys)-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString("}\n")
	return os.WriteFile(filepath.Join(stage, manifestName), []byte(b.String()), 0o644)
}
