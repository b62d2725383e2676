package suite

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/jurisproject/juris/resolver"
)

// TestCases runs the repository's statute case suites from go test.
// Each case runs over its state's facts (ByState), as juris test runs it; the Austin suite runs
// over the nation too, through RunFiles, as a user's Go test would.
func TestCases(t *testing.T) {
	ctx := context.Background()
	files, err := filepath.Glob("../cases/*.yaml")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	pick := ByState(ctx)
	n := 0
	for _, f := range files {
		s, err := ParseFile(f)
		require.NoError(t, err)
		for _, res := range RunPicked(ctx, pick, s) {
			n++
			if !res.Passed() {
				t.Error(Report(res))
			}
		}
	}
	require.Greater(t, n, 300, "the repository's case suites hold 300 cases or more")
	r, err := resolver.New(ctx)
	require.NoError(t, err)
	RunFiles(t, r, "../cases/austin.yaml")
}

func TestCaseState(t *testing.T) {
	for src, want := range map[string]string{
		"cases:\n  - {name: x, agency: us/tx/travis-county/sheriff, model: task-force, expect: {allowed: true}}\n": "TX",
		"cases:\n  - {name: x, locality: us, expect: {bypassed: false}}\n":                                         "",
		"cases:\n  - {name: x, locality: us/zz/nowhere, expect: {bypassed: false}}\n":                              "",
		"cases:\n  - name: x\n    locality: us/tx/austin\n    assume:\n      agreements:\n" +
			"        - {agency: us/oh/franklin-county/sheriff, model: task-force, signed: 2026-01-01}\n" +
			"    expect: {bypassed: false}\n": "",
	} {
		s, err := Parse("c.yaml", []byte(src))
		require.NoError(t, err)
		require.Equal(t, want, CaseState(s.Cases[0]), src)
	}
}

func TestParseRejects(t *testing.T) {
	cases := map[string]string{
		"both questions":     "cases:\n  - {name: x, agency: us/a, model: task-force, locality: us/b}\n",
		"no question":        "cases:\n  - {name: x}\n",
		"bad model":          "cases:\n  - {name: x, agency: us/a, model: patrol}\n",
		"locality key":       "cases:\n  - {name: x, agency: us/a, model: task-force, expect: {bypassed: true}}\n",
		"agency key":         "cases:\n  - {name: x, locality: us/b, expect: {allowed: true}}\n",
		"bad policy status":  "cases:\n  - {name: x, locality: us/b, expect: {policies: {us/b/p: void}}}\n",
		"unknown expect key": "cases:\n  - {name: x, locality: us/b, expect: {bypased: true}}\n",
		"no cases":           "suite: empty\n",
		"bad date":           "cases:\n  - {name: x, locality: us/b, as_of: 2026-1-1}\n",
	}
	for name, src := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := Parse("c.yaml", []byte(src))
			require.Error(t, err)
			require.Contains(t, err.Error(), "c.yaml")
		})
	}
}

func TestUnknownIDIsAnErrorNotAPass(t *testing.T) {
	r, err := resolver.New(context.Background())
	require.NoError(t, err)
	s, err := Parse("c.yaml", []byte("cases:\n  - {name: x, agency: us/tx/nobody/sheriff, model: task-force, expect: {allowed: true}}\n"))
	require.NoError(t, err)
	res := Run(context.Background(), r, s)
	require.Len(t, res, 1)
	require.False(t, res[0].Passed())
	require.ErrorContains(t, res[0].Err, "no agency has this id")
}
