package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/roledoc/roledoc/internal/catalog"
	"github.com/roledoc/roledoc/internal/diag"
	"github.com/roledoc/roledoc/internal/locale"
	"github.com/roledoc/roledoc/internal/project"
	"github.com/roledoc/roledoc/internal/role"
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
  export    a language as XLIFF 2.0 for translation tools
  import    an XLIFF 2.0 file back into its language
  migrate   split the old one-file roles.yaml into roles/<role-id>.yaml`,
	}
	cmd.AddCommand(newI18nExtract(env), newI18nMerge(env), newI18nStatus(env), newI18nExport(env), newI18nImport(env), newI18nMigrate(env))
	return cmd
}

// i18nState is what every i18n command starts from: a valid project and
// its catalogs.
type i18nState struct {
	p    *project.Project
	set  *role.Set
	cats map[string]*catalog.Catalog
	src  []*catalog.Entry
}

func loadI18n(env *Env, pf *projectFlags, w io.Writer) (*i18nState, error) {
	p, err := pf.resolve(env)
	if err != nil {
		return nil, err
	}
	set, ds, err := p.Load()
	if err != nil {
		return nil, internalErr(err)
	}
	cats, cds := p.LoadCatalogs()
	ds = append(ds, cds...)
	if set == nil || diag.HasErrors(ds) {
		rf := reportFlags{flag: "format", format: "text"}
		diag.Sort(ds)
		if err := rf.report(env, w, p, ds); err != nil {
			return nil, err
		}
		return nil, errProblems
	}
	return &i18nState{p: p, set: set, cats: cats, src: catalog.SourceMessages(set)}, nil
}

// loadWritable is loadI18n for commands that write catalogs: the locales
// must be a directory on disk.
func loadWritable(env *Env, pf *projectFlags, w io.Writer) (*i18nState, string, error) {
	s, err := loadI18n(env, pf, w)
	if err != nil {
		return nil, "", err
	}
	dir, err := s.p.LocalesDir()
	if err != nil {
		return nil, "", usageErr("%v", err)
	}
	return s, dir, nil
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
			return writeCatalogs(cmd.ErrOrStderr(), filepath.Join(dir, locale.Source), catalog.Extract(s.src))
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
messages that are missing (with empty text, to be translated), drops
messages whose source is gone, and records the source hash on translations
that have none. Good translations are not touched; running it twice changes
nothing the second time. A catalog with errors is not rewritten.`,
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
				wrote, err := catalog.WriteFiles(filepath.Join(dir, l.Tag), catalog.Merged(s.src, s.catalog(l)))
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
				return err
			}
			ls, err := s.langs(langs)
			if err != nil {
				return err
			}
			var sts []catalog.Status
			for _, l := range ls {
				sts = append(sts, catalog.CoverageOf(s.src, s.catalog(l)))
			}
			if format == "json" {
				return writeStatusJSON(cmd.OutOrStdout(), sts)
			}
			return writeStatusText(cmd.OutOrStdout(), sts)
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
		}{{"missing", s.Missing}, {"stale", s.Stale}, {"orphan", s.Orphans}} {
			if len(group.ps) == 0 {
				continue
			}
			fmt.Fprintf(w, "\n%s: %d %s\n", s.Lang, len(group.ps), group.what)
			for _, p := range group.ps {
				fmt.Fprintf(w, "  %s  %s\n", p.Pos, p.ID)
			}
		}
	}
	return nil
}

func writeStatusJSON(w io.Writer, sts []catalog.Status) error {
	type problem struct {
		ID   string `json:"id"`
		File string `json:"file"`
		Line int    `json:"line,omitempty"`
	}
	type lang struct {
		Lang       string    `json:"lang"`
		Total      int       `json:"total"`
		Translated int       `json:"translated"`
		Missing    []problem `json:"missing"`
		Stale      []problem `json:"stale"`
		Orphans    []problem `json:"orphans"`
		Percent    float64   `json:"percent"`
	}
	conv := func(ps []catalog.Problem) []problem {
		out := []problem{}
		for _, p := range ps {
			out = append(out, problem{p.ID, p.Pos.File, p.Pos.Line})
		}
		return out
	}
	out := []lang{}
	for _, s := range sts {
		out = append(out, lang{s.Lang, s.Total, s.Translated, conv(s.Missing), conv(s.Stale), conv(s.Orphans), s.Percent()})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func newI18nExport(env *Env) *cobra.Command {
	var pf projectFlags
	var lang, out string
	cmd := &cobra.Command{
		Use:     "export --lang LANG",
		Short:   "Write a language's catalog as XLIFF 2.0",
		Example: "  roledoc i18n export --lang ar -o ar.xlf",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if lang == "" {
				return usageErr("export needs --lang")
			}
			s, err := loadI18n(env, &pf, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			ls, err := s.langs([]string{lang})
			if err != nil {
				return err
			}
			if len(ls) != 1 {
				return usageErr("export one language other than English")
			}
			data := catalog.Export(s.src, s.catalog(ls[0]))
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
	cmd.Flags().StringVarP(&out, "output", "o", "", "output file (default: standard output)")
	return cmd
}

func newI18nImport(env *Env) *cobra.Command {
	var pf projectFlags
	cmd := &cobra.Command{
		Use:   "import FILE.xlf",
		Short: "Read an XLIFF 2.0 file back into its language's catalog",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, dir, err := loadWritable(env, &pf, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			data, err := os.ReadFile(resolvePath(env, args[0]))
			if err != nil {
				return usageErr("%v", err)
			}
			lang, err := catalog.XLIFFLang(data)
			if err != nil {
				return &exitError{ExitProblems, fmt.Errorf("%s: %v", args[0], err)}
			}
			c := s.catalog(lang)
			msgs, err := catalog.Import(data, s.src, c)
			if err != nil {
				return &exitError{ExitProblems, fmt.Errorf("%s: %v", args[0], err)}
			}
			c.Msgs = msgs
			return writeCatalogs(cmd.ErrOrStderr(), filepath.Join(dir, lang.Tag), catalog.Merged(s.src, c))
		},
	}
	pf.register(cmd)
	return cmd
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
			wrote, err := catalog.WriteFiles(filepath.Join(dir, locale.Source), catalog.Extract(s.src))
			if err != nil {
				return internalErr(errors.Join(err, restore()))
			}
			for _, l := range locale.Languages {
				if c := s.cats[l.Tag]; c != nil {
					w, err := catalog.WriteFiles(filepath.Join(dir, l.Tag), catalog.Merged(s.src, c))
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

func resolvePath(env *Env, p string) string {
	if env.Dir != "" && !filepath.IsAbs(p) {
		return filepath.Join(env.Dir, p)
	}
	return p
}

func writeFile(env *Env, p string, data []byte) error {
	return os.WriteFile(resolvePath(env, p), data, 0o644)
}
