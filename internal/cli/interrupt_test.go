package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/roledoc/roledoc/internal/corpus"
	"github.com/roledoc/roledoc/internal/fixture"
)

// TestInterruptedBuildKeepsOutput starts a real roledoc process on a
// project large enough to take seconds, stops it half-way with SIGINT and
// then with SIGKILL, and checks that the previous output survives both.
func TestInterruptedBuildKeepsOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a binary and a 60-role project")
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "roledoc")
	build := exec.Command("go", "build", "-o", bin, "./cmd/roledoc")
	build.Dir = fixture.Root()
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
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
			cmd := exec.Command(bin, "build", "-j", "1")
			cmd.Dir = proj
			cmd.Env = append(os.Environ(), "CI=true")
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// Wait until the build is writing documents.
			deadline := time.Now().Add(60 * time.Second)
			for {
				stages, _ := filepath.Glob(filepath.Join(proj, ".out.staging-*", "en", "*"))
				if len(stages) >= 5 {
					break
				}
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					t.Fatal("build never started writing")
				}
				time.Sleep(20 * time.Millisecond)
			}
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			err := cmd.Wait()
			if sig == syscall.SIGINT {
				if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != ExitInternal {
					t.Errorf("interrupted build: %v, want exit %d", err, ExitInternal)
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
