package suite

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/jurisproject/juris/resolver"
)

// RunFiles runs the case files matching pattern (a filepath.Glob pattern) as subtests of t, one
// per case, against r. Use it to encode statutes as cases in any project:
//
//	func TestStatutes(t *testing.T) {
//		r, _ := resolver.New(context.Background())
//		suite.RunFiles(t, r, "testdata/*.yaml")
//	}
func RunFiles(t *testing.T, r *resolver.Resolver, pattern string) {
	t.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil {
		t.Fatalf("case files %q: %v", pattern, err)
	}
	if len(files) == 0 {
		t.Fatalf("case files %q: none found", pattern)
	}
	for _, f := range files {
		s, err := ParseFile(f)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		for _, res := range Run(context.Background(), r, s) {
			t.Run(filepath.Base(f)+"/"+res.Name, func(t *testing.T) {
				if !res.Passed() {
					t.Error(Report(res))
				}
			})
		}
	}
}
