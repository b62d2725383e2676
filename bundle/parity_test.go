package bundle_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/jurisproject/juris/bundle"
	"github.com/jurisproject/juris/internal/testenv"
	"github.com/jurisproject/juris/jurisdictions"
	"github.com/jurisproject/juris/resolver"
	"github.com/jurisproject/juris/suite"
)

// opaVersion is the OPA module version juris is built with, read from go.mod.
func opaVersion(t testing.TB) string {
	b, err := os.ReadFile("../go.mod")
	require.NoError(t, err)
	m := regexp.MustCompile(`(?m)^\s*github\.com/open-policy-agent/opa (v\S+)`).FindSubmatch(b)
	require.NotNil(t, m, "go.mod requires no github.com/open-policy-agent/opa")
	return string(m[1])
}

// opaBinary builds the stock opa command from the OPA module version juris depends on (cached
// between runs), or uses $JURIS_OPA. It skips the test where opa cannot be built, and fails it
// under CI=true.
func opaBinary(t testing.TB) string {
	if p := os.Getenv("JURIS_OPA"); p != "" {
		return p
	}
	v := opaVersion(t)
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	dir := filepath.Join(cache, "juris", "opa-"+v)
	bin := filepath.Join(dir, "opa")
	if _, err := os.Stat(bin); err == nil {
		return bin
	}
	require.NoError(t, os.MkdirAll(dir, 0o755))
	cmd := exec.Command("go", "install", "github.com/open-policy-agent/opa@"+v)
	cmd.Dir = os.TempDir() // outside this module: opa's own module graph
	cmd.Env = append(os.Environ(), "GOBIN="+dir, "GOFLAGS=-mod=mod", "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		testenv.Need(t, "skipping: cannot build stock opa %s (offline, or no module proxy?): %v\n%s", v, err, out)
	}
	return bin
}

func freePort(t testing.TB) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// serve starts a stock opa server with the bundle of ds on a free loopback port, stops it when
// the test ends, and returns its base URL and the bundle's revision.
func serve(t testing.TB, ds *jurisdictions.Dataset) (string, string) {
	opa := opaBinary(t)
	file := filepath.Join(t.TempDir(), "juris.tar.gz")
	f, err := os.Create(file)
	require.NoError(t, err)
	rev, err := bundle.Write(context.Background(), f, ds, nil)
	require.NoError(t, err)
	require.NoError(t, f.Close())

	addr := fmt.Sprintf("127.0.0.1:%d", freePort(t))
	srv := exec.Command(opa, "run", "--server", "--addr", addr, "--bundle", file, "--log-level", "error")
	logs := &lockedBuffer{}
	srv.Stdout, srv.Stderr = logs, logs
	require.NoError(t, srv.Start())
	t.Cleanup(func() {
		_ = srv.Process.Kill()
		_ = srv.Wait()
	})
	base := "http://" + addr
	deadline := time.Now().Add(90 * time.Second)
	for {
		resp, err := http.Get(base + "/health?bundles=true")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return base, rev
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("opa did not become ready: %s", logs.String())
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// ask posts input to the server's data.juris.<endpoint> and returns the result.
func ask(base, endpoint string, input map[string]any) (map[string]any, error) {
	body, err := json.Marshal(map[string]any{"input": input})
	if err != nil {
		return nil, err
	}
	resp, err := http.Post(base+"/v1/data/juris/"+endpoint, "application/json", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var got struct {
		Result map[string]any `json:"result"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&got); err != nil {
		return nil, err
	}
	return got.Result, nil
}

// lockedBuffer collects the server's output, written from exec's copying goroutine.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestParityWithStockOPA serves the bundle from a stock `opa run --server`, asks it every case in
// cases/ that has no assume, and requires the decisions the library gives.
func TestParityWithStockOPA(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping: starts an opa server (-short)")
	}
	ctx := context.Background()
	ds, err := jurisdictions.Default()
	require.NoError(t, err)
	base, rev := serve(t, ds)

	lib, err := resolver.New(ctx, resolver.WithDataset(ds))
	require.NoError(t, err)
	files, err := filepath.Glob("../cases/*.yaml")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	today := string(jurisdictions.Today())
	asked := 0
	var rest time.Duration
	for _, path := range files {
		s, err := suite.ParseFile(path)
		require.NoError(t, err)
		for _, c := range s.Cases {
			if c.Assume != nil {
				continue
			}
			asOf := today
			if c.AsOf != nil {
				asOf = string(*c.AsOf)
			}
			var endpoint string
			var input map[string]any
			var want any
			if c.Agency != "" {
				endpoint, input = "agency", map[string]any{"agency": c.Agency, "model": c.Model, "as_of": asOf}
				want, err = lib.Agency(ctx, resolver.AgencyQuery{Agency: c.Agency, Model: c.Model, AsOf: asOf})
			} else {
				endpoint, input = "locality", map[string]any{"locality": c.Locality, "as_of": asOf}
				want, err = lib.Locality(ctx, resolver.LocalityQuery{Locality: c.Locality, AsOf: asOf})
			}
			require.NoError(t, err, "%s:%d", path, c.Line)
			start := time.Now()
			result, err := ask(base, endpoint, input)
			require.NoError(t, err)
			rest += time.Since(start)
			asked++
			require.Nil(t, result["errors"], "%s:%d: opa refused the input", path, c.Line)
			require.Equal(t, ds.Revision, result["revision"], "%s:%d: the facts' revision", path, c.Line)

			// every field of the library's decision, except its receipt, must be what opa says
			b, _ := json.Marshal(want)
			var w map[string]any
			require.NoError(t, json.Unmarshal(b, &w))
			delete(w, "receipt")
			for k, v := range w {
				require.Equal(t, v, result[k], "%s:%d (%s): field %q differs between the library and stock opa", path, c.Line, c.Name, k)
			}
		}
	}
	require.Greater(t, asked, 150)
	t.Logf("bundle %s: %d decisions from stock opa over REST, %.2f ms each on average", rev, asked, float64(rest.Microseconds())/1000/float64(asked))

	// bad input gets a result that says what is wrong, not an empty object
	for endpoint, input := range map[string]map[string]any{
		"agency":   {"agency": "us/tx/nowhere/sheriff", "model": "jail-enforcement"},
		"locality": {"locality": "us/tx/austin", "as_of": "2026-02-30"},
	} {
		result, err := ask(base, endpoint, input)
		require.NoError(t, err)
		require.NotEmpty(t, result["errors"], endpoint)
	}
}

// TestRegoTestsOnStockOPA: the Rego unit tests pass under a stock `opa test`, with no Go harness.
func TestRegoTestsOnStockOPA(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping: runs opa (-short)")
	}
	opa := opaBinary(t)
	out, err := exec.Command(opa, "test", "../policy/juris").CombinedOutput()
	require.NoError(t, err, "%s", out)
	require.Contains(t, string(out), "PASS: ")
	require.NotContains(t, string(out), "FAIL")
}

// BenchmarkREST asks a stock opa server, over loopback HTTP, the questions the resolver
// benchmarks ask in process (the same agency question, and the Austin locality question), and
// in the same run asks them of the library: as it runs by default (the answer kept after the
// first time), and without its caches (every evaluation fresh, as the opa server does it).
// BENCHMARKS.md gives the ratios.
func BenchmarkREST(b *testing.B) {
	ctx := context.Background()
	ds, err := jurisdictions.Default()
	require.NoError(b, err)
	base, _ := serve(b, ds)
	warm, err := resolver.New(ctx, resolver.WithDataset(ds))
	require.NoError(b, err)
	cold, err := resolver.New(ctx, resolver.WithDataset(ds), resolver.WithoutCache())
	require.NoError(b, err)
	agency := resolver.AgencyQuery{Agency: "us/tx/travis-county/sheriff", Model: "jail-enforcement", AsOf: "2026-12-02"}
	locality := resolver.LocalityQuery{Locality: "us/tx/austin", AsOf: "2026-12-02"}
	for _, q := range []struct {
		name, path string
		input      map[string]any
		ask        func(r *resolver.Resolver) error
	}{
		{"agency", "agency", map[string]any{"agency": agency.Agency, "model": agency.Model, "as_of": agency.AsOf},
			func(r *resolver.Resolver) error { _, err := r.Agency(ctx, agency); return err }},
		{"locality", "locality", map[string]any{"locality": locality.Locality, "as_of": locality.AsOf},
			func(r *resolver.Resolver) error { _, err := r.Locality(ctx, locality); return err }},
	} {
		b.Run(q.name+"/opa-rest", func(b *testing.B) {
			for b.Loop() {
				result, err := ask(base, q.path, q.input)
				if err != nil || result["errors"] != nil {
					b.Fatal(err, result["errors"])
				}
			}
		})
		for _, r := range []struct {
			name string
			r    *resolver.Resolver
		}{{"juris", warm}, {"juris-without-cache", cold}} {
			b.Run(q.name+"/"+r.name, func(b *testing.B) {
				for b.Loop() {
					if err := q.ask(r.r); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
