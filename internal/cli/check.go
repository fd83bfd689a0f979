package cli

import (
	"cmp"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/roledoc/roledoc"
	"github.com/roledoc/roledoc/internal/catalog"
	"github.com/roledoc/roledoc/internal/diag"
	"github.com/roledoc/roledoc/internal/project"
	"github.com/roledoc/roledoc/internal/role"
	"github.com/roledoc/roledoc/internal/yamlsrc"
	"github.com/spf13/cobra"
)

// projectFlags are the input locations shared by every command that reads
// a project.
type projectFlags struct {
	opt project.Options
}

func (f *projectFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.opt.Roles, "roles", "", "roles directory (default: ./roles, else built-in)")
	fl.StringVar(&f.opt.Locales, "locales", "", "locales directory (default: beside --roles, else ./locales, else built-in)")
	fl.StringVar(&f.opt.Templates, "templates", "", "templates directory (default: beside --roles, else ./templates, else built-in)")
	fl.StringVar(&f.opt.Config, "config", "", "configuration file (default: beside --roles, else ./roledoc.yaml, else built-in)")
	for _, name := range []string{"roles", "locales", "templates"} {
		_ = cmd.MarkFlagDirname(name)
	}
	_ = cmd.MarkFlagFilename("config", "yaml", "yml")
}

func (f *projectFlags) resolve(env *Env) (*project.Project, error) {
	opt := f.opt
	opt.Dir = env.Dir
	p, err := project.Resolve(opt)
	if err != nil {
		return nil, usageErr("%v", err)
	}
	return p, nil
}

// reportFlags control how diagnostics are printed.
type reportFlags struct {
	flag   string
	format string
	strict bool
	// Only check registers these two: build decides on its own warnings.
	strictTranslations bool
	errorsOnly         bool
}

// register adds the flags; name is "format" for check and "report" for
// build, whose --format chooses output formats.
func (f *reportFlags) register(cmd *cobra.Command, name string) {
	f.flag = name
	cmd.Flags().StringVar(&f.format, name, "text", "diagnostics format: "+strings.Join(diag.Formats, ", "))
	cmd.Flags().BoolVar(&f.strict, "strict", false, "treat warnings (such as missing translations) as errors")
	_ = cmd.RegisterFlagCompletionFunc(name, cobra.FixedCompletions(diag.Formats, cobra.ShellCompDirectiveNoFileComp))
}

func (f *reportFlags) validate() error {
	if !slices.Contains(diag.Formats, f.format) {
		return usageErr("unknown --%s %q; use one of: %s", f.flag, f.format, strings.Join(diag.Formats, ", "))
	}
	return nil
}

// report prints diagnostics and returns errProblems when they should fail
// the run.
func (f *reportFlags) report(env *Env, w io.Writer, p *project.Project, ds []diag.Diagnostic) error {
	// build has raised its warnings already, as its --strict asks.
	if f.strict {
		diag.StrictInputs(ds)
	}
	if f.strictTranslations {
		diag.StrictTranslations(ds)
	}
	opt := diag.Options{Tool: "roledoc", Version: roledoc.Version, RepoPath: env.repoPath()}
	if f.errorsOnly {
		opt.MinSeverity = diag.Error
	}
	if f.format == "text" && env.isTerminal(w) {
		opt.Source = p.Source
		opt.Color = os.Getenv("NO_COLOR") == ""
	}
	if f.format != "text" || len(ds) > 0 {
		if err := diag.Write(w, f.format, ds, opt); err != nil {
			return internalErr(err)
		}
	}
	if diag.HasErrors(ds) {
		return errProblems
	}
	return nil
}

func newCheck(env *Env) *cobra.Command {
	var pf projectFlags
	var rf reportFlags
	var sample sampleFlag
	var base string
	cmd := &cobra.Command{
		Use:   "check [path...]",
		Short: "Validate role files and roledoc.yaml",
		Long: `Check validates every role file in roles/ (or the files and directories
given) and roledoc.yaml, and reports each problem as file:line:col.

Without roles/ in the working directory (or --roles) check refuses to
run, exit 2, unless --sample asks for the built-in sample project.

With --base REV (a git revision, such as origin/main, or a directory
holding another copy of the project) it also enforces version discipline:
a role whose printed content changed since REV must have a higher version
(version-not-bumped), and no version may go down (version-decreased).

Errors come first, then warnings, then a summary line. Warnings never
fail the check unless asked: --strict fails on warnings about the inputs,
--strict-translations on missing or stale translations.

Exit status: 0 when there are no errors, 1 when there are, 2 on bad
usage, 3 on an I/O or internal failure.`,
		Example: `  roledoc check
  roledoc check roles/sales-manager.yaml
  roledoc check --errors-only          # leave warnings out (still counted)
  roledoc check --format github        # annotations in GitHub Actions
  roledoc check --strict-translations  # also fail on missing translations
  roledoc check --format sarif > roledoc.sarif
  roledoc check --base origin/main     # in CI, on a pull request`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := rf.validate(); err != nil {
				return err
			}
			p, err := pf.resolve(env)
			if err != nil {
				return err
			}
			if err := sample.gate(p, cmd.ErrOrStderr()); err != nil {
				return err
			}
			ds, err := check(p, env.Dir, args)
			if err != nil {
				return err
			}
			if base != "" {
				more, err := versionChecks(env, p, base)
				if err != nil {
					return err
				}
				ds = append(ds, more...)
				diag.Sort(ds)
			}
			return rf.report(env, cmd.OutOrStdout(), p, ds)
		},
	}
	pf.register(cmd)
	rf.register(cmd, "format")
	cmd.Flags().Lookup("strict").Usage = "treat warnings about the role files and roledoc.yaml as errors; translation warnings stay warnings"
	cmd.Flags().BoolVar(&rf.strictTranslations, "strict-translations", false, "treat missing, stale and orphaned translations as errors")
	cmd.Flags().BoolVar(&rf.errorsOnly, "errors-only", false, "show errors only; the summary still counts warnings")
	sample.register(cmd)
	cmd.Flags().StringVar(&base, "base", "", "also check version discipline against this git revision or directory")
	return cmd
}

// check loads the project and the given paths. Given paths are checked in
// the context of the whole project, so references to other roles resolve,
// but only their own problems (and the configuration's) are reported.
func check(p *project.Project, dir string, paths []string) ([]diag.Diagnostic, error) {
	if len(paths) == 0 {
		set, ds, err := p.Load()
		if err != nil {
			return nil, internalErr(err)
		}
		if set != nil {
			ds = append(ds, translations(p, set)...)
		}
		diag.Sort(ds)
		return ds, nil
	}
	var given []*role.Role
	var ds []diag.Diagnostic
	wanted := map[string]bool{}
	for _, arg := range paths {
		full := arg
		if dir != "" && !filepath.IsAbs(arg) {
			full = filepath.Join(dir, arg)
		}
		info, err := os.Stat(full)
		if err != nil {
			return nil, usageErr("%s: %v", arg, cmp.Or(errors.Unwrap(err), err))
		}
		var roles []*role.Role
		var rds []diag.Diagnostic
		src, err := p.Given(arg, info.IsDir())
		if err != nil {
			return nil, usageErr("%s: %v", arg, cmp.Or(errors.Unwrap(err), err))
		}
		if info.IsDir() {
			roles, rds = role.LoadFS(src.FS, src.Root, src.Shown)
		} else {
			data, err := yamlsrc.ReadFile(src.FS, src.Root, yamlsrc.MaxFileSize)
			if err != nil {
				rds = []diag.Diagnostic{yamlsrc.ReadError(src.Shown, err)}
			} else {
				r, d := role.Load(src.Shown, data)
				rds = d
				if r != nil {
					roles = []*role.Role{r}
				}
			}
		}
		ds = append(ds, rds...)
		given = append(given, roles...)
		for _, d := range rds {
			wanted[d.Pos.File] = true
		}
		for _, r := range roles {
			wanted[r.File] = true
		}
	}
	// The project's own copy of a given file is replaced by the given one.
	cfg, cds, err := p.LoadConfig()
	if err != nil {
		return nil, internalErr(err)
	}
	ds = append(ds, cds...)
	if cfg == nil {
		return ds, nil
	}
	all, allDs := role.LoadFS(p.Roles.FS, p.Roles.Root, p.Roles.Shown)
	unreadable := append(role.Unreadable(all, allDs), role.Unreadable(given, ds)...)
	ids := map[string]bool{}
	for _, r := range given {
		ids[r.ID] = true
	}
	ctx := slices.DeleteFunc(all, func(r *role.Role) bool { return ids[r.ID] || wanted[r.File] })
	set, sds := role.NewSet(cfg, append(given, ctx...), unreadable...)
	for _, d := range append(sds, translations(p, set)...) {
		if wanted[d.Pos.File] || d.Pos.File == cfg.File {
			ds = append(ds, d)
		}
	}
	diag.Sort(ds)
	return ds, nil
}

// translations checks the catalogs against the roles.
func translations(p *project.Project, set *role.Set) []diag.Diagnostic {
	return catalog.CheckProject(set, p.Locales.FS, p.Locales.Root, p.Locales.Shown, p.English)
}

// repoPath maps files as shown (relative to the working directory) to
// paths from the root of the repository GitHub Actions checked out, so
// annotations and code scanning find a project kept in a subdirectory
// (a step with working-directory: hr). It is nil outside Actions.
func (env *Env) repoPath() func(string) string {
	ws := os.Getenv("GITHUB_WORKSPACE")
	if ws == "" {
		return nil
	}
	cwd, err := filepath.Abs(cmp.Or(env.Dir, "."))
	if err != nil {
		return nil
	}
	return func(file string) string {
		p := file
		if !filepath.IsAbs(p) {
			p = filepath.Join(cwd, p)
		}
		rel, err := filepath.Rel(ws, p)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return file
		}
		return filepath.ToSlash(rel)
	}
}
