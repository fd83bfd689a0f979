// Package testtool owns how tests find the external programs they check
// output with (poppler, Chromium): present, they are used; missing, the
// test is skipped on a developer's machine and fails in CI, where .ci/run
// installs them.
package testtool

import (
	"os"
	"os/exec"
	"testing"
)

// Need returns the path of a program, or skips (fails under CI) when it is
// not installed.
func Need(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err == nil {
		return p
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("%s is not installed; .ci/run should have installed it", name)
	}
	t.Skipf("%s is not installed; run bash .ci/run to install it", name)
	return ""
}

// Chromium returns the arguments that start headless Chromium safely on
// this kind of machine: no sandbox (tests run as root), no network
// chatter, a fresh profile.
func Chromium(t testing.TB) (string, []string) {
	t.Helper()
	bin := Need(t, "chromium")
	return bin, []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--hide-scrollbars", "--user-data-dir=" + t.TempDir(),
	}
}
