package suite

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/jurisproject/juris/jurisdictions"
	"github.com/jurisproject/juris/resolver"
)

// TestParseErrorsStable is a regression test: errors about several expected policy statuses came
// out in map order, different from run to run.
func TestParseErrorsStable(t *testing.T) {
	src := []byte("cases:\n  - {name: x, locality: us/b, expect: {policies: {us/b/d: bad, us/b/a: void, us/b/c: nope, us/b/b: gone}}}\n")
	_, err := Parse("c.yaml", src)
	require.Error(t, err)
	var es jurisdictions.Errors
	require.ErrorAs(t, err, &es)
	var fields []string
	for _, e := range es {
		fields = append(fields, e.Field)
	}
	require.Equal(t, []string{"cases[0].expect.policies.us/b/a", "cases[0].expect.policies.us/b/b", "cases[0].expect.policies.us/b/c", "cases[0].expect.policies.us/b/d"}, fields)
	for range 20 {
		_, again := Parse("c.yaml", src)
		require.EqualError(t, again, err.Error())
	}
}

// TestAssumeErrorsNameFileAndLine is a regression test: an error in a case's assumed facts named
// no file and no line ("assume: : agency: unknown agency ...").
func TestAssumeErrorsNameFileAndLine(t *testing.T) {
	src := []byte(`cases:
  - name: an assumed agreement for an agency that does not exist
    locality: us/tx/austin
    assume:
      agreements:
        - {agency: us/tx/nowhere/police, model: task-force, signed: 2026-11-01, source: what-if, url: "https://www.ice.gov/identify-and-arrest/287g"}
    expect: {bypassed: true}
`)
	s, err := Parse("c.yaml", src)
	require.NoError(t, err)
	r, err := resolver.New(context.Background(), resolver.WithStates("TX"))
	require.NoError(t, err)
	res := Run(context.Background(), r, s)
	require.Len(t, res, 1)
	require.EqualError(t, res[0].Err, `assume: c.yaml:6: agency: unknown agency "us/tx/nowhere/police"`)
}
