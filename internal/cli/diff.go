package cli

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/roledoc/roledoc"
	"github.com/roledoc/roledoc/internal/change"
	"github.com/roledoc/roledoc/internal/locale"
	"github.com/roledoc/roledoc/internal/redline"
	"github.com/roledoc/roledoc/internal/render/pdf"
	"github.com/roledoc/roledoc/internal/role"
	"github.com/spf13/cobra"
	"gopkg.in/yaml.v3"
)

// diffFormats are the outputs of roledoc diff.
var diffFormats = []string{"text", "json", "html", "pdf"}

func newDiff(env *Env) *cobra.Command {
	var pf projectFlags
	var roleIDs, langs []string
	var format string
	var summary bool
	cmd := &cobra.Command{
		Use:   "diff [BASE]",
		Short: "Show what changed in the roles and translations since BASE",
		Long: `Diff compares the project with BASE, a git revision (default HEAD; such
as origin/main, a tag or a commit) of the repository it lives in, or a
directory holding another copy of the project.

Roles are compared field by field and item by item by id: an item that
only changed place is moved, an id renamed is removed and added, a changed
text shows the old and the new. In every other language, a translation
that changed, one made stale by a change to its English, and one that is
missing are listed too. Structural changes (references, dates, items
moved) are listed once, in English.

Formats: text for a terminal or a pull-request comment; json, a list of
{role, lang, path, kind, old, new} with kind one of added, removed,
changed, moved, stale, missing; html, a redline page per role and
language with word-level deletions and insertions; pdf, the same changes
as a document for the approvers to sign.

With --summary it prints instead, per changed role, a revision-history
entry to paste into the role file: its version, today's date and a
summary drafted from the changes, to edit before committing.

Exit status: 0 when nothing changed, 1 when something did, 2 on bad
usage, 3 on an I/O or internal failure.`,
		Example: `  roledoc diff                       # uncommitted changes
  roledoc diff origin/main --lang en # what a pull request changes
  roledoc diff v1.0 --role sales-manager --format html > redline.html
  roledoc diff origin/main --format pdf > redline.pdf
  roledoc diff origin/main --summary # draft history entries`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !slices.Contains(diffFormats, format) {
				return usageErr("unknown --format %q; use one of: %s", format, strings.Join(diffFormats, ", "))
			}
			base := "HEAD"
			if len(args) == 1 {
				base = args[0]
			}
			p, err := pf.resolve(env)
			if err != nil {
				return err
			}
			bp, err := baseProject(env, p, base, p.Roles, p.Locales, p.Config)
			if err != nil {
				return err
			}
			cfg, _, err := p.LoadConfig()
			if err != nil {
				return internalErr(err)
			}
			order, err := diffLanguages(cfg, langs)
			if err != nil {
				return err
			}
			old, new := version(bp), version(p)
			for _, id := range roleIDs {
				if !hasRole(old.Roles, id) && !hasRole(new.Roles, id) {
					return usageErr("no role %q here or in %s", id, base)
				}
			}
			// The source language is always compared: its structural
			// changes show on every language's redline page.
			langsCompared := order
			if !slices.Contains(order, locale.Source) {
				langsCompared = append([]string{locale.Source}, order...)
			}
			cs := change.Compare(old, new, change.Options{Source: locale.Source, Langs: langsCompared, Roles: roleIDs, Key: catalogKey})
			d := comparison{base: base, order: order, old: old, new: new, cs: cs, cfg: cfg}
			var b bytes.Buffer
			changed, err := d.write(&b, format, summary)
			if err != nil {
				return internalErr(err)
			}
			if _, err := cmd.OutOrStdout().Write(b.Bytes()); err != nil {
				return internalErr(err)
			}
			if changed {
				return errProblems
			}
			return nil
		},
	}
	pf.register(cmd)
	fl := cmd.Flags()
	fl.StringSliceVar(&roleIDs, "role", nil, "compare only these roles (repeat or separate with commas)")
	fl.StringSliceVar(&langs, "lang", nil, "compare only these languages (default: every language of the project)")
	fl.StringVar(&format, "format", "text", "output: "+strings.Join(diffFormats, ", "))
	fl.BoolVar(&summary, "summary", false, "print a draft revision-history entry per changed role")
	cmd.MarkFlagsMutuallyExclusive("summary", "format")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(diffFormats, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("lang", cobra.FixedCompletions(locale.Tags(), cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// comparison is the outcome of a diff, ready to write.
type comparison struct {
	base     string
	order    []string // the languages asked for
	old, new change.Version
	cs       []change.Change // in the languages asked for and the source
	cfg      *role.Config
}

// write writes the comparison in a format, or the draft history entries,
// and reports whether anything changed.
func (d comparison) write(b *bytes.Buffer, format string, summary bool) (bool, error) {
	switch {
	case summary:
		writeSummaries(b, d.cs, d.new.Roles)
		return len(d.cs) > 0, nil
	case format == "text" || format == "json":
		cs := inLanguages(d.cs, d.order)
		if format == "text" {
			return len(cs) > 0, change.WriteText(b, cs)
		}
		return len(cs) > 0, change.WriteJSON(b, cs)
	}
	rl := redline.Redline{
		Base:      d.base,
		Pages:     redline.Pages(d.cs, locale.Source, d.order, language, titles(d.old, d.new)),
		Date:      stamp(d.new.Roles),
		Generator: "roledoc " + roledoc.Version,
	}
	if d.cfg != nil {
		rl.Organization = d.cfg.Organization
	}
	return len(rl.Pages) > 0, writeRedline(b, format, rl)
}

// diffLanguages returns the languages to compare, the source first and
// the others in the project's order, narrowed to those asked for.
func diffLanguages(cfg *role.Config, asked []string) ([]string, error) {
	all := locale.Tags()
	if cfg != nil {
		all = cfg.Languages
	}
	order := []string{locale.Source}
	for _, tag := range all {
		if tag != locale.Source {
			order = append(order, tag)
		}
	}
	if len(asked) == 0 {
		return order, nil
	}
	for _, tag := range asked {
		if !slices.Contains(order, tag) {
			return nil, usageErr("unknown --lang %q; the project has: %s", tag, strings.Join(order, ", "))
		}
	}
	return slices.DeleteFunc(order, func(tag string) bool { return !slices.Contains(asked, tag) }), nil
}

// writeSummaries drafts a history entry for each role whose content
// changed, as YAML to paste under the role file's history.
func writeSummaries(b *bytes.Buffer, cs []change.Change, rs []*role.Role) {
	byRole := map[string][]change.Change{}
	var ids []string
	for _, c := range cs {
		if _, ok := byRole[c.Role]; !ok {
			ids = append(ids, c.Role)
		}
		byRole[c.Role] = append(byRole[c.Role], c)
	}
	for _, id := range ids {
		s := change.Propose(byRole[id], locale.Source)
		i := slices.IndexFunc(rs, func(r *role.Role) bool { return r.ID == id })
		if s == "" || i < 0 {
			continue
		}
		fmt.Fprintf(b, "# %s\nhistory:\n  - version: %q\n    date: %s\n    summary: %s\n", rs[i].File, rs[i].Version, time.Now().Format(time.DateOnly), yamlScalar(s))
	}
}

// yamlScalar writes s as a YAML value, quoted when it must be.
func yamlScalar(s string) string {
	out, err := yaml.Marshal(s)
	if err != nil {
		return strconv.Quote(s)
	}
	return strings.TrimSuffix(string(out), "\n")
}

// inLanguages keeps the changes in the given languages.
func inLanguages(cs []change.Change, langs []string) []change.Change {
	var out []change.Change
	for _, c := range cs {
		if slices.Contains(langs, c.Lang) {
			out = append(out, c)
		}
	}
	return out
}

func hasRole(rs []*role.Role, id string) bool {
	return slices.ContainsFunc(rs, func(r *role.Role) bool { return r.ID == id })
}

// language describes a language for the redline.
func language(tag string) redline.Language {
	l, err := locale.Lookup(tag)
	if err != nil {
		return redline.Language{Dir: "ltr", Name: tag}
	}
	return redline.Language{Dir: l.Dir(), Name: l.Native}
}

// titles gives a role's title in a language: the new translation, else
// the new English, else (for a role removed) the old.
func titles(old, new change.Version) func(id, lang string) string {
	return func(id, lang string) string {
		for _, v := range []change.Version{new, old} {
			for _, r := range v.Roles {
				if r.ID != id {
					continue
				}
				if t, ok := v.Texts(lang, catalogKey(id, "title")); ok {
					return t
				}
				return r.Title
			}
		}
		return id
	}
}

// stamp dates the redline PDF so that the same comparison gives the same
// bytes: SOURCE_DATE_EPOCH when set, else the latest effective date of
// the roles.
func stamp(rs []*role.Role) time.Time {
	if sec, err := strconv.ParseInt(os.Getenv("SOURCE_DATE_EPOCH"), 10, 64); err == nil {
		return time.Unix(sec, 0).UTC()
	}
	var latest time.Time
	for _, r := range rs {
		if t, err := time.Parse(time.DateOnly, r.Effective); err == nil && t.After(latest) {
			latest = t
		}
	}
	return latest
}

func writeRedline(b *bytes.Buffer, format string, rl redline.Redline) error {
	if format == "html" {
		return redline.HTML(b, rl)
	}
	r, err := pdf.New()
	if err != nil {
		return err
	}
	return r.Render(b, redline.Document(rl))
}
