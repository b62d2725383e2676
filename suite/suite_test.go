package suite

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/jurisproject/juris/resolver"
)

// TestCases runs the repository's statute case suites from go test.
func TestCases(t *testing.T) {
	r, err := resolver.New(context.Background())
	require.NoError(t, err)
	RunFiles(t, r, "../cases/*.yaml")
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
