package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/roledoc/roledoc"
	"github.com/roledoc/roledoc/internal/role"
	"github.com/roledoc/roledoc/internal/starter"
	"github.com/spf13/cobra"
)

func newInit(env *Env) *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Start a project: roledoc.yaml, an example role, catalogs and a CI workflow",
		Long: `Init writes a starter project into DIR (default: the working directory):
roledoc.yaml, one complete example role in roles/, translation catalogs in
locales/ for the configured languages, a GitHub Actions workflow in
.github/workflows/roledoc.yml and a .gitignore for out/. The project checks
clean and builds at once; edit it from there.

Init refuses to overwrite existing files and names them; --force
overwrites them. An existing .gitignore gets the out/ line added instead.`,
		Example: `  roledoc init hr-roles && cd hr-roles
  roledoc check && roledoc build
  roledoc new warehouse-manager --reports-to general-director`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			files, err := starterFiles()
			if err != nil {
				return internalErr(err)
			}
			return writeStarter(cmd.ErrOrStderr(), resolvePath(env, dir), dir, files, force)
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "overwrite existing files")
	return cmd
}

// gitignore is appended to, never overwritten: a repository's own
// .gitignore says more than out/.
const gitignore = ".gitignore"

// starterFiles returns every file of a starter project, by slash path. The
// catalogs come from running extract and merge, the commands a user runs,
// on the built-in catalogs of the example role and the interface, in
// whatever layout those commands write. Other roles' catalogs are left out:
// merge would keep their translations as obsolete entries.
func starterFiles() (map[string][]byte, error) {
	stage, err := os.MkdirTemp("", "roledoc-init-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(stage)
	if err := copyFS(stage, starter.Project(), "."); err != nil {
		return nil, err
	}
	if err := copyFS(stage, roledoc.Defaults, "locales"); err != nil {
		return nil, err
	}
	if err := dropOtherRoles(stage); err != nil {
		return nil, err
	}
	for _, args := range [][]string{{"i18n", "extract"}, {"i18n", "merge"}} {
		var out bytes.Buffer
		if code := Main(Env{Args: args, Stdout: &out, Stderr: &out, Dir: stage}); code != ExitOK {
			return nil, fmt.Errorf("making the starter catalogs: roledoc %s: %s", strings.Join(args, " "), out.String())
		}
	}
	// The schemas of this version, which the starter files name, so an
	// editor checks as this roledoc does (docs/role-format.md).
	files := map[string][]byte{
		".roledoc/role.schema.json":    role.Schema(),
		".roledoc/roledoc.schema.json": role.ConfigSchema(),
	}
	err = filepath.WalkDir(stage, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(stage, p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	// CI installs the release that wrote the project, not the one the
	// docs were written with.
	wf := ".github/workflows/roledoc.yml"
	files[wf] = workflowVersion.ReplaceAll(files[wf], []byte("${1}v"+roledoc.Version))
	return files, err
}

// workflowVersion is the release the starter workflow installs.
var workflowVersion = regexp.MustCompile(`(?m)^(  ROLEDOC_VERSION: )v[^ ]+`)

// dropOtherRoles removes the per-role catalogs of roles the starter
// project does not have.
func dropOtherRoles(stage string) error {
	cats, err := filepath.Glob(filepath.Join(stage, "locales", "*", "roles", "*.yaml"))
	if err != nil {
		return err
	}
	for _, c := range cats {
		_, err := os.Stat(filepath.Join(stage, "roles", filepath.Base(c)))
		if errors.Is(err, fs.ErrNotExist) {
			err = os.Remove(c)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// copyFS copies the tree at root in fsys to the same path under dir.
func copyFS(dir string, fsys fs.FS, root string) error {
	return fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		to := filepath.Join(dir, filepath.FromSlash(p))
		if d.IsDir() {
			return os.MkdirAll(to, 0o755)
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		return os.WriteFile(to, data, 0o644)
	})
}

// writeStarter writes files into dir, shown as shown, after checking that
// none would overwrite a file unless force.
func writeStarter(w io.Writer, dir, shown string, files map[string][]byte, force bool) error {
	names := slices.Sorted(maps.Keys(files))
	var existing []string
	for _, n := range names {
		if _, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(n))); err == nil && n != gitignore {
			existing = append(existing, path.Join(filepath.ToSlash(shown), n))
		}
	}
	if len(existing) > 0 && !force {
		return usageErr("not overwriting %s; pass --force to overwrite", strings.Join(existing, ", "))
	}
	for _, n := range names {
		to := filepath.Join(dir, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			return internalErr(err)
		}
		data := files[n]
		if n == gitignore {
			var err error
			if data, err = withIgnored(to, data); err != nil {
				return internalErr(err)
			}
		}
		if err := os.WriteFile(to, data, 0o644); err != nil {
			return internalErr(err)
		}
	}
	fmt.Fprintf(w, "wrote a roledoc project to %s: roledoc.yaml, roles/, locales/, .roledoc/ (JSON Schemas for editors), .github/workflows/roledoc.yml, .gitignore\n", shown)
	next := "next: roledoc check, roledoc build, and roledoc new ROLE-ID to add a role"
	if filepath.Clean(shown) != "." {
		next = "next: cd " + shown + ", then " + strings.TrimPrefix(next, "next: ")
	}
	fmt.Fprintln(w, next)
	return nil
}

// withIgnored returns the existing .gitignore at p with the starter's
// lines added when missing, or the starter's when there is none.
func withIgnored(p string, starter []byte) ([]byte, error) {
	old, err := os.ReadFile(p)
	if os.IsNotExist(err) {
		return starter, nil
	}
	if err != nil {
		return nil, err
	}
	have := strings.Split(string(old), "\n")
	out := bytes.TrimRight(old, "\n")
	if len(out) > 0 {
		out = append(out, '\n')
	}
	for _, line := range strings.Split(strings.TrimRight(string(starter), "\n"), "\n") {
		if strings.HasPrefix(line, "#") || slices.Contains(have, line) {
			continue
		}
		out = append(out, line+"\n"...)
	}
	return out, nil
}
