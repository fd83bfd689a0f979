package inputfs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
)

func TestOpen(t *testing.T) {
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret")
	if err := os.WriteFile(secret, []byte("token"), 0o600); err != nil {
		t.Fatal(err)
	}
	project := t.TempDir()
	dir := filepath.Join(project, "roles")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name string) {
		if err := os.WriteFile(filepath.Join(project, name), []byte("ok"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target, name string) {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	write("roles/a.yaml")
	write("shared.yaml")
	link("a.yaml", "in.yaml")
	link("../shared.yaml", "up.yaml")
	link(secret, "leak.yaml")
	link("../../"+filepath.Base(outside)+"/secret", "rel-leak.yaml")
	link("missing.yaml", "dangling.yaml")
	link(project, "up")   // a directory link inside the root
	link(outside, "away") // and one outside it
	if err := syscall.Mkfifo(filepath.Join(dir, "f.yaml"), 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	link("/dev/zero", "dev.yaml")

	fsys, err := New(dir, project)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		want error // nil: reads "ok"
	}{
		{"a.yaml", nil},
		{"in.yaml", nil},
		{"up.yaml", nil}, // inside the project root, outside the directory
		{"leak.yaml", ErrOutsideRoot},
		{"rel-leak.yaml", ErrOutsideRoot},
		{"dangling.yaml", fs.ErrNotExist},
		{"f.yaml", ErrNotRegular}, // would block forever if opened
		{"dev.yaml", ErrOutsideRoot},
		{"../roles/a.yaml", fs.ErrInvalid},
		{"up/shared.yaml", nil},
		{"up/roles/a.yaml", nil},
		{"away/secret", ErrOutsideRoot},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := fs.ReadFile(fsys, tt.name)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if tt.want == nil && string(data) != "ok" {
				t.Errorf("read %q", data)
			}
			if err != nil && (len(data) > 0 || strings.Contains(err.Error(), "token") || strings.Contains(err.Error(), outside)) {
				t.Errorf("error %q names the target or its content", err)
			}
		})
	}
	// A special file inside the root is refused too.
	only, err := New(dir, "/")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fs.ReadFile(only, "dev.yaml"); !errors.Is(err, ErrNotRegular) {
		t.Errorf("device: err = %v, want ErrNotRegular", err)
	}
}

func TestFS(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.yaml"), []byte("ok"), 0o644); err != nil {
		t.Fatal(err)
	}
	fsys, err := New(dir, dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := New(dir, t.TempDir()); !errors.Is(err, ErrOutsideRoot) {
		t.Errorf("a directory outside its root: err = %v, want ErrOutsideRoot", err)
	}
	if err := fstest.TestFS(fsys, "a.yaml"); err != nil {
		t.Fatal(err)
	}
}
