package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/jurisproject/juris/jurisdictions"
)

func juris(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestAgencyDoneCriterion(t *testing.T) {
	code, out, stderr := juris(t, "agency", "us/tx/travis-county/sheriff", "--model", "jail-enforcement", "--as-of", "2026-12-02")
	require.Equal(t, 0, code, stderr)
	require.Contains(t, out, "may hold a jail-enforcement agreement and must enter one")
	require.Contains(t, out, "§ 753.051")
	require.True(t, strings.HasSuffix(strings.TrimSpace(out), "it is not legal advice."), "text output ends with the disclaimer")
}

func TestAgencyJSON(t *testing.T) {
	code, out, stderr := juris(t, "agency", "us/tx/travis-county/sheriff", "--model", "task-force", "--as-of", "2025-06-01", "--format", "json")
	require.Equal(t, 0, code, stderr)
	var d map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &d))
	require.Equal(t, true, d["allowed"])
	require.Equal(t, false, d["required"])
	require.Equal(t, "2025-06-01", d["as_of"])
}

func TestLocalityColumbus(t *testing.T) {
	code, out, stderr := juris(t, "locality", "us/oh/columbus", "--as-of", "2026-12-01")
	require.Equal(t, 0, code, stderr)
	require.Contains(t, out, "Columbus City Code § 161.10")
	require.Contains(t, out, "Franklin County Sheriff's Office")
	require.Contains(t, out, "channels: jail, patrol, warrant-service")
}

func TestExplainByName(t *testing.T) {
	code, out, stderr := juris(t, "explain", "Austin, TX", "--as-of", "2026-12-02")
	require.Equal(t, 0, code, stderr)
	require.Contains(t, out, "us/tx/austin: Austin (city jurisdiction)")
	require.NotContains(t, out, "us/tx/austin-county:")
}

func TestExplainAmbiguous(t *testing.T) {
	code, out, _ := juris(t, "explain", "County Sheriff")
	require.Equal(t, 1, code)
	require.Contains(t, out, "ask again with one id")
}

func TestBadInputs(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"agency", "us/tx/travis-county/sheriff", "--model", "jail"}, "valid: jail-enforcement, task-force, warrant-service-officer"},
		{[]string{"agency", "us/tx/travis-county/sheriff"}, "--model is required"},
		{[]string{"agency", "us/tx/nowhere/sheriff", "--model", "task-force"}, "no agency matches"},
		{[]string{"locality", "us/oh/columbus", "--as-of", "2026-02-30"}, "--as-of"},
		{[]string{"locality", "us/oh/columbus", "--format", "xml"}, "valid formats: text, json"},
		{[]string{"frobnicate"}, `unknown command "frobnicate"`},
	}
	for _, c := range cases {
		code, _, stderr := juris(t, c.args...)
		require.NotEqual(t, 0, code, c.args)
		require.Contains(t, stderr, c.want, c.args)
	}
}

func TestValidate(t *testing.T) {
	code, out, stderr := juris(t, "validate", "../../jurisdictions/data")
	require.Equal(t, 0, code, stderr)
	require.Contains(t, out, "ok")
	code, out, stderr = juris(t, "validate")
	require.Equal(t, 0, code, stderr)
	require.Contains(t, out, "embedded dataset: ok")

	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	require.NoError(t, os.WriteFile(bad, []byte("agreements:\n  - agency: us/tx/travis-county/sheriff\n    model: task-force\n    signed: 2026-01-01\n    sauce: ICE\n"), 0o644))
	code, _, stderr = juris(t, "validate", bad)
	require.Equal(t, 1, code)
	require.Contains(t, stderr, "bad.yaml:5: agreements[0].sauce: unknown key \"sauce\"")
}

func TestCaseSuite(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.yaml")
	require.NoError(t, os.WriteFile(good, []byte(`suite: demo
cases:
  - name: Travis sheriff must seek an agreement once SB 8 is in force
    as_of: 2026-12-02
    agency: us/tx/travis-county/sheriff
    model: jail-enforcement
    expect: {allowed: true, required: true, cites: ["753.051"]}
  - name: a wrong expectation fails
    as_of: 2025-01-01
    agency: us/tx/travis-county/sheriff
    model: jail-enforcement
    expect: {required: true}
`), 0o644))
	code, out, _ := juris(t, "test", good)
	require.Equal(t, 1, code)
	require.Contains(t, out, "1 passed, 1 failed")
	require.Contains(t, out, "required: want true, got false")

	misspelled := filepath.Join(dir, "typo.yaml")
	require.NoError(t, os.WriteFile(misspelled, []byte(`cases:
  - name: typo
    agency: us/tx/travis-county/sheriff
    model: jail-enforcement
    expect: {alowed: true}
`), 0o644))
	code, out, _ = juris(t, "test", misspelled)
	require.Equal(t, 1, code)
	require.Contains(t, out, `unknown key "alowed"`)
	require.Contains(t, out, "0 passed, 1 failed")
}

func TestPolicyFlagIsSandboxed(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "evil.rego"), []byte("package evil\n\nx := http.send({\"method\": \"GET\", \"url\": \"http://127.0.0.1:1\"})\n"), 0o644))
	code, _, stderr := juris(t, "agency", "us/tx/travis-county/sheriff", "--model", "task-force", "--policy", dir)
	require.Equal(t, 1, code)
	require.Contains(t, stderr, "http.send")

	ok := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(ok, "extra.rego"), []byte("package extra\n\nanswer := 42\n"), 0o644))
	code, _, stderr = juris(t, "agency", "us/tx/travis-county/sheriff", "--model", "task-force", "--as-of", "2026-12-02", "--policy", ok)
	require.Equal(t, 0, code, stderr)
}

func TestFactsFlagLayersAWhatIf(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "mine.yaml"), []byte(`agreements:
  - {agency: us/tx/travis-county/sheriff, model: task-force, signed: 2026-11-01, source: what-if, url: "https://www.ice.gov/identify-and-arrest/287g"}
`), 0o644))
	code, out, stderr := juris(t, "locality", "us/tx/austin", "--as-of", "2026-12-02", "--facts", dir, "--format", "json")
	require.Equal(t, 0, code, stderr)
	var d struct {
		Bypassed   bool     `json:"bypassed"`
		BypassedBy []string `json:"bypassed_by"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &d))
	require.True(t, d.Bypassed)
	require.Contains(t, d.BypassedBy, "us/tx/travis-county/sheriff")
	// without the what-if, the sheriff is not among them
	code, out, stderr = juris(t, "locality", "us/tx/austin", "--as-of", "2026-12-02", "--format", "json")
	require.Equal(t, 0, code, stderr)
	require.NoError(t, json.Unmarshal([]byte(out), &d))
	require.NotContains(t, d.BypassedBy, "us/tx/travis-county/sheriff")
}

func TestStateOf(t *testing.T) {
	for q, want := range map[string]string{
		"us/tx/austin":               "TX",
		"us/dc":                      "DC",
		"Austin, TX":                 "TX",
		"austin tx":                  "TX",
		"Travis County, Texas":       "TX",
		"Franklin County Sheriff OH": "OH",
		"TX0080000":                  "TX",
		"NB0010000":                  "NE",
		"Albany, New York":           "NY",
		"Charleston, West Virginia":  "WV",
		"Austin":                     "",
		"Washington":                 "",
		"Springfield":                "",
		"us":                         "",
	} {
		require.Equal(t, want, stateOf(q), q)
	}
}

// TestExplainAnywhere: explain answers for counties, small towns and agencies picked at random
// (a fixed seed) from the whole national layer, by id and by name with the state.
func TestExplainAnywhere(t *testing.T) {
	ds, err := jurisdictions.Default()
	require.NoError(t, err)
	var counties, towns, agencies []string
	for _, id := range slices.Sorted(maps.Keys(ds.Jurisdictions)) {
		j := ds.Jurisdictions[id]
		switch {
		case j.Kind == "county":
			counties = append(counties, id)
		case (j.Kind == "town" || j.Kind == "village") && j.Population > 0 && j.Population < 2000:
			towns = append(towns, id)
		}
	}
	for _, id := range slices.Sorted(maps.Keys(ds.Agencies)) {
		agencies = append(agencies, id)
	}
	rng := rand.New(rand.NewPCG(2026, 11))
	for range 4 {
		for _, pool := range [][]string{counties, towns, agencies} {
			id := pool[rng.IntN(len(pool))]
			code, out, stderr := juris(t, "explain", id, "--as-of", "2026-06-01")
			require.Equal(t, 0, code, "%s: %s", id, stderr)
			require.Contains(t, out, id)
			require.Contains(t, out, "not legal advice")
			if j, ok := ds.Jurisdictions[id]; ok {
				st := ds.Jurisdictions[j.Parent]
				code, out, stderr = juris(t, "explain", j.Name+", "+st.USPS)
				require.Equal(t, 0, code, "%s, %s: %s", j.Name, st.USPS, stderr)
				require.Contains(t, out, id)
			}
		}
	}
}

// TestValidateNamesAnUnboundAgency is a regression test: a county norm that named its sheriff in
// reaches.agencies bound nobody and validate was silent. It is now an error naming the file and
// the effect's line; with a bindings entry citing its source, it binds.
func TestValidateNamesAnUnboundAgency(t *testing.T) {
	dir := t.TempDir()
	norm := `norms:
  - id: us/tx/travis-county/named
    title: A county norm naming its sheriff
    type: ordinance
    citation: Example County Code
    url: https://example.org/code
    jurisdiction: us/tx/travis-county
    effective: 2016-01-01
%s    effects:
      - type: prohibits
        reaches:
          agencies: [us/tx/travis-county/sheriff]
`
	bad := filepath.Join(dir, "bad.yaml")
	require.NoError(t, os.WriteFile(bad, []byte(fmt.Sprintf(norm, "")), 0o644))
	code, _, stderr := juris(t, "validate", bad)
	require.Equal(t, 1, code)
	require.Contains(t, stderr, bad+":10: reaches.agencies: us/tx/travis-county/sheriff is named in reaches.agencies, but us/tx/travis-county/named does not bind it")

	good := filepath.Join(dir, "good.yaml")
	binding := "    bindings:\n      - {agency: us/tx/travis-county/sheriff, status: binds, citation: Example County Code § 1, url: \"https://example.org/code\"}\n"
	require.NoError(t, os.WriteFile(good, []byte(fmt.Sprintf(norm, binding)), 0o644))
	code, out, stderr := juris(t, "validate", good)
	require.Equal(t, 0, code, stderr)
	require.Contains(t, out, "ok (1 files)")
	code, out, stderr = juris(t, "agency", "us/tx/travis-county/sheriff", "--model", "task-force", "--as-of", "2017-06-01", "--facts", good)
	require.Equal(t, 0, code, stderr)
	require.Contains(t, out, "may not hold a task-force agreement")
}

// TestTribalPoliceOperateNowhereByDefault is a regression test: explain said a tribal police
// force operates in its state while the policy treats it as operating nowhere (tribal land is
// not mapped). One rule (jurisdictions.Agency.Operates) now serves both.
func TestTribalPoliceOperateNowhereByDefault(t *testing.T) {
	code, out, stderr := juris(t, "explain", "us/az/ak-chin-tribal", "--as-of", "2026-06-01")
	require.Equal(t, 0, code, stderr)
	require.Contains(t, out, "operates in no mapped area (tribal land is not mapped)")
	require.NotContains(t, out, "operates in us/az;")
}

// TestCaseWithoutExpectationIsAnError is a regression test: a case with no expect, or expect: {},
// counted as passed. It is now an error naming the case's file and line.
func TestCaseWithoutExpectationIsAnError(t *testing.T) {
	for _, expect := range []string{"", "    expect: {}\n"} {
		f := filepath.Join(t.TempDir(), "empty.yaml")
		src := "cases:\n  - name: asserts nothing\n    agency: us/tx/travis-county/sheriff\n    model: task-force\n" + expect
		require.NoError(t, os.WriteFile(f, []byte(src), 0o644))
		code, out, _ := juris(t, "test", f)
		require.Equal(t, 1, code, out)
		require.Contains(t, out, f+":2: cases[0].expect: required: a case must expect something")
		require.Contains(t, out, "0 passed, 1 failed")
	}
}

// TestTestRunAndVerbose: juris test --run REGEX runs only the matching cases and -v lists each.
func TestTestRunAndVerbose(t *testing.T) {
	code, out, stderr := juris(t, "test", "../../cases/bans.yaml", "--run", "^Vermont", "-v")
	require.Equal(t, 0, code, stderr)
	require.Regexp(t, `(?m)^ok   \.\./\.\./cases/bans\.yaml:\d+: Vermont `, out)
	require.Regexp(t, `(?m)^2 passed, 0 failed \(\d+ not matching --run "\^Vermont"\)$`, out)
	code, _, stderr = juris(t, "test", "../../cases/bans.yaml", "--run", "(")
	require.Equal(t, 2, code)
	require.Contains(t, stderr, "--run: error parsing regexp")
	code, _, stderr = juris(t, "agency", "us/tx/travis-county/sheriff", "--model", "task-force", "-v")
	require.Equal(t, 2, code)
	require.Contains(t, stderr, "--run and -v apply to juris test only")
}
