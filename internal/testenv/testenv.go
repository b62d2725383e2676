// Package testenv lets a test that needs an outside tool (a stock opa binary, a headless
// browser) skip where the tool is missing on a developer's machine, and fail under CI, where a
// missing tool means the check did not run.
package testenv

import (
	"os"
	"testing"
)

// InCI reports whether the tests run under CI (CI=true, as GitHub Actions, GitLab and the
// project's .ci/run set it).
func InCI() bool { return os.Getenv("CI") == "true" }

// Need skips t with the reason, or under CI fails it: a check that cannot run there must not
// pass silently.
func Need(t testing.TB, format string, args ...any) {
	t.Helper()
	if InCI() {
		t.Fatalf("CI=true, but the test cannot run: "+format, args...)
		return
	}
	t.Skipf(format, args...)
}
