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

	"github.com/roledoc/roledoc/internal/diag"
	"github.com/roledoc/roledoc/internal/locale"
	"github.com/roledoc/roledoc/internal/project"
	"github.com/roledoc/roledoc/internal/publish"
	"github.com/roledoc/roledoc/internal/render/html"
	"github.com/roledoc/roledoc/internal/render/pdf"
	"github.com/spf13/cobra"
)

func newBuild(env *Env) *cobra.Command {
	var pf projectFlags
	var rf reportFlags
	var opt publish.Options
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
			// Usage first, before anything is loaded: flags, then --out.
			if err := rf.validate(); err != nil {
				return err
			}
			if opt.Jobs < 0 {
				return usageErr("-j %d: the number of workers cannot be negative (0 means one per CPU)", opt.Jobs)
			}
			for _, t := range opt.Langs {
				if _, err := locale.Lookup(t); err != nil {
					return usageErr("--lang: %v", err)
				}
			}
			opt.Out = resolvePath(env, opt.Out)
			_, prev, err := publish.Target(opt.Out)
			if err != nil {
				return buildErr(err)
			}
			if epoch := os.Getenv("SOURCE_DATE_EPOCH"); epoch != "" {
				sec, err := strconv.ParseInt(epoch, 10, 64)
				if err != nil {
					return usageErr("SOURCE_DATE_EPOCH=%q is not a number of seconds", epoch)
				}
				opt.Date = time.Unix(sec, 0).UTC()
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
			renderers, site, err := renderersFor(p, opt.Formats)
			if err != nil {
				return err
			}
			stderr := cmd.ErrOrStderr()
			term := env.isTerminal(stderr)
			if term && !quiet {
				opt.Progress = progress(stderr)
			}
			opt.Waiting = func(lock string) {
				fmt.Fprintf(stderr, "roledoc: another build is writing %s; waiting for it to finish (lock %s)\n", opt.Out, lock)
			}
			ctx, stop := interruptible(stderr)
			defer stop()
			res, err := runAbandonable(ctx, opt, renderers, site)
			if res == nil {
				res = &publish.Result{Previous: prev}
			}
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
				if rerr := rf.report(env, stderr, p, shown); rerr != nil && !errors.Is(err, publish.ErrInvalid) {
					return rerr
				}
			}
			if warnings > 0 && !verbose && !rf.strict && !quiet {
				fmt.Fprintf(stderr, "%d warnings, such as missing translations shown in English; --verbose lists them\n", warnings)
			}
			if errors.Is(err, publish.ErrInvalid) {
				fmt.Fprintln(stderr, "roledoc: build stopped: fix the errors above; nothing was written")
				return errProblems
			}
			if errors.Is(err, context.Canceled) {
				return internalErr(fmt.Errorf("interrupted; %s", kept(res, opt.Out)))
			}
			if err != nil {
				return buildErr(fmt.Errorf("%w; %s", err, kept(res, opt.Out)))
			}
			if res.Cleanup != nil {
				fmt.Fprintf(stderr, "roledoc: warning: %s holds the new output, but removing the previous one failed: %v; the next build removes it\n", opt.Out, res.Cleanup)
			}
			if !quiet {
				fmt.Fprintf(stderr, "built %s: %d written, %d unchanged, in %s%s\n",
					opt.Out, res.Written, res.Skipped, res.Elapsed.Round(time.Millisecond), fallbacks(res.Fallbacks))
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
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(publish.Formats, cobra.ShellCompDirectiveNoFileComp))
	fl.StringSliceVar(&opt.Roles, "role", nil, "build only these role ids")
	fl.IntVarP(&opt.Jobs, "jobs", "j", 0, "parallel workers (default: number of CPUs)")
	fl.BoolVar(&opt.Force, "force", false, "render every file, even unchanged ones")
	fl.BoolVar(&opt.Verify, "verify", false, "compare the hash of every output kept from the last build, not only its size and time")
	fl.BoolVarP(&quiet, "quiet", "q", false, "print only errors")
	fl.BoolVarP(&verbose, "verbose", "v", false, "print warnings too")
	sample.register(cmd)
	return cmd
}

// buildErr gives a build's error its exit code: 2 for a mistake in the
// options, else 3.
func buildErr(err error) error {
	if ue := (*publish.UsageError)(nil); errors.As(err, &ue) {
		return &exitError{ExitUsage, err}
	}
	return internalErr(err)
}

// kept says what became of out/ when a build failed or was interrupted:
// the claim that the previous output is intact is made only when there
// was one and it was not replaced.
func kept(res *publish.Result, out string) string {
	switch {
	case res.Replaced:
		return out + " holds the new output"
	case res.Previous:
		return "the previous output in " + out + " is intact"
	default:
		return "nothing was written to " + out
	}
}

// grace is how long an interrupted build gets to remove its staging
// directory before roledoc gives up on it and exits: the next build
// removes what is left.
const grace = 1500 * time.Millisecond

// interruptible returns a context cancelled by the first SIGINT or
// SIGTERM; a second one exits at once.
func interruptible(stderr io.Writer) (context.Context, func()) {
	ctx, cancel := context.WithCancel(context.Background())
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case <-sigs:
		case <-done:
			return
		}
		fmt.Fprintln(stderr, "roledoc: interrupted; stopping (press Ctrl-C again to quit at once)")
		cancel()
		select {
		case <-sigs:
			os.Exit(ExitInternal)
		case <-done:
		}
	}()
	return ctx, func() {
		signal.Stop(sigs)
		close(done)
		cancel()
	}
}

// runAbandonable runs the build, but once ctx is done waits for it only
// for the grace period: loading and rendering do not all stop at once,
// and an interrupt must. A nil result means the build was abandoned.
func runAbandonable(ctx context.Context, opt publish.Options, rs []publish.Renderer, site publish.Site) (*publish.Result, error) {
	type outcome struct {
		res *publish.Result
		err error
	}
	ch := make(chan outcome, 1)
	go func() {
		res, err := publish.Run(ctx, opt, rs, site)
		ch <- outcome{res, err}
	}()
	select {
	case o := <-ch:
		return o.res, o.err
	case <-ctx.Done():
	}
	select {
	case o := <-ch:
		return o.res, o.err
	case <-time.After(grace):
		return nil, ctx.Err()
	}
}

// renderersFor builds each requested renderer once; workers share them.
func renderersFor(p *project.Project, formats []string) ([]publish.Renderer, publish.Site, error) {
	if len(formats) == 0 {
		formats = publish.Formats
	}
	site, err := html.New(p.Templates.FS, p.Templates.Root)
	if err != nil {
		return nil, nil, internalErr(err)
	}
	var rs []publish.Renderer
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

// fallbacks tells, for the summary line, how many texts each language
// shows in English because their translation is missing.
func fallbacks(fs []publish.Fallback) string {
	if len(fs) == 0 {
		return ""
	}
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = fmt.Sprintf("%s %d", f.Lang, f.Texts)
	}
	return "; texts shown in English for want of a translation: " + strings.Join(parts, ", ")
}
