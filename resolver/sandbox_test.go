package resolver

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/jurisproject/juris/jurisdictions"
	"github.com/jurisproject/juris/policy"
)

// sandboxEscapes returns, for each built-in that reaches outside the evaluation, a rule calling
// it. secret is a local JSON file the file-reading ones aim at.
func sandboxEscapes(secret string) map[string]string {
	return map[string]string{
		"http.send":          `x := http.send({"method": "GET", "url": "http://127.0.0.1:1"})`,
		"net.lookup_ip_addr": `x := net.lookup_ip_addr("example.com")`,
		"net.cidr_expand":    `x := net.cidr_expand("10.0.0.0/30")`,
		"opa.runtime":        `x := opa.runtime().env`,
		"trace":              `x := 1 if trace("leak")`,
		"rego.parse_module":  `x := rego.parse_module("a.rego", "package a")`,
		// JSON Schema "$ref"s load file:// URLs from the local disk
		"json.match_schema":  `x := json.match_schema({}, {"$ref": "file://` + secret + `"})`,
		"json.verify_schema": `x := json.verify_schema({"$ref": "file://` + secret + `"})`,
	}
}

// tinyDataset is enough facts to build a resolver quickly.
func tinyDataset(t *testing.T) *jurisdictions.Dataset {
	t.Helper()
	f, err := jurisdictions.ParseFile("tiny.yaml", []byte("jurisdictions:\n  - {id: us, name: United States, kind: nation}\n"))
	require.NoError(t, err)
	ds, err := jurisdictions.Build(f)
	require.NoError(t, err)
	return ds
}

// TestWithPolicySandbox proves that extra policy given with WithPolicy cannot reach the network,
// the environment, the runtime or local files: each such built-in is refused when the resolver is
// built, with a message naming it and the module's file and line.
func TestWithPolicySandbox(t *testing.T) {
	secret := filepath.Join(t.TempDir(), "secret.json")
	require.NoError(t, os.WriteFile(secret, []byte(`{"enum": ["TOP-SECRET"]}`), 0o600))
	for name, rule := range sandboxEscapes(secret) {
		t.Run(name, func(t *testing.T) {
			require.Contains(t, policy.Forbidden(), name)
			_, err := New(context.Background(), WithDataset(tinyDataset(t)),
				WithPolicy(map[string]string{"extra/evil.rego": "package evil\n\n" + rule + "\n"}))
			require.Error(t, err)
			require.Contains(t, err.Error(), "extra/evil.rego:3: rego_type_error: undefined function "+name)
			require.NotContains(t, err.Error(), "TOP-SECRET")
		})
	}
}

// TestWithPolicyPrintErased: print is not refused, but compiled away (print statements are
// disabled), so extra policy has no output channel; the rule still evaluates.
func TestWithPolicyPrintErased(t *testing.T) {
	extra := map[string]string{"extra/debug.rego": "package debug\n\nx := 1 if print(\"leak\")\n"}
	_, err := New(context.Background(), WithDataset(tinyDataset(t)), WithPolicy(extra))
	require.NoError(t, err)
	comp, err := policy.Compile(extra)
	require.NoError(t, err)
	compiled := comp.Modules["extra/debug.rego"].String()
	require.NotContains(t, compiled, "print")
	require.NotContains(t, compiled, "leak")
}
