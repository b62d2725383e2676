package resolver

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/jurisproject/juris/jurisdictions"
)

var (
	sharedOnce sync.Once
	shared     *Resolver
	sharedErr  error
)

// newResolver returns one resolver over the embedded national dataset, shared by the tests (a
// Resolver is safe for concurrent use and never changes).
func newResolver(t testing.TB) *Resolver {
	t.Helper()
	sharedOnce.Do(func() { shared, sharedErr = New(context.Background()) })
	require.NoError(t, sharedErr)
	return shared
}

// TestOneStateAnswersAsTheNation: a resolver over one state's national layer (what the CLI loads
// for a question about one place) gives the same decisions as one over the whole nation.
func TestOneStateAnswersAsTheNation(t *testing.T) {
	ctx := context.Background()
	nation := newResolver(t)
	for _, st := range []string{"TX", "OH", "TN", "FL"} {
		one, err := New(ctx, WithStates(st))
		require.NoError(t, err)
		var localities, agencies []string
		for _, id := range slices.Sorted(maps.Keys(one.Dataset().Jurisdictions)) {
			j := one.Dataset().Jurisdictions[id]
			if strings.HasPrefix(id, "us/"+strings.ToLower(st)+"/") && (j.Kind == "city" || j.Kind == "county") && len(localities) < 40 {
				localities = append(localities, id)
			}
		}
		for _, id := range slices.Sorted(maps.Keys(one.Dataset().Agreements)) {
			a := one.Dataset().Agreements[id].Agency
			if strings.HasPrefix(a, "us/"+strings.ToLower(st)+"/") && len(agencies) < 40 {
				agencies = append(agencies, a)
			}
		}
		localities = append(localities, map[string]string{"TX": "us/tx/austin", "OH": "us/oh/columbus", "TN": "us/tn/chattanooga", "FL": "us/fl/miami"}[st])
		for _, id := range localities {
			a, err := one.Locality(ctx, LocalityQuery{Locality: id, AsOf: "2026-06-01"})
			require.NoError(t, err)
			b, err := nation.Locality(ctx, LocalityQuery{Locality: id, AsOf: "2026-06-01"})
			require.NoError(t, err)
			a.Receipt, b.Receipt = Receipt{}, Receipt{}
			require.Equal(t, b, a, id)
		}
		for _, id := range agencies {
			for _, m := range jurisdictions.Models() {
				a, err := one.Agency(ctx, AgencyQuery{Agency: id, Model: m, AsOf: "2026-06-01"})
				require.NoError(t, err)
				b, err := nation.Agency(ctx, AgencyQuery{Agency: id, Model: m, AsOf: "2026-06-01"})
				require.NoError(t, err)
				a.Receipt, b.Receipt = Receipt{}, Receipt{}
				require.Equal(t, b, a, id)
			}
		}
	}
	_, err := New(ctx, WithStates("XX"))
	require.Error(t, err)
}

func TestTravisSheriffRequiredUnderSB8(t *testing.T) {
	r := newResolver(t)
	ctx := context.Background()
	after, err := r.Agency(ctx, AgencyQuery{Agency: "us/tx/travis-county/sheriff", Model: "jail-enforcement", AsOf: "2026-12-02"})
	require.NoError(t, err)
	require.True(t, after.Allowed)
	require.True(t, after.Required)
	require.Equal(t, "enter", after.Duty)
	require.Contains(t, citations(after.Reasons), "Tex. Gov't Code § 753.051")
	require.Equal(t, "2026-12-02", after.Receipt.AsOf)
	require.Equal(t, Version, after.Receipt.Version)

	before, err := r.Agency(ctx, AgencyQuery{Agency: "us/tx/travis-county/sheriff", Model: "jail-enforcement", AsOf: "2025-12-31"})
	require.NoError(t, err)
	require.True(t, before.Allowed)
	require.False(t, before.Required, "SB 8 applies from 2026-01-01")
	require.Contains(t, citations(before.SetAside), "Tex. Gov't Code § 753.051", "the not-yet-effective law is listed as set aside")
}

func TestStateBanBeatsFederalPermission(t *testing.T) {
	r := newResolver(t)
	f, err := jurisdictions.ParseFile("assume.yaml", []byte(`
jurisdictions:
  - {id: us/ca/example-county, name: Example County, kind: county, parent: us/ca}
agencies:
  - {id: us/ca/example-county/sheriff, name: Example County Sheriff, kind: sheriff, jurisdiction: us/ca/example-county, runs_jail: true}
`))
	require.NoError(t, err)
	rr, err := r.Layer(context.Background(), f)
	require.NoError(t, err)
	d, err := rr.Agency(context.Background(), AgencyQuery{Agency: "us/ca/example-county/sheriff", Model: "task-force", AsOf: "2026-01-01"})
	require.NoError(t, err)
	require.False(t, d.Allowed)
	require.Contains(t, citations(d.Reasons), "Cal. Gov. Code § 7284.6(a)(1)(G), (a)(2)")
	var principles []string
	for _, s := range d.SetAside {
		principles = append(principles, s.Principle)
	}
	require.Contains(t, principles, "federal-deference")
}

func TestColumbusBypassedOnlyWhenAnOutsiderSigns(t *testing.T) {
	r := newResolver(t)
	ctx := context.Background()
	d, err := r.Locality(ctx, LocalityQuery{Locality: "us/oh/columbus", AsOf: "2026-12-01"})
	require.NoError(t, err)
	require.False(t, d.Bypassed)
	require.Len(t, d.Policies, 1)
	require.Equal(t, "in-force", d.Policies[0].Status)
	require.Equal(t, []string{"us/oh/columbus/police"}, d.Policies[0].Binds)
	var outsiders []string
	for _, c := range d.CouldBypass {
		outsiders = append(outsiders, c.Agency)
	}
	require.Contains(t, outsiders, "us/oh/franklin-county/sheriff")

	f, err := jurisdictions.ParseFile("assume.yaml", []byte(`
agreements:
  - {agency: us/oh/franklin-county/sheriff, model: warrant-service-officer, signed: 2026-11-01, source: what-if, url: https://www.ice.gov/identify-and-arrest/287g}
`))
	require.NoError(t, err)
	rr, err := r.Layer(ctx, f)
	require.NoError(t, err)
	d, err = rr.Locality(ctx, LocalityQuery{Locality: "us/oh/columbus", AsOf: "2026-12-01"})
	require.NoError(t, err)
	require.True(t, d.Bypassed)
	require.Equal(t, []string{"us/oh/franklin-county/sheriff"}, d.BypassedBy)
	require.Equal(t, "warrant-service", d.Bypasses[0].Channel)
}

func TestBadInput(t *testing.T) {
	r := newResolver(t)
	ctx := context.Background()
	_, err := r.Agency(ctx, AgencyQuery{Agency: "us/tx/travis-county/sherif", Model: "jail-enforcement"})
	var ie *InputError
	require.True(t, errors.As(err, &ie))
	require.Equal(t, "agency", ie.Field)
	require.Contains(t, ie.Valid, "us/tx/travis-county/sheriff")

	_, err = r.Agency(ctx, AgencyQuery{Agency: "us/tx/travis-county/sheriff", Model: "jail"})
	require.ErrorContains(t, err, "valid: jail-enforcement, task-force, warrant-service-officer")

	_, err = r.Agency(ctx, AgencyQuery{Agency: "us/tx/travis-county/sheriff", Model: "task-force", AsOf: "2026-13-01"})
	require.ErrorContains(t, err, "as_of")

	_, err = r.Locality(ctx, LocalityQuery{Locality: "us/tx/austn"})
	require.ErrorContains(t, err, "no jurisdiction has this id")
}

func TestFind(t *testing.T) {
	r := newResolver(t)
	cases := map[string]string{
		"Austin, TX":                 "us/tx/austin",
		"austin tx":                  "us/tx/austin",
		"Travis County, Texas":       "us/tx/travis-county",
		"Franklin County Sheriff OH": "us/oh/franklin-county/sheriff",
		"TX0080000":                  "us/tx/austin-county/sheriff",
		"Austin County, TX":          "us/tx/austin-county",
		"Columbus, Ohio":             "us/oh/columbus",
		"us/tn/chattanooga":          "us/tn/chattanooga",
	}
	for q, want := range cases {
		ms := r.Find(q)
		require.Len(t, ms, 1, "%q: %v", q, ms)
		require.Equal(t, want, ms[0].ID, q)
	}
	require.Greater(t, len(r.Find("County Sheriff")), 1, "an ambiguous name lists its candidates")
	require.Empty(t, r.Find("Atlantis, TX"), "Texas has no Atlantis")
	require.Empty(t, r.Find("Xyzzyville"))
}

// TestConcurrent runs one resolver from 16 goroutines; run with -race.
func TestConcurrent(t *testing.T) {
	r := newResolver(t)
	ctx := context.Background()
	want, err := r.Locality(ctx, LocalityQuery{Locality: "us/tx/austin", AsOf: "2026-12-02"})
	require.NoError(t, err)
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 5; k++ {
				got, err := r.Locality(ctx, LocalityQuery{Locality: "us/tx/austin", AsOf: "2026-12-02"})
				if err != nil {
					errs <- err
					return
				}
				if got.Summary != want.Summary {
					errs <- fmt.Errorf("got %q, want %q", got.Summary, want.Summary)
					return
				}
				if _, err := r.Agency(ctx, AgencyQuery{Agency: "us/tn/hamilton-county/sheriff", Model: "jail-enforcement", AsOf: "2026-06-01"}); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func citations(rs []Reason) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Citation)
	}
	return out
}
