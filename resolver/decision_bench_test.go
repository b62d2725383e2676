package resolver

import (
	"context"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/jurisproject/juris/jurisdictions"
)

// The decision benchmarks of issue 16, warm and cold. A warm benchmark asks one question again
// and again: after the first, the answer comes from the decision cache. A cold one asks every
// question once, in a shuffled order, starting from empty caches; when the questions run out
// the caches are emptied again (off the clock) and the questions reshuffled. BENCHMARKS.md has
// the figures.

// BenchmarkAgencyDecision asks about the Travis County sheriff's jail enforcement agreement on
// one date, again and again.
func BenchmarkAgencyDecision(b *testing.B) {
	r := newResolver(b)
	ctx := context.Background()
	q := AgencyQuery{Agency: "us/tx/travis-county/sheriff", Model: "jail-enforcement", AsOf: "2026-12-02"}
	for b.Loop() {
		if _, err := r.Agency(ctx, q); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAgencyDecisionCold asks about every agency and model once, shuffled.
func BenchmarkAgencyDecisionCold(b *testing.B) {
	r := newResolver(b)
	ctx := context.Background()
	var qs []AgencyQuery
	for _, a := range r.ds.Agencies {
		for _, m := range jurisdictions.Models() {
			qs = append(qs, AgencyQuery{Agency: a.ID, Model: m, AsOf: "2026-12-02"})
		}
	}
	coldLoop(b, r, qs, func(q AgencyQuery) error {
		_, err := r.Agency(ctx, q)
		return err
	})
}

// BenchmarkLocalityDecision asks about Austin (a city in three counties), again and again.
func BenchmarkLocalityDecision(b *testing.B) {
	r := newResolver(b)
	ctx := context.Background()
	q := LocalityQuery{Locality: "us/tx/austin", AsOf: "2026-12-02"}
	for b.Loop() {
		if _, err := r.Locality(ctx, q); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLocalityDecisionCold asks about Austin from empty caches each time: the first
// question about the place.
func BenchmarkLocalityDecisionCold(b *testing.B) {
	r := newResolver(b)
	ctx := context.Background()
	q := LocalityQuery{Locality: "us/tx/austin", AsOf: "2026-12-02"}
	for b.Loop() {
		b.StopTimer()
		r.forget()
		b.StartTimer()
		if _, err := r.Locality(ctx, q); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLocalityDecisionColdAll asks about every county and place once, shuffled.
func BenchmarkLocalityDecisionColdAll(b *testing.B) {
	r := newResolver(b)
	ctx := context.Background()
	var qs []LocalityQuery
	for _, j := range r.ds.Jurisdictions {
		if j.Kind != "nation" && j.Kind != "state" {
			qs = append(qs, LocalityQuery{Locality: j.ID, AsOf: "2026-12-02"})
		}
	}
	coldLoop(b, r, qs, func(q LocalityQuery) error {
		_, err := r.Locality(ctx, q)
		return err
	})
}

// coldLoop asks each question once, in a shuffled order, from empty caches.
func coldLoop[Q any](b *testing.B, r *Resolver, qs []Q, ask func(Q) error) {
	rng := rand.New(rand.NewPCG(1, 2))
	qs = slices.Clone(qs)
	i := len(qs)
	for b.Loop() {
		if i == len(qs) {
			b.StopTimer()
			rng.Shuffle(len(qs), func(x, y int) { qs[x], qs[y] = qs[y], qs[x] })
			r.forget()
			i = 0
			b.StartTimer()
		}
		if err := ask(qs[i]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
