package cli

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/roledoc/roledoc/internal/corpus"
	"github.com/roledoc/roledoc/internal/fixture"
)

// binary builds roledoc into dir.
func binary(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "roledoc")
	build := exec.Command("go", "build", "-o", bin, "./cmd/roledoc")
	build.Dir = fixture.Root()
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// TestInterruptedBuildKeepsOutput starts a real roledoc process on a
// project large enough to take seconds, stops it half-way with SIGINT and
// then with SIGKILL, and checks that the previous output survives both.
func TestInterruptedBuildKeepsOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a binary and a 60-role project")
	}
	tmp := t.TempDir()
	bin := binary(t, tmp)
	proj := filepath.Join(tmp, "project")
	if err := corpus.Generate(proj, 60, 1); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(proj, "out")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	// A previous output: roledoc replaces only directories it wrote.
	sentinel := filepath.Join(out, "previous.txt")
	if err := os.WriteFile(sentinel, []byte("previous build"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, ".roledoc-manifest.json"), []byte("{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGKILL} {
		t.Run(sig.String(), func(t *testing.T) {
			// Wait until the build is writing documents.
			cmd, stderr := startBuild(t, bin, proj, filepath.Join(proj, ".out.staging-*", "en", "*"), 5, "build", "-j", "1")
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			err := cmd.Wait()
			if sig == syscall.SIGINT {
				if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != ExitInternal {
					t.Errorf("interrupted build: %v, want exit %d", err, ExitInternal)
				}
				if want := "interrupted; the previous output in out is intact"; !strings.Contains(stderr.String(), want) {
					t.Errorf("stderr does not say %q:\n%s", want, stderr.String())
				}
				if left, _ := filepath.Glob(filepath.Join(proj, ".out.staging-*")); len(left) > 0 {
					t.Errorf("staging left after SIGINT: %v", left)
				}
			}
			entries, _ := os.ReadDir(out)
			if data, err := os.ReadFile(sentinel); err != nil || string(data) != "previous build" || len(entries) != 2 {
				t.Errorf("previous output changed: %v, %d entries", err, len(entries))
			}
		})
	}
	// The next build clears what the killed one left and succeeds.
	cmd := exec.Command(bin, "build", "--role", "role-0001", "--lang", "en", "--format", "html")
	cmd.Dir = proj
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build after kill: %v\n%s", err, msg)
	}
	if left, _ := filepath.Glob(filepath.Join(proj, ".out.staging-*")); len(left) > 0 {
		t.Errorf("staging left after the next build: %v", left)
	}
	if _, err := os.Stat(filepath.Join(out, "en", "role-0001.html")); err != nil {
		t.Error(err)
	}
}

// A template that never ends cannot be interrupted inside text/template;
// SIGINT and SIGTERM must still stop the build within 2 seconds, leaving
// no staging behind and saying that nothing was written.
func TestSignalStopsLoopingTemplate(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a binary")
	}
	tmp := t.TempDir()
	bin := binary(t, tmp)
	proj := filepath.Join(tmp, "project")
	if err := corpus.Generate(proj, 3, 1); err != nil {
		t.Fatal(err)
	}
	tpl := filepath.Join(proj, "templates")
	if err := os.CopyFS(tpl, os.DirFS(filepath.Join(fixture.Root(), "templates"))); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(tpl, "role.html"), []byte("{{range 1000000000000}}{{end}}"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			// Wait until the build is rendering (it has made its staging
			// directory), then give the template time to be stuck.
			cmd, stderr := startBuild(t, bin, proj, filepath.Join(proj, ".out.staging-*"), 1, "build", "--format", "html")
			time.Sleep(300 * time.Millisecond)
			sent := time.Now()
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			exited := make(chan error, 1)
			go func() { exited <- cmd.Wait() }()
			var err error
			select {
			case err = <-exited:
			case <-time.After(2 * time.Second):
				cmd.Process.Kill()
				<-exited
				t.Fatalf("still running 2 s after %v", sig)
			}
			t.Logf("stopped %v after %v", sig, time.Since(sent).Round(time.Millisecond))
			if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != ExitInternal {
				t.Errorf("exit: %v, want %d", err, ExitInternal)
			}
			if !strings.Contains(stderr.String(), "interrupted; nothing was written") {
				t.Errorf("stderr does not say nothing was written:\n%s", stderr.String())
			}
			if left, _ := filepath.Glob(filepath.Join(proj, ".out.staging-*")); len(left) > 0 {
				t.Errorf("staging left: %v", left)
			}
			if _, err := os.Stat(filepath.Join(proj, "out")); !errors.Is(err, os.ErrNotExist) {
				t.Error("an interrupted first build created out/")
			}
		})
	}
}

// startBuild runs roledoc with args in proj as CI would and returns once
// at least n files match the glob pattern, which says the build has got
// as far as the test needs; it gives up after a minute.
func startBuild(t *testing.T, bin, proj, pattern string, n int, args ...string) (*exec.Cmd, *strings.Builder) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = proj
	cmd.Env = append(os.Environ(), "CI=true")
	stderr := &strings.Builder{}
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		if got, _ := filepath.Glob(pattern); len(got) >= n {
			return cmd, stderr
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("roledoc %s never got as far as %s", strings.Join(args, " "), pattern)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
