package testenv

import (
	"testing"
)

// recorder notes whether Need skipped or failed.
type recorder struct {
	testing.TB
	failed, skipped bool
}

func (r *recorder) Helper()               {}
func (r *recorder) Fatalf(string, ...any) { r.failed = true }
func (r *recorder) Skipf(string, ...any)  { r.skipped = true }

func TestNeedFailsUnderCI(t *testing.T) {
	t.Setenv("CI", "true")
	r := &recorder{TB: t}
	Need(r, "no tool")
	if !r.failed || r.skipped {
		t.Fatalf("under CI=true, Need must fail the test (failed %v, skipped %v)", r.failed, r.skipped)
	}
}

func TestNeedSkipsOutsideCI(t *testing.T) {
	t.Setenv("CI", "")
	r := &recorder{TB: t}
	Need(r, "no tool")
	if r.failed || !r.skipped {
		t.Fatalf("outside CI, Need must skip (failed %v, skipped %v)", r.failed, r.skipped)
	}
}
