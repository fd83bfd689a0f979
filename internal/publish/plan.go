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
	"github.com/roledoc/roledoc/internal/catalog"
	"github.com/roledoc/roledoc/internal/diag"
	"github.com/roledoc/roledoc/internal/doc"
	"github.com/roledoc/roledoc/internal/locale"
	"github.com/roledoc/roledoc/internal/localize"
	"github.com/roledoc/roledoc/internal/role"
)

// plan is everything a build will output, each with the fingerprint of
// what it is made from. It holds the loaded roles and the English source
// messages, not the translations: at ten thousand roles those are 60 MB
// per language, so each language is read while planning, used and
// dropped, and read again to render only when one of its documents must
// be rendered. Documents are localized one job at a time while rendering.
type plan struct {
	opt       Options
	set       *role.Set
	src       *localize.Localizer // the English source, no translations
	langs     []locale.Language
	roles     []*role.Role
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

// planned is what planning found in one language while its texts were
// loaded.
type planned struct {
	missing []diag.Diagnostic
	index   *doc.Index // nil when no index page is built
	title   string     // the index's title, for the language chooser
}

// newPlan loads and checks every input, then fingerprints every output.
// Diagnostics go to res even when the plan fails.
func newPlan(ctx context.Context, opt Options, renderers []Renderer, site Site, res *Result) (*plan, error) {
	p := &plan{
		opt: opt, renderers: renderers,
		fps:     map[string]string{},
		partial: len(opt.Roles)+len(opt.Formats)+len(opt.Langs) > 0,
		workers: opt.Jobs,
	}
	if p.workers <= 0 {
		p.workers = runtime.GOMAXPROCS(0)
	}
	for _, r := range renderers {
		p.fps[r.Ext()] = r.Fingerprint()
	}
	withSite := site != nil && slices.ContainsFunc(renderers, func(r Renderer) bool { return r.Ext() == "html" })

	// The roles load while the first language's catalog files are parsed.
	type loaded struct {
		set *role.Set
		ds  []diag.Diagnostic
		err error
	}
	roles := make(chan loaded, 1)
	go func() {
		set, ds, err := opt.Project.Load()
		roles <- loaded{set, ds, err}
	}()
	var (
		rs      *loaded
		all     []locale.Language // configured, for the language chooser
		found   map[string]*planned
		prepErr error
		// errs are the errors check reports in the translations, which
		// stop the build too, in every configured language, not only
		// those built.
		errs []diag.Diagnostic
	)
	// prepare waits for the roles and reports whether the languages'
	// texts are worth planning with: not when the roles have errors.
	prepare := func() bool {
		if rs == nil {
			r := <-roles
			rs = &r
			if r.err == nil && r.set != nil && !diag.HasErrors(r.ds) {
				if prepErr = p.prepare(r.set); prepErr == nil {
					all, prepErr = languages(nil, r.set.Config.Languages)
				}
				found = map[string]*planned{}
			}
		}
		return found != nil && prepErr == nil
	}
	use := func(l locale.Language, t *catalog.Texts) {
		ok := prepare()
		if t != nil && p.src != nil {
			errs = append(errs, p.src.Errors(map[string]*catalog.Texts{l.Tag: t})...)
		}
		if !ok || found[l.Tag] != nil {
			return
		}
		want := slices.ContainsFunc(p.langs, func(x locale.Language) bool { return x.Tag == l.Tag })
		if !want && !(withSite && slices.ContainsFunc(all, func(x locale.Language) bool { return x.Tag == l.Tag })) {
			return
		}
		texts := map[string]*catalog.Texts{}
		if t != nil {
			texts[l.Tag] = t
		}
		found[l.Tag] = p.planLanguage(ctx, p.src.With(texts), l, want, withSite)
	}
	pr := opt.Project
	cds := catalog.EachTexts(pr.Locales.FS, pr.Locales.Root, pr.Locales.Shown, func(t *catalog.Texts) { use(t.Lang, t) })
	prepare()
	if rs.err != nil {
		return nil, rs.err
	}
	ds := append(rs.ds, cds...)
	diag.Sort(ds)
	if rs.set == nil || diag.HasErrors(ds) {
		res.Diagnostics = ds
		return nil, ErrInvalid
	}
	if len(errs) > 0 {
		ds = append(ds, errs...)
		diag.Sort(ds)
		res.Diagnostics = ds
		return nil, ErrInvalid
	}
	if prepErr != nil {
		return nil, prepErr
	}
	// Languages without a catalog show English.
	for _, l := range slices.Concat(p.langs, all) {
		use(l, nil)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// Missing translations must be known before anything is rendered, so
	// that --strict can stop the build.
	for _, l := range p.langs {
		if missing := found[l.Tag].missing; len(missing) > 0 {
			res.Fallbacks = append(res.Fallbacks, Fallback{l.Tag, len(missing)})
			ds = append(ds, missing...)
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
	p.set.Forget()
	if withSite {
		p.pages = p.planSite(site, all, found)
	}
	return p, nil
}

// prepare resolves the languages and roles to build from the loaded set.
func (p *plan) prepare(set *role.Set) error {
	p.set, p.src = set, localize.New(set, nil)
	var err error
	if p.langs, err = languages(p.opt.Langs, set.Config.Languages); err != nil {
		return err
	}
	if p.roles, err = selectRoles(set, p.opt.Roles); err != nil {
		return err
	}
	for _, l := range p.langs {
		for _, r := range p.roles {
			p.jobs = append(p.jobs, job{role: r, lang: l})
		}
	}
	return nil
}

// planLanguage finds one language's missing translations and index page,
// and, when it is built, fingerprints its documents, with loc holding its
// texts.
func (p *plan) planLanguage(ctx context.Context, loc *localize.Localizer, l locale.Language, build, site bool) *planned {
	pl := &planned{}
	ix := loc.Index(l)
	pl.title = ix.Title
	if !build {
		return pl
	}
	pl.missing = loc.Missing(p.roles, l)
	if site {
		ix.Page = p.set.Config.Page()
		pl.index = ix
	}
	k := slices.IndexFunc(p.langs, func(x locale.Language) bool { return x.Tag == l.Tag })
	jobs := p.jobs[k*len(p.roles) : (k+1)*len(p.roles)]
	// An error here is the context's, which the caller reports.
	_ = each(ctx, p.workers, len(jobs), func(_ context.Context, i int) error {
		jobs[i].fp = hash(loc.Fingerprints(jobs[i].role, []locale.Language{l})[0], p.opt.Date.String())
		return nil
	})
	return pl
}

// input is the fingerprint of one output: its document's inputs and the
// renderer's own.
func (p *plan) input(j *job, r Renderer) digest { return hash(string(j.fp[:]), p.fps[r.Ext()]) }

// outputs counts the planned outputs.
func (p *plan) outputs() int { return len(p.jobs)*len(p.renderers) + len(p.pages) }

// localizer reads lang's texts again, to render its documents.
func (p *plan) localizer(lang locale.Language) *localize.Localizer {
	pr := p.opt.Project
	texts := map[string]*catalog.Texts{}
	if t := catalog.LanguageTexts(pr.Locales.FS, pr.Locales.Root, pr.Locales.Shown, lang); t != nil {
		texts[lang.Tag] = t
	}
	return p.src.With(texts)
}

// document localizes one job.
func (p *plan) document(loc *localize.Localizer, j *job) *doc.Document {
	d, _ := loc.Document(j.role, j.lang) // diagnostics were reported by Missing
	d.Page = p.set.Config.Page()
	if !p.opt.Date.IsZero() {
		d.Date = p.opt.Date
	}
	return d
}

// planSite prepares each language's index and the language chooser.
func (p *plan) planSite(site Site, all []locale.Language, found map[string]*planned) []page {
	fp := p.fps["html"]
	var pages []page
	for _, l := range p.langs {
		ix := found[l.Tag].index
		pages = append(pages, page{l.Tag + "/index.html", hash(docHash(ix), fp), func(w io.Writer) error { return site.Index(w, ix) }})
	}
	// The language chooser lists every configured language, whichever
	// this run built.
	home := &doc.Home{Organization: p.set.Config.Organization, Generator: "roledoc " + roledoc.Version}
	for _, l := range all {
		home.Languages = append(home.Languages, doc.HomeLanguage{Lang: l.Tag, Dir: l.Dir(), Name: l.Native, Title: found[l.Tag].title})
	}
	pages = append(pages, page{"index.html", hash(docHash(home), fp), func(w io.Writer) error { return site.Home(w, home) }})
	return pages
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
