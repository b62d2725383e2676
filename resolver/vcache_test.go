package resolver

import (
	"context"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/jurisproject/juris/jurisdictions"
)

// TestSharedCacheConcurrent asks many questions at once of one resolver, so that goroutines
// fill and read the shared rule cache and the decision cache together (run under -race in CI),
// and checks every answer against the same question evaluated alone without caches.
func TestSharedCacheConcurrent(t *testing.T) {
	ctx := context.Background()
	shared, err := New(ctx, WithStates("TX"))
	require.NoError(t, err)
	direct, err := New(ctx, WithStates("TX"), WithoutCache())
	require.NoError(t, err)

	var agencies []string
	for id := range shared.ds.Agencies {
		agencies = append(agencies, id)
	}
	slices.Sort(agencies)
	rng := rand.New(rand.NewPCG(3, 4))
	rng.Shuffle(len(agencies), func(i, j int) { agencies[i], agencies[j] = agencies[j], agencies[i] })
	agencies = append(agencies[:40], "us/tx/travis-county/sheriff", "us/tx/williamson-county/sheriff", "us/tx/austin/police")
	type question struct {
		agency   *AgencyQuery
		locality *LocalityQuery
	}
	var qs []question
	for _, d := range []string{"2025-07-18", "2026-11-30", "2026-12-02"} {
		for _, a := range agencies {
			for _, m := range jurisdictions.Models() {
				qs = append(qs, question{agency: &AgencyQuery{Agency: a, Model: m, AsOf: d}})
			}
		}
		for _, l := range []string{"us/tx/austin", "us/tx/houston", "us/tx/travis-county", "us/tx/el-paso-county"} {
			qs = append(qs, question{locality: &LocalityQuery{Locality: l, AsOf: d}})
		}
	}
	want := make([]any, len(qs))
	for i, q := range qs {
		if q.agency != nil {
			want[i], err = direct.Agency(ctx, *q.agency)
		} else {
			want[i], err = direct.Locality(ctx, *q.locality)
		}
		require.NoError(t, err)
	}
	order := rng.Perm(len(qs))
	got := make([]any, len(qs))
	errs := make([]error, len(qs))
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := w; k < len(order); k += 8 {
				i := order[k]
				if q := qs[i]; q.agency != nil {
					got[i], errs[i] = shared.Agency(ctx, *q.agency)
				} else {
					got[i], errs[i] = shared.Locality(ctx, *q.locality)
				}
			}
		}()
	}
	wg.Wait()
	for i := range qs {
		require.NoError(t, errs[i])
		require.Equal(t, want[i], got[i], "question %d: %+v %+v", i, qs[i].agency, qs[i].locality)
	}
}

// TestCacheModes: WithoutCache keeps nothing between questions; extra policy modules, which may
// do date arithmetic, turn the interval cache off (answers are kept by the date asked); answers
// are the same in every mode.
func TestCacheModes(t *testing.T) {
	ctx := context.Background()
	plain, err := New(ctx, WithStates("TX"))
	require.NoError(t, err)
	none, err := New(ctx, WithStates("TX"), WithoutCache())
	require.NoError(t, err)
	extra, err := New(ctx, WithStates("TX"), WithPolicy(map[string]string{"extra.rego": "package extra\n\nyear := 1\n"}))
	require.NoError(t, err)
	require.False(t, plain.mode != cacheMode{})
	require.True(t, none.mode.uncached)
	require.True(t, extra.mode.exactDates)
	whatIf, err := extra.Layer(ctx)
	require.NoError(t, err)
	require.True(t, whatIf.mode.exactDates, "a what-if keeps its resolver's mode")

	q := AgencyQuery{Agency: "us/tx/travis-county/sheriff", Model: "jail-enforcement", AsOf: "2026-12-02"}
	want, err := plain.Agency(ctx, q)
	require.NoError(t, err)
	for _, r := range []*Resolver{none, extra} {
		got, err := r.Agency(ctx, q)
		require.NoError(t, err)
		require.Equal(t, want, got)
	}
	_, err = none.Agency(ctx, q)
	require.NoError(t, err)
	require.Empty(t, none.cache.m, "WithoutCache keeps no decision")
}
