package cli

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/roledoc/roledoc/internal/catalog"
	"github.com/roledoc/roledoc/internal/diag"
	"github.com/roledoc/roledoc/internal/locale"
	"github.com/roledoc/roledoc/internal/project"
	"github.com/roledoc/roledoc/internal/role"
	"github.com/roledoc/roledoc/internal/yamlsrc"
	"github.com/spf13/cobra"
)

func newI18n(env *Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "i18n",
		Short: "Keep translations in step with the English",
		Long: `The i18n commands keep the catalogs in locales/<lang>/ in step with the
English source in roles/ and the interface:

  extract   write the English source catalog (locales/en/)
  merge     add missing messages to each language, drop orphans
  status    per-language coverage: translated, missing, stale
  confirm   mark stale translations as still fitting the new English
  export    a language as XLIFF 2.0 or gettext PO for translation tools
  import    an XLIFF 2.0 or PO file back into its language
  migrate   split the old one-file roles.yaml into roles/<role-id>.yaml

They work whenever the catalogs and the English can be read: errors in
role files (a bad reports_to, a file that does not parse) are noted and
left to 'roledoc check'; the messages of a role file that cannot be read
keep their translations as they are.`,
	}
	cmd.AddCommand(newI18nExtract(env), newI18nMerge(env), newI18nStatus(env), newI18nConfirm(env), newI18nExport(env), newI18nImport(env), newI18nMigrate(env))
	return cmd
}

// i18nState is what every i18n command starts from: the English that
// could be read and the catalogs.
type i18nState struct {
	p    *project.Project
	set  *role.Set
	cats map[string]*catalog.Catalog
	src  []*catalog.Entry
	// catalogDs are the problems found reading the catalogs; commands
	// that write or export catalogs stop on their errors.
	catalogDs []diag.Diagnostic
}

// loadI18n reads the roles and catalogs. Errors in the role files do not
// stop translators' work: they are noted on w and left to check, and a
// role file that cannot be read keeps its catalog files. Only a
// configuration that cannot be read stops here, since it names the
// languages.
func loadI18n(env *Env, pf *projectFlags, w io.Writer) (*i18nState, error) {
	p, err := pf.resolve(env)
	if err != nil {
		return nil, err
	}
	// The built-in catalogs are the sample company's: a translator in the
	// wrong folder would be told all is translated, or export them.
	if _, err := p.LocalesDir(); err != nil {
		return nil, usageErr("%v", err)
	}
	set, ds, err := p.Load()
	if err != nil {
		return nil, internalErr(err)
	}
	if set == nil {
		return nil, reportProblems(env, w, p, ds)
	}
	noteRoleErrors(w, ds, set.Unreadable())
	cats, cds := p.LoadCatalogs()
	diag.Sort(cds)
	return &i18nState{p: p, set: set, cats: cats, src: catalog.SourceMessages(set), catalogDs: cds}, nil
}

// reportProblems prints diagnostics as text and returns errProblems.
func reportProblems(env *Env, w io.Writer, p *project.Project, ds []diag.Diagnostic) error {
	rf := reportFlags{flag: "format", format: "text"}
	if err := rf.report(env, w, p, ds); err != nil {
		return err
	}
	return errProblems
}

// noteRoleErrors says in one line which role files have errors, which the
// i18n commands work around.
func noteRoleErrors(w io.Writer, ds []diag.Diagnostic, unreadable []string) {
	var files []string
	for _, d := range ds {
		if d.Severity == diag.Error && !slices.Contains(files, d.Pos.File) {
			files = append(files, d.Pos.File)
		}
	}
	if len(files) == 0 {
		return
	}
	fmt.Fprintf(w, "note: %s %s errors; run 'roledoc check' for them. Translation work goes on", strings.Join(files, ", "), plural(len(files), "has", "have"))
	if len(unreadable) > 0 {
		fmt.Fprintf(w, "; the translations of %s are kept as they are until %s can be read", strings.Join(unreadable, ", "), plural(len(unreadable), "its file", "their files"))
	}
	fmt.Fprintln(w, ".")
}

func plural(n int, one, other string) string {
	if n == 1 {
		return one
	}
	return other
}

// cleanCatalogs reports the catalogs' errors and returns errProblems when
// there are any: a command that writes or exports a catalog must not
// work from one read in part.
func (s *i18nState) cleanCatalogs(env *Env, w io.Writer) error {
	if !diag.HasErrors(s.catalogDs) {
		return nil
	}
	return reportProblems(env, w, s.p, s.catalogDs)
}

// loadWritable is loadI18n for commands that write catalogs: the locales
// must be a directory on disk, and the catalogs free of errors.
func loadWritable(env *Env, pf *projectFlags, w io.Writer) (*i18nState, string, error) {
	s, err := loadI18n(env, pf, w)
	if err != nil {
		return nil, "", err
	}
	if err := s.cleanCatalogs(env, w); err != nil {
		return nil, "", err
	}
	dir, err := s.p.LocalesDir()
	if err != nil {
		return nil, "", usageErr("%v", err)
	}
	return s, dir, nil
}

// merge writes a language's catalogs brought in line with the source and
// says on w where translations went that were not simply kept.
func (s *i18nState) merge(w io.Writer, dir string, c *catalog.Catalog) ([]string, error) {
	files, sum := catalog.Merge(s.src, c, s.set.Unreadable())
	tag := c.Lang.Tag
	if n := len(sum.Carried); n > 0 {
		fmt.Fprintf(w, "%s: carried over %d %s from renamed keys\n", tag, n, plural(n, "translation", "translations"))
	}
	if n := len(sum.Restored); n > 0 {
		fmt.Fprintf(w, "%s: brought back %d %s from %s/\n", tag, n, plural(n, "translation", "translations"), catalog.ObsoleteDir)
	}
	if n := len(sum.Obsolete); n > 0 {
		fmt.Fprintf(w, "%s: kept %d %s of removed messages in %s/%s/\n", tag, n, plural(n, "translation", "translations"), c.Dir, catalog.ObsoleteDir)
	}
	return catalog.WriteFiles(filepath.Join(dir, tag), files)
}

// catalog returns a language's catalog, empty when it has none yet.
func (s *i18nState) catalog(lang locale.Language) *catalog.Catalog {
	if c := s.cats[lang.Tag]; c != nil {
		return c
	}
	return &catalog.Catalog{Lang: lang, Dir: s.p.Locales.Shown + "/" + lang.Tag, Msgs: map[string]*catalog.Translation{}}
}

// langs returns the languages to work on: the flag's, else the configured
// ones, without English.
func (s *i18nState) langs(flag []string) ([]locale.Language, error) {
	tags := flag
	if len(tags) == 0 {
		tags = s.set.Config.Languages
	}
	var out []locale.Language
	for _, t := range tags {
		for _, part := range strings.Split(t, ",") {
			l, err := locale.Lookup(strings.TrimSpace(part))
			if err != nil {
				return nil, usageErr("%v", err)
			}
			if l.Tag != locale.Source {
				out = append(out, l)
			}
		}
	}
	return out, nil
}

func newI18nExtract(env *Env) *cobra.Command {
	var pf projectFlags
	cmd := &cobra.Command{
		Use:   "extract",
		Short: "Write the English source catalog to locales/en/",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, dir, err := loadWritable(env, &pf, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			files := catalog.Extract(s.src)
			catalog.Keep(files, s.set.Unreadable())
			return writeCatalogs(cmd.ErrOrStderr(), filepath.Join(dir, locale.Source), files)
		},
	}
	pf.register(cmd)
	return cmd
}

// writeCatalogs writes the files that changed and says which.
func writeCatalogs(w io.Writer, dir string, files map[string][]byte) error {
	wrote, err := catalog.WriteFiles(dir, files)
	if err != nil {
		return internalErr(err)
	}
	reportWrites(w, wrote)
	return nil
}

func reportWrites(w io.Writer, wrote []string) {
	if len(wrote) == 0 {
		fmt.Fprintln(w, "nothing changed")
		return
	}
	for _, p := range wrote {
		verb := "wrote"
		if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
			verb = "removed" // a file of the old layout, or of a role that is gone
		}
		fmt.Fprintf(w, "%s %s\n", verb, filepath.ToSlash(p))
	}
}

func newI18nMerge(env *Env) *cobra.Command {
	var pf projectFlags
	var langs []string
	cmd := &cobra.Command{
		Use:   "merge",
		Short: "Add missing messages to each language and drop orphans",
		Long: `Merge brings each language's catalog in line with the English: it adds
messages that are missing (with empty text, to be translated) and records
the English a translation was made from on translations that have none.

No translation is lost. When a message is gone and a new one has the same
English (a renamed item or role), its translation moves there; other
translations of messages that are gone move to locales/<lang>/obsolete/,
and come back when their message does. When the English of a translated
message changed, merge keeps the earlier English beside it ("previous")
and marks it for review, until the text is changed or confirmed with
'roledoc i18n confirm'.

Running it twice changes nothing the second time. A catalog with errors
is not rewritten.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, dir, err := loadWritable(env, &pf, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			ls, err := s.langs(langs)
			if err != nil {
				return err
			}
			var all []string
			for _, l := range ls {
				wrote, err := s.merge(cmd.ErrOrStderr(), dir, s.catalog(l))
				all = append(all, wrote...)
				if err != nil {
					return internalErr(err)
				}
			}
			reportWrites(cmd.ErrOrStderr(), all)
			return nil
		},
	}
	pf.register(cmd)
	cmd.Flags().StringSliceVar(&langs, "lang", nil, "languages (default: those in roledoc.yaml)")
	return cmd
}

func newI18nStatus(env *Env) *cobra.Command {
	var pf projectFlags
	var langs []string
	var format string
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Show each language's coverage: translated, missing, stale",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format != "text" && format != "json" {
				return usageErr("unknown --format %q; use text or json", format)
			}
			s, err := loadI18n(env, &pf, cmd.ErrOrStderr())
			if err != nil {
				if format == "json" {
					// Tools reading stdout get JSON in every case.
					return errors.Join(err, writeStatusJSON(cmd.OutOrStdout(), nil))
				}
				return err
			}
			ls, err := s.langs(langs)
			if err != nil {
				return err
			}
			var sts []catalog.Status
			for _, l := range ls {
				sts = append(sts, catalog.CoverageOf(s.src, s.catalog(l), s.set.Unreadable()...))
			}
			if format == "json" {
				err = writeStatusJSON(cmd.OutOrStdout(), sts)
			} else {
				err = writeStatusText(cmd.OutOrStdout(), sts)
			}
			if err != nil {
				return internalErr(err)
			}
			// A broken catalog is counted as far as it could be read.
			return s.cleanCatalogs(env, cmd.ErrOrStderr())
		},
	}
	pf.register(cmd)
	cmd.Flags().StringSliceVar(&langs, "lang", nil, "languages (default: those in roledoc.yaml)")
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	return cmd
}

func writeStatusText(w io.Writer, sts []catalog.Status) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "lang\ttotal\ttranslated\tmissing\tstale\tdone\t")
	for _, s := range sts {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%.1f%%\t\n", s.Lang, s.Total, s.Translated, len(s.Missing), len(s.Stale), s.Percent())
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, s := range sts {
		for _, group := range []struct {
			what string
			ps   []catalog.Problem
		}{{"missing", s.Missing}, {"stale", s.Stale}, {"orphan", s.Orphans}, {"obsolete", s.Obsolete}} {
			if len(group.ps) == 0 {
				continue
			}
			fmt.Fprintf(w, "\n%s: %d %s\n", s.Lang, len(group.ps), group.what)
			for _, p := range group.ps {
				fmt.Fprintf(w, "  %s  %s\n", p.Pos, p.ID)
				if group.what == "stale" {
					fmt.Fprintf(w, "      was: %s\n      now: %s\n", cmp.Or(indent(p.Previous), "(not recorded; run 'roledoc i18n merge')"), indent(p.English))
				}
			}
		}
	}
	return nil
}

// indent lines up the lines of plural forms under the first.
func indent(s string) string { return strings.ReplaceAll(s, "\n", "\n           ") }

func writeStatusJSON(w io.Writer, sts []catalog.Status) error {
	type problem struct {
		ID   string `json:"id"`
		File string `json:"file"`
		Line int    `json:"line,omitempty"`
		// For stale translations: the English they were made from and
		// the English now.
		Previous string `json:"previous,omitempty"`
		English  string `json:"english,omitempty"`
	}
	type lang struct {
		Lang       string    `json:"lang"`
		Total      int       `json:"total"`
		Translated int       `json:"translated"`
		Missing    []problem `json:"missing"`
		Stale      []problem `json:"stale"`
		Orphans    []problem `json:"orphans"`
		Obsolete   []problem `json:"obsolete"`
		Percent    float64   `json:"percent"`
	}
	conv := func(ps []catalog.Problem) []problem {
		out := []problem{}
		for _, p := range ps {
			out = append(out, problem{p.ID, p.Pos.File, p.Pos.Line, p.Previous, p.English})
		}
		return out
	}
	out := []lang{}
	for _, s := range sts {
		out = append(out, lang{s.Lang, s.Total, s.Translated, conv(s.Missing), conv(s.Stale), conv(s.Orphans), conv(s.Obsolete), s.Percent()})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func newI18nConfirm(env *Env) *cobra.Command {
	var pf projectFlags
	var langs []string
	var all bool
	cmd := &cobra.Command{
		Use:   "confirm --lang LANG (MESSAGE-ID... | --all)",
		Short: "Mark stale translations as still fitting the new English",
		Long: `When the English of a message changes, its translations are stale and
merge keeps the earlier English beside them ("previous"). A translation
that is changed is current again at the next merge; confirm is for one
that still fits as it is: it records the new English and removes the
review mark. Nothing else is changed, apart from what merge would do.`,
		Example: `  roledoc i18n confirm --lang nl sales-manager.duties.find-clients
  roledoc i18n confirm --lang nl,id --all`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(langs) == 0 {
				return usageErr("confirm needs --lang")
			}
			if all == (len(args) > 0) {
				return usageErr("name the messages to confirm, or pass --all")
			}
			s, dir, err := loadWritable(env, &pf, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			ls, err := s.langs(langs)
			if err != nil {
				return err
			}
			var wrote []string
			for _, l := range ls {
				c := s.catalog(l)
				done, err := catalog.Confirm(s.src, c, args)
				if err != nil {
					return usageErr("%s: %v", l.Tag, err)
				}
				fmt.Fprintf(cmd.ErrOrStderr(), "%s: confirmed %d %s\n", l.Tag, len(done), plural(len(done), "translation", "translations"))
				w, err := s.merge(cmd.ErrOrStderr(), dir, c)
				wrote = append(wrote, w...)
				if err != nil {
					return internalErr(err)
				}
			}
			reportWrites(cmd.ErrOrStderr(), wrote)
			return nil
		},
	}
	pf.register(cmd)
	cmd.Flags().StringSliceVar(&langs, "lang", nil, "languages to confirm in")
	cmd.Flags().BoolVar(&all, "all", false, "confirm every stale translation")
	return cmd
}

func newI18nExport(env *Env) *cobra.Command {
	var pf projectFlags
	var lang, out, format string
	cmd := &cobra.Command{
		Use:   "export --lang LANG",
		Short: "Write a language's catalog as XLIFF 2.0 or gettext PO",
		Example: `  roledoc i18n export --lang ar -o ar.xlf
  roledoc i18n export --lang nl --format po -o nl.po`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if lang == "" {
				return usageErr("export needs --lang")
			}
			export, ok := map[string]func([]*catalog.Entry, *catalog.Catalog) []byte{"xliff": catalog.Export, "po": catalog.ExportPO}[format]
			if !ok {
				return usageErr("unknown --format %q; use xliff or po", format)
			}
			s, err := loadI18n(env, &pf, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			if err := s.cleanCatalogs(env, cmd.ErrOrStderr()); err != nil {
				return err
			}
			ls, err := s.langs([]string{lang})
			if err != nil {
				return err
			}
			if len(ls) != 1 {
				return usageErr("export one language other than English")
			}
			data := export(s.src, s.catalog(ls[0]))
			if out == "" || out == "-" {
				_, err = cmd.OutOrStdout().Write(data)
			} else {
				err = writeFile(env, out, data)
			}
			if err != nil {
				return internalErr(err)
			}
			return nil
		},
	}
	pf.register(cmd)
	cmd.Flags().StringVar(&lang, "lang", "", "language to export")
	cmd.Flags().StringVar(&format, "format", "xliff", "file format: xliff (XLIFF 2.0) or po (gettext)")
	cmd.Flags().StringVarP(&out, "output", "o", "", "output file (default: standard output)")
	return cmd
}

func newI18nImport(env *Env) *cobra.Command {
	var pf projectFlags
	cmd := &cobra.Command{
		Use:   "import FILE.xlf|FILE.po",
		Short: "Read an XLIFF 2.0 or PO file back into its language's catalog",
		Long: `Import reads a file a translation tool returns into its language's catalog:
XLIFF 2.0, or gettext PO when the name ends in .po. Units the tool marks as
done (XLIFF state translated, reviewed or final; a PO entry that is not
fuzzy) are taken; it prints how many were imported, unchanged and skipped,
and why each skipped unit was left out. A placeholder such as {{.Count}}
that differs from the English, template code or a bidi control refuses
the whole file.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, dir, err := loadWritable(env, &pf, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			data, err := readGiven(s.p, args[0], yamlsrc.MaxCatalogSize)
			if err != nil {
				return usageErr("%s: %v", args[0], cmp.Or(errors.Unwrap(err), err))
			}
			langOf, imp := catalog.XLIFFLang, catalog.Import
			if strings.EqualFold(filepath.Ext(args[0]), ".po") {
				langOf, imp = catalog.POLang, catalog.ImportPO
			}
			lang, err := langOf(data)
			if err != nil {
				return &exitError{ExitProblems, fmt.Errorf("%s: %v", args[0], err)}
			}
			c := s.catalog(lang)
			im, err := imp(data, s.src, c)
			if err != nil {
				return &exitError{ExitProblems, fmt.Errorf("%s: %v", args[0], err)}
			}
			reportImport(cmd.ErrOrStderr(), args[0], im)
			c.Msgs = im.Msgs
			wrote, err := s.merge(cmd.ErrOrStderr(), dir, c)
			if err != nil {
				return internalErr(err)
			}
			reportWrites(cmd.ErrOrStderr(), wrote)
			return nil
		},
	}
	pf.register(cmd)
	return cmd
}

// reportImport says what an import took and, as warnings, what it left
// out and why.
func reportImport(w io.Writer, file string, im *catalog.Imported) {
	fmt.Fprintf(w, "%s: %s\n", file, im.Summary())
	for _, sk := range im.Skipped {
		fmt.Fprintf(w, "warning: %s: skipped %s: %s\n", file, sk.Unit, sk.Reason)
	}
}

func newI18nMigrate(env *Env) *cobra.Command {
	var pf projectFlags
	cmd := &cobra.Command{
		Use:   "migrate",
		Short: "Split each language's roles.yaml into roles/<role-id>.yaml",
		Long: `Migrate moves catalogs from the old layout, one roles.yaml per language
holding every role's messages, to one file per role and language,
locales/<lang>/roles/<role-id>.yaml, beside ui.yaml. It extracts the English
and merges every language, so it also does what those do. A language that
still has roles.yaml is rebuilt from it: its roles/ directory is replaced,
so running migrate again after roles.yaml changed (say, in a git merge)
regenerates the split files from it.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			p, err := pf.resolve(env)
			if err != nil {
				return err
			}
			dir, err := p.LocalesDir()
			if err != nil {
				return usageErr("%v", err)
			}
			restore, err := setAsideSplitFiles(dir)
			if err != nil {
				return internalErr(err)
			}
			s, _, err := loadWritable(env, &pf, cmd.ErrOrStderr())
			if err != nil {
				return errors.Join(err, restore())
			}
			english := catalog.Extract(s.src)
			catalog.Keep(english, s.set.Unreadable())
			wrote, err := catalog.WriteFiles(filepath.Join(dir, locale.Source), english)
			if err != nil {
				return internalErr(errors.Join(err, restore()))
			}
			for _, l := range locale.Languages {
				if c := s.cats[l.Tag]; c != nil {
					w, err := s.merge(cmd.ErrOrStderr(), dir, c)
					wrote = append(wrote, w...)
					if err != nil {
						return internalErr(errors.Join(err, restore()))
					}
				}
			}
			if err := removeSetAside(dir); err != nil {
				return internalErr(err)
			}
			reportWrites(cmd.ErrOrStderr(), wrote)
			return nil
		},
	}
	pf.register(cmd)
	return cmd
}

// setAside names where migrate keeps a language's roles/ while it rebuilds
// them from roles.yaml; the loader reads no other directory.
const setAside = ".roles-before-migrate"

// setAsideSplitFiles moves roles/ out of the way in each language directory
// that still has roles.yaml, so the old file's messages are read once, and
// returns a function that puts them back.
func setAsideSplitFiles(dir string) (restore func() error, err error) {
	var moved []string
	restore = func() error {
		var errs []error
		for _, d := range moved {
			os.RemoveAll(filepath.Join(d, catalog.RolesDir))
			errs = append(errs, os.Rename(filepath.Join(d, setAside), filepath.Join(d, catalog.RolesDir)))
		}
		return errors.Join(errs...)
	}
	langs, _ := filepath.Glob(filepath.Join(dir, "*", catalog.LegacyRolesFile))
	for _, f := range langs {
		d := filepath.Dir(f)
		if err := os.RemoveAll(filepath.Join(d, setAside)); err != nil {
			return restore, err
		}
		if err := os.Rename(filepath.Join(d, catalog.RolesDir), filepath.Join(d, setAside)); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			return restore, errors.Join(err, restore())
		}
		moved = append(moved, d)
	}
	return restore, nil
}

// removeSetAside drops what setAsideSplitFiles moved once the migration
// has written the new files.
func removeSetAside(dir string) error {
	old, _ := filepath.Glob(filepath.Join(dir, "*", setAside))
	for _, d := range old {
		if err := os.RemoveAll(d); err != nil {
			return err
		}
	}
	return nil
}

// readGiven reads a file named on the command line as the project's
// inputs are read: only a regular file (a FIFO would block the command
// forever), never through a link that leads out of the project root (or
// out of the file's own directory when that is outside the project), and
// at most limit bytes.
func readGiven(p *project.Project, arg string, limit int) ([]byte, error) {
	src, err := p.Given(arg, false)
	if err != nil {
		return nil, err
	}
	data, err := yamlsrc.ReadFile(src.FS, src.Root, limit)
	if err == nil && len(data) > limit {
		err = fmt.Errorf("over the %d-byte limit", limit)
	}
	return data, err
}

func resolvePath(env *Env, p string) string {
	if env.Dir != "" && !filepath.IsAbs(p) {
		return filepath.Join(env.Dir, p)
	}
	return p
}

func writeFile(env *Env, p string, data []byte) error {
	return os.WriteFile(resolvePath(env, p), data, 0o644)
}
