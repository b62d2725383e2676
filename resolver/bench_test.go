package resolver

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/jurisproject/juris/jurisdictions"
)

// The benchmarks of issue 6, on the embedded national dataset. BENCHMARKS.md has the figures and
// the commands; none of this is a timed unit test.

// BenchmarkLoadNational loads the embedded national facts and prepares the policy, from nothing.
func BenchmarkLoadNational(b *testing.B) {
	ctx := context.Background()
	for b.Loop() {
		ds, err := jurisdictions.LoadEmbedded()
		if err != nil {
			b.Fatal(err)
		}
		if _, err := New(ctx, WithDataset(ds)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadOneState loads one state's national layer and prepares the policy: what the CLI
// does for a question about one place.
func BenchmarkLoadOneState(b *testing.B) {
	ctx := context.Background()
	for b.Loop() {
		if _, err := New(ctx, WithStates("TX")); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAgencyDecisionVaried asks about a different agency and model each time (every agency
// holding an agreement, in id order), so no answer is asked twice in a row.
func BenchmarkAgencyDecisionVaried(b *testing.B) {
	r := newResolver(b)
	ctx := context.Background()
	var qs []AgencyQuery
	for _, id := range sortedAgreementAgencies(r) {
		for _, m := range jurisdictions.Models() {
			qs = append(qs, AgencyQuery{Agency: id, Model: m, AsOf: "2026-06-01"})
		}
	}
	i := 0
	for b.Loop() {
		if _, err := r.Agency(ctx, qs[i%len(qs)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

func sortedAgreementAgencies(r *Resolver) []string {
	set := map[string]bool{}
	for _, g := range r.ds.Agreements {
		set[g.Agency] = true
	}
	var out []string
	for id := range set {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

// BenchmarkNationalReport computes the full report for one date, warm (asked again: the
// answer comes from the decision cache) and cold (every cache emptied first, off the clock). It
// reports the heap in use after the run (the peak of a report is the resolver's facts plus this
// transient work).
func BenchmarkNationalReport(b *testing.B) {
	r := newResolver(b)
	b.Run("cold", func(b *testing.B) { benchReport(b, r, true) })
	b.Run("warm", func(b *testing.B) { benchReport(b, r, false) })
}

var (
	scaledOnce sync.Once
	scaled     *Resolver
)

// BenchmarkNationalReportScaled4x computes the report over a synthetic dataset four times the
// national size: the nation and three renamed copies of every state (its counties, places,
// agencies, laws and agreements). Compare with BenchmarkNationalReport for the scaling ratio.
func BenchmarkNationalReportScaled4x(b *testing.B) {
	scaledOnce.Do(func() {
		ds, err := jurisdictions.Default()
		if err != nil {
			b.Fatal(err)
		}
		big, err := scale(ds, 4)
		if err != nil {
			b.Fatal(err)
		}
		if scaled, err = New(context.Background(), WithDataset(big)); err != nil {
			b.Fatal(err)
		}
	})
	benchReport(b, scaled, true)
}

func benchReport(b *testing.B, r *Resolver, cold bool) {
	ctx := context.Background()
	var rep *Report
	for b.Loop() {
		if cold {
			b.StopTimer()
			r.forget()
			b.StartTimer()
		}
		var err error
		if rep, err = r.Report(ctx, ReportQuery{AsOf: "2026-06-01"}); err != nil {
			b.Fatal(err)
		}
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "MB-heap-in-use")
	b.ReportMetric(float64(len(r.ds.Agencies)), "agencies")
	b.ReportMetric(float64(rep.Summary.AgreementsInForce), "agreements-in-force")
}

// scale returns ds with copies-1 renamed copies of every state (us/tx -> us/tx2, us/tx3, ...).
func scale(ds *jurisdictions.Dataset, copies int) (*jurisdictions.Dataset, error) {
	f := &jurisdictions.File{Name: "synthetic.yaml"}
	for k := 2; k <= copies; k++ {
		suffix := fmt.Sprint(k)
		re := func(id string) string {
			parts := strings.SplitN(id, "/", 3)
			if len(parts) < 2 || parts[0] != "us" {
				return id
			}
			parts[1] += suffix
			return strings.Join(parts, "/")
		}
		res := func(ids []string) []string {
			out := make([]string, len(ids))
			for i, id := range ids {
				out[i] = re(id)
			}
			return out
		}
		for _, j := range ds.Jurisdictions {
			if j.Kind == "nation" {
				continue
			}
			c := *j
			c.ID, c.Counties, c.BooksInto, c.Aliases = re(j.ID), res(j.Counties), res(j.BooksInto), res(j.Aliases)
			if c.Parent != "us" {
				c.Parent = re(c.Parent)
			}
			if c.USPS != "" {
				c.USPS += suffix
			}
			if len(j.CountyShares) > 0 {
				c.CountyShares = map[string]float64{}
				for k, v := range j.CountyShares {
					c.CountyShares[re(k)] = v
				}
			}
			f.Jurisdictions = append(f.Jurisdictions, &c)
		}
		for _, a := range ds.Agencies {
			c := *a
			c.ID, c.Jurisdiction, c.OperatesIn, c.BoundBy = re(a.ID), re(a.Jurisdiction), res(a.OperatesIn), res(a.BoundBy)
			f.Agencies = append(f.Agencies, &c)
		}
		for _, n := range ds.Norms {
			if n.Jurisdiction == "us" {
				continue
			}
			c := *n
			c.ID, c.Jurisdiction = re(n.ID), re(n.Jurisdiction)
			c.Effects, c.Bindings = nil, nil
			for _, bd := range n.Bindings {
				bc := *bd
				bc.Agency = re(bd.Agency)
				c.Bindings = append(c.Bindings, &bc)
			}
			for _, e := range n.Effects {
				ec := *e
				ec.Norms = res(e.Norms)
				if e.Reaches != nil {
					r := *e.Reaches
					r.Jurisdictions, r.Agencies, r.Except = res(r.Jurisdictions), res(r.Agencies), res(r.Except)
					ec.Reaches = &r
				}
				c.Effects = append(c.Effects, &ec)
			}
			f.Norms = append(f.Norms, &c)
		}
		for _, g := range ds.Agreements {
			c := *g
			c.ID, c.Agency = re(g.ID), re(g.Agency)
			f.Agreements = append(f.Agreements, &c)
		}
	}
	return ds.Layer(f)
}
