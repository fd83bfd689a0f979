package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/roledoc/roledoc/internal/build"
	"github.com/roledoc/roledoc/internal/diag"
	"github.com/roledoc/roledoc/internal/project"
	"github.com/roledoc/roledoc/internal/render/html"
	"github.com/roledoc/roledoc/internal/render/pdf"
	"github.com/spf13/cobra"
)

func newBuild(env *Env) *cobra.Command {
	var pf projectFlags
	var rf reportFlags
	var opt build.Options
	var quiet, verbose bool
	var sample sampleFlag
	cmd := &cobra.Command{
		Use:   "build",
		Short: "Check, translate and render every role in every language",
		Long: `Build loads and checks every role and catalog first; if anything has an
error it prints the diagnostics and writes nothing. Otherwise it renders
each role in each language as HTML and PDF into the output directory
(out/<lang>/<role>.html and .pdf, plus index pages).

The output is replaced as a whole only when the build succeeds, and files
whose inputs did not change since the last build are not rendered again.

Without roles/ in the working directory (or --roles) build refuses to
run, exit 2, unless --sample asks for the built-in sample project.`,
		Example: `  roledoc build
  roledoc build --lang ar --format pdf --role sales-manager
  roledoc build --out public -j 4 --force`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
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
			opt.Project = p
			opt.Strict = rf.strict
			opt.Out = resolvePath(env, opt.Out)
			if epoch := os.Getenv("SOURCE_DATE_EPOCH"); epoch != "" {
				sec, err := strconv.ParseInt(epoch, 10, 64)
				if err != nil {
					return usageErr("SOURCE_DATE_EPOCH=%q is not a number of seconds", epoch)
				}
				opt.Date = time.Unix(sec, 0).UTC()
			}
			renderers, site, err := renderersFor(p, opt.Formats)
			if err != nil {
				return err
			}
			stderr := cmd.ErrOrStderr()
			term := env.isTerminal(stderr)
			if term && !quiet {
				opt.Progress = progress(stderr)
			}
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			res, err := build.Run(ctx, opt, renderers, site)
			if opt.Progress != nil {
				fmt.Fprint(stderr, "\r\x1b[K")
			}
			// Errors are always shown; warnings (typically missing
			// translations, one per message and language) only with
			// --verbose, else counted, so a large project's build log stays
			// readable. roledoc check lists them too.
			shown := res.Diagnostics
			warnings := diag.Count(shown, diag.Warning)
			if !verbose && !rf.strict {
				shown = slices.DeleteFunc(slices.Clone(shown), func(d diag.Diagnostic) bool { return d.Severity == diag.Warning })
			}
			if len(shown) > 0 {
				if rerr := rf.report(env, stderr, p, shown); rerr != nil && !errors.Is(err, build.ErrInvalid) {
					return rerr
				}
			}
			if warnings > 0 && !verbose && !rf.strict && !quiet {
				fmt.Fprintf(stderr, "%d warnings, such as missing translations shown in English; --verbose lists them\n", warnings)
			}
			switch {
			case errors.Is(err, build.ErrInvalid):
				fmt.Fprintln(stderr, "roledoc: build stopped: fix the errors above; nothing was written")
				return errProblems
			case errors.Is(err, context.Canceled):
				return &exitError{ExitInternal, errors.New("interrupted; the previous output is intact")}
			case err != nil:
				return internalErr(fmt.Errorf("%v; the previous output is intact", err))
			}
			if !quiet {
				fmt.Fprintf(stderr, "built %s: %d written, %d unchanged, in %s\n",
					opt.Out, res.Written, res.Skipped, res.Elapsed.Round(time.Millisecond))
			}
			return nil
		},
	}
	pf.register(cmd)
	rf.register(cmd, "report")
	fl := cmd.Flags()
	fl.StringVarP(&opt.Out, "out", "o", "out", "output directory")
	fl.StringSliceVar(&opt.Langs, "lang", nil, "languages to build (default: those in roledoc.yaml)")
	fl.StringSliceVar(&opt.Formats, "format", nil, "output formats: html, pdf (default: both)")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(build.Formats, cobra.ShellCompDirectiveNoFileComp))
	fl.StringSliceVar(&opt.Roles, "role", nil, "build only these role ids")
	fl.IntVarP(&opt.Jobs, "jobs", "j", 0, "parallel workers (default: number of CPUs)")
	fl.BoolVar(&opt.Force, "force", false, "render every file, even unchanged ones")
	fl.BoolVarP(&quiet, "quiet", "q", false, "print only errors")
	fl.BoolVarP(&verbose, "verbose", "v", false, "print warnings too")
	sample.register(cmd)
	return cmd
}

// renderersFor builds each requested renderer once; workers share them.
func renderersFor(p *project.Project, formats []string) ([]build.Renderer, build.Site, error) {
	if len(formats) == 0 {
		formats = build.Formats
	}
	site, err := html.New(p.Templates.FS, p.Templates.Root)
	if err != nil {
		return nil, nil, internalErr(err)
	}
	var rs []build.Renderer
	for _, f := range formats {
		switch strings.TrimSpace(f) {
		case "html":
			rs = append(rs, site)
		case "pdf":
			r, err := pdf.New()
			if err != nil {
				return nil, nil, internalErr(err)
			}
			rs = append(rs, r)
		default:
			return nil, nil, usageErr("unknown output format %q; use html or pdf", f)
		}
	}
	return rs, site, nil
}

// progress draws a one-line bar on a terminal.
func progress(w io.Writer) func(done, total int) {
	start := time.Now()
	var last time.Time
	return func(done, total int) {
		now := time.Now()
		if done < total && now.Sub(last) < 100*time.Millisecond {
			return
		}
		last = now
		const width = 30
		filled := width * done / max(total, 1)
		rate := float64(done) / max(now.Sub(start).Seconds(), 1e-3)
		fmt.Fprintf(w, "\r[%s%s] %d/%d documents, %.0f/s", strings.Repeat("=", filled), strings.Repeat(" ", width-filled), done, total, rate)
	}
}
