package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/jurisproject/juris/internal/hostile"
)

// TestValidateHostile runs `juris validate FILE` on each hostile fact file (alias bombs, deep
// nesting, an oversized file, binary data, duplicate keys, tabs, a scalar for a mapping, unknown
// keys, wrong types): each must exit non-zero with an error naming the file, and the line where
// there is one, within 5 s and with the heap grown by under 1 GB.
func TestValidateHostile(t *testing.T) {
	dir := t.TempDir()
	for _, in := range hostile.Inputs() {
		t.Run(in.Name, func(t *testing.T) {
			if in.Heavy && hostile.Race {
				t.Skip("near the loader's limits: too slow under the race detector")
			}
			path := filepath.Join(dir, in.Name)
			require.NoError(t, os.WriteFile(path, in.Data, 0o644))
			var code int
			var out, errb bytes.Buffer
			m := hostile.Bounded(t, func() { code = run(context.Background(), []string{"validate", path}, &out, &errb) })
			t.Logf("juris validate %s (%d bytes): exit %d in %v, heap grew %.1f MB", in.Name, len(in.Data), code, m.Elapsed.Round(100_000), float64(m.HeapGrow)/(1<<20))
			require.NotEqual(t, 0, code, "stdout: %s", out.String())
			stderr := errb.String()
			where := path + ": "
			if in.Line > 0 {
				where = fmt.Sprintf("%s:%d: ", path, in.Line)
			}
			require.True(t, strings.HasPrefix(stderr, where), "%q does not start with %q", firstLine(stderr), where)
			require.Contains(t, stderr, in.Want)
			require.Less(t, strings.Count(stderr, "\n"), 110, "errors not capped")
		})
	}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// TestPolicyFlagSandbox: extra policy given with --policy that calls a built-in reaching the
// network, the environment, the runtime or local files (trace and the JSON Schema built-ins,
// whose "$ref" reads file:// URLs, included) is refused with a message naming the built-in and
// the file and line that calls it; nothing of the file it aimed at comes out.
func TestPolicyFlagSandbox(t *testing.T) {
	secret := filepath.Join(t.TempDir(), "secret.json")
	require.NoError(t, os.WriteFile(secret, []byte(`{"enum": ["TOP-SECRET"]}`), 0o600))
	calls := map[string]string{
		"http.send":          `x := http.send({"method": "GET", "url": "http://127.0.0.1:1"})`,
		"net.lookup_ip_addr": `x := net.lookup_ip_addr("example.com")`,
		"opa.runtime":        `x := opa.runtime().env`,
		"trace":              `x := 1 if trace("leak")`,
		"json.match_schema":  `x := json.match_schema({}, {"$ref": "file://` + secret + `"})`,
		"json.verify_schema": `x := json.verify_schema({"$ref": "file://` + secret + `"})`,
	}
	for name, rule := range calls {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			file := filepath.Join(dir, "evil.rego")
			require.NoError(t, os.WriteFile(file, []byte("package evil\n\n"+rule+"\n"), 0o644))
			code, out, stderr := juris(t, "agency", "us/tx/travis-county/sheriff", "--model", "task-force", "--as-of", "2026-12-02", "--policy", dir)
			require.Equal(t, 1, code, out)
			require.Contains(t, stderr, file+":3: rego_type_error: undefined function "+name)
			require.NotContains(t, stderr+out, "TOP-SECRET")
		})
	}
	// print is compiled away, not refused: the answer comes out as without the module, and
	// nothing the module prints reaches the output
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "debug.rego"), []byte("package debug\n\nx := 1 if print(\"leak\")\n"), 0o644))
	args := []string{"agency", "us/tx/travis-county/sheriff", "--model", "task-force", "--as-of", "2026-12-02", "--format", "json"}
	code, plain, stderr := juris(t, args...)
	require.Equal(t, 0, code, stderr)
	code, out, stderr := juris(t, append(args, "--policy", dir)...)
	require.Equal(t, 0, code, stderr)
	require.NotContains(t, out+stderr, "leak")
	require.Equal(t, normalize(plain), normalize(out), "the answer changed")
}
