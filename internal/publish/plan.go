package publish

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"slices"

	"github.com/roledoc/roledoc"
	"github.com/roledoc/roledoc/internal/diag"
	"github.com/roledoc/roledoc/internal/doc"
	"github.com/roledoc/roledoc/internal/locale"
	"github.com/roledoc/roledoc/internal/localize"
	"github.com/roledoc/roledoc/internal/role"
)

// plan is everything a build will output, each with the fingerprint of
// what it is made from. It holds the loaded roles and catalogs, not the
// documents: those are localized one job at a time while rendering.
type plan struct {
	opt       Options
	set       *role.Set
	loc       *localize.Localizer
	langs     []locale.Language
	jobs      []job
	renderers []Renderer
	fps       map[string]string // renderer fingerprint by extension
	pages     []page
	partial   bool // --role, --lang or --format: other outputs are kept
	workers   int
}

// job is one role in one language, rendered in every requested format.
type job struct {
	role *role.Role
	lang locale.Language
	fp   digest // fingerprint of the localized document's inputs
}

func (j *job) name(ext string) string { return j.lang.Tag + "/" + j.role.ID + "." + ext }

// page is an output that is not one role's document.
type page struct {
	name   string
	input  digest
	render func(io.Writer) error
}

// newPlan loads and checks every input, then fingerprints every output.
// Diagnostics go to res even when the plan fails.
func newPlan(ctx context.Context, opt Options, renderers []Renderer, site Site, res *Result) (*plan, error) {
	set, cats, ds, err := opt.Project.LoadRender()
	if err != nil {
		return nil, err
	}
	if set == nil || diag.HasErrors(ds) {
		res.Diagnostics = ds
		return nil, ErrInvalid
	}
	loc := localize.New(set, cats)
	// A translation check refuses stops the build too, in every
	// configured language, not only those built.
	if errs := loc.Errors(cats); len(errs) > 0 {
		ds = append(ds, errs...)
		diag.Sort(ds)
		res.Diagnostics = ds
		return nil, ErrInvalid
	}
	langs, err := languages(opt.Langs, set.Config.Languages)
	if err != nil {
		return nil, err
	}
	roles, err := selectRoles(set, opt.Roles)
	if err != nil {
		return nil, err
	}
	p := &plan{
		opt: opt, set: set, loc: loc, langs: langs, renderers: renderers,
		fps:     map[string]string{},
		partial: len(opt.Roles)+len(opt.Langs)+len(opt.Formats) > 0,
		workers: opt.Jobs,
	}
	if p.workers <= 0 {
		p.workers = runtime.GOMAXPROCS(0)
	}
	// Missing translations must be known before anything is rendered, so
	// that --strict can stop the build.
	for _, l := range langs {
		missing := p.loc.Missing(roles, l)
		if len(missing) > 0 {
			res.Fallbacks = append(res.Fallbacks, Fallback{l.Tag, len(missing)})
		}
		ds = append(ds, missing...)
		for _, r := range roles {
			p.jobs = append(p.jobs, job{role: r, lang: l})
		}
	}
	if opt.Strict {
		diag.Strict(ds)
	}
	diag.Sort(ds)
	res.Diagnostics = ds
	if diag.HasErrors(ds) {
		return nil, ErrInvalid
	}
	// Everything is checked: the position trees are not needed to render,
	// and at scale they are a third of the memory held while rendering.
	set.Forget()

	for _, r := range renderers {
		p.fps[r.Ext()] = r.Fingerprint()
	}
	// Jobs are by language, then role; each role's skeleton is made once
	// for all its languages.
	err = each(ctx, p.workers, len(roles), func(_ context.Context, i int) error {
		for k, fp := range p.loc.Fingerprints(roles[i], langs) {
			p.jobs[k*len(roles)+i].fp = hash(fp, opt.Date.String())
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if site != nil && slices.ContainsFunc(renderers, func(r Renderer) bool { return r.Ext() == "html" }) {
		if p.pages, err = p.planSite(site); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// input is the fingerprint of one output: its document's inputs and the
// renderer's own.
func (p *plan) input(j *job, r Renderer) digest { return hash(string(j.fp[:]), p.fps[r.Ext()]) }

// outputs counts the planned outputs.
func (p *plan) outputs() int { return len(p.jobs)*len(p.renderers) + len(p.pages) }

// document localizes one job.
func (p *plan) document(j *job) *doc.Document {
	d, _ := p.loc.Document(j.role, j.lang) // diagnostics were reported by Missing
	d.Page = p.set.Config.Page()
	if !p.opt.Date.IsZero() {
		d.Date = p.opt.Date
	}
	return d
}

// planSite prepares each language's index and the language chooser.
func (p *plan) planSite(site Site) ([]page, error) {
	fp := p.fps["html"]
	var pages []page
	for _, l := range p.langs {
		ix := p.loc.Index(l)
		ix.Page = p.set.Config.Page()
		pages = append(pages, page{l.Tag + "/index.html", hash(docHash(ix), fp), func(w io.Writer) error { return site.Index(w, ix) }})
	}
	// The language chooser lists every configured language, whichever
	// this run built.
	home := &doc.Home{Organization: p.set.Config.Organization, Generator: "roledoc " + roledoc.Version}
	all, err := languages(nil, p.set.Config.Languages)
	if err != nil {
		return nil, err
	}
	for _, l := range all {
		home.Languages = append(home.Languages, doc.HomeLanguage{Lang: l.Tag, Dir: l.Dir(), Name: l.Native, Title: p.loc.Index(l).Title})
	}
	pages = append(pages, page{"index.html", hash(docHash(home), fp), func(w io.Writer) error { return site.Home(w, home) }})
	return pages, nil
}

// upToDate reports whether the previous build made exactly the planned
// outputs from the same inputs and they are all still intact. A partial
// build needs only its own outputs to match.
func (p *plan) upToDate(ctx context.Context, old *manifest, out string, verify bool) bool {
	if !p.partial && len(old.Files) != p.outputs() {
		return false
	}
	err := each(ctx, p.workers, len(p.jobs), func(_ context.Context, i int) error {
		j := &p.jobs[i]
		for _, r := range p.renderers {
			if !old.intact(out, j.name(r.Ext()), p.input(j, r), verify) {
				return errStale
			}
		}
		return nil
	})
	if err != nil {
		return false
	}
	for _, pg := range p.pages {
		if !old.intact(out, pg.name, pg.input, verify) {
			return false
		}
	}
	return true
}

// languages resolves the --lang flag, or the configured languages.
func languages(flag, configured []string) ([]locale.Language, error) {
	tags := configured
	if len(flag) > 0 {
		tags = flag
	}
	var out []locale.Language
	for _, t := range tags {
		l, err := locale.Lookup(t)
		if err != nil {
			if len(flag) > 0 {
				return nil, &UsageError{err}
			}
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
			return nil, usage("no role %q in roles/", id)
		}
		out = append(out, r)
	}
	return out, nil
}

// docHash fingerprints a document model: everything a renderer can show.
func docHash(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("document models are plain data: %v", err))
	}
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// hash fingerprints an output's inputs, and roledoc's version.
func hash(parts ...string) digest {
	h := sha256.New()
	io.WriteString(h, roledoc.Version)
	for _, p := range parts {
		h.Write([]byte{0})
		io.WriteString(h, p)
	}
	return digest(h.Sum(nil))
}
