// Package cli owns roledoc's command line: commands, flags and exit codes.
// It wires the other packages together and holds no logic of its own.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/roledoc/roledoc"
	"github.com/spf13/cobra"
)

// Exit codes, documented in the README; CI scripts rely on them.
const (
	ExitOK       = 0
	ExitProblems = 1 // the inputs have errors (or warnings under --strict)
	ExitUsage    = 2
	ExitInternal = 3 // I/O or internal failure
)

// Env is the process environment a command runs in, so tests can run
// commands without a process.
type Env struct {
	Args           []string
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Dir            string // working directory; "" for the process's
	// Terminal forces terminal behaviour (colours, progress); nil detects it.
	Terminal *bool
}

// exitError carries an exit code through cobra.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }

func usageErr(format string, args ...any) error {
	return &exitError{ExitUsage, fmt.Errorf(format, args...)}
}

func internalErr(err error) error { return &exitError{ExitInternal, err} }

// errProblems reports that diagnostics were printed; nothing more to say.
var errProblems = &exitError{ExitProblems, errors.New("problems found")}

// Main runs roledoc with env and returns the exit code.
func Main(env Env) int {
	root := newRoot(&env)
	root.SetArgs(env.Args)
	err := root.Execute()
	if err == nil {
		return ExitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee != errProblems {
			fmt.Fprintf(env.Stderr, "roledoc: %v\n", ee.err)
		}
		return ee.code
	}
	// Cobra's own errors are about flags and arguments.
	fmt.Fprintf(env.Stderr, "roledoc: %v\nRun 'roledoc --help' for usage.\n", err)
	return ExitUsage
}

func newRoot(env *Env) *cobra.Command {
	root := &cobra.Command{
		Use:   "roledoc",
		Short: "Validate, translate and render job descriptions kept as YAML",
		Long: `roledoc turns job descriptions kept as YAML (one file per role in roles/)
into validated, translated, print-ready HTML and PDF documents.

It uses roles/, locales/, templates/ and roledoc.yaml from the working
directory when they exist, the paths given by flags, and its built-in
defaults otherwise. Start a project with 'roledoc init', add a role with
'roledoc new ROLE-ID'.`,
		Version:       roledoc.Version,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetVersionTemplate("roledoc {{.Version}}\n")
	// Declared here so cobra does not add -v for it: -v means --verbose
	// in build, and one letter must not mean two things.
	root.Flags().Bool("version", false, "print the version")
	root.AddCommand(newCheck(env), newSchema(env), newBuild(env), newI18n(env), newInit(env), newNew(env), newApprove(env), newDiff(env))
	// Before strictUsage: the completion command keeps the writer it
	// finds.
	root.SetIn(env.Stdin)
	root.SetOut(env.Stdout)
	root.SetErr(env.Stderr)
	strictUsage(root)
	return root
}

// strictUsage makes cobra's help and completion commands exit 2 on an
// unknown topic or shell, as every other command does on bad usage; by
// default they print help and exit 0, so a typo in a script passes.
func strictUsage(root *cobra.Command) {
	root.SetHelpCommand(&cobra.Command{
		Use:   "help [command]",
		Short: "Help about any command",
		ValidArgsFunction: func(_ *cobra.Command, _ []string, prefix string) ([]cobra.Completion, cobra.ShellCompDirective) {
			var names []cobra.Completion
			for _, c := range root.Commands() {
				if c.IsAvailableCommand() && strings.HasPrefix(c.Name(), prefix) {
					names = append(names, cobra.CompletionWithDesc(c.Name(), c.Short))
				}
			}
			return names, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(_ *cobra.Command, args []string) error {
			cmd, _, err := root.Find(args)
			if err != nil {
				return usageErr("no help topic %q; run 'roledoc help' to list the commands", strings.Join(args, " "))
			}
			return cmd.Help()
		},
	})
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			// Runnable, so cobra checks its arguments (no shell it lacks).
			c.RunE = func(cmd *cobra.Command, _ []string) error { return cmd.Help() }
		}
	}
}

// isTerminal reports whether w is an interactive terminal.
func (env *Env) isTerminal(w io.Writer) bool {
	if env.Terminal != nil {
		return *env.Terminal
	}
	if os.Getenv("CI") != "" {
		return false
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
