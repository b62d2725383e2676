package resolver_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/jurisproject/juris/jurisdictions"
	"github.com/jurisproject/juris/resolver"
)

// Must the Travis County Sheriff sign a 287(g) agreement once Texas SB 8 applies?
func ExampleResolver_Agency() {
	ctx := context.Background()
	r, err := resolver.New(ctx)
	if err != nil {
		panic(err)
	}
	d, err := r.Agency(ctx, resolver.AgencyQuery{
		Agency: "us/tx/travis-county/sheriff",
		Model:  "jail-enforcement",
		AsOf:   "2026-12-02",
	})
	if err != nil {
		panic(err)
	}
	fmt.Println("allowed:", d.Allowed, "required:", d.Required, "duty:", d.Duty)
	for _, reason := range d.Reasons {
		fmt.Println(reason.Citation, "-", reason.Effect)
	}
	// Output:
	// allowed: true required: true duty: enter
	// 8 U.S.C. § 1357(g) - permits
	// Tex. Gov't Code § 753.051 - requires
}

// Which agencies could get around Columbus's policy, and through what?
func ExampleResolver_Locality() {
	ctx := context.Background()
	r, err := resolver.New(ctx)
	if err != nil {
		panic(err)
	}
	d, err := r.Locality(ctx, resolver.LocalityQuery{Locality: "us/oh/columbus", AsOf: "2026-12-01"})
	if err != nil {
		panic(err)
	}
	for _, p := range d.Policies {
		fmt.Println(p.Citation, "is", p.Status, "and binds", p.Binds)
	}
	for _, c := range d.CouldBypass {
		if strings.HasSuffix(c.Agency, "/sheriff") { // the jails; state agencies and campuses follow
			fmt.Println(c.Agency, c.Channels)
		}
	}
	// Output:
	// Columbus City Code § 161.10 (Ord. No. 1304-2017, § 1) is in-force and binds [us/oh/columbus/police]
	// us/oh/delaware-county/sheriff [jail patrol warrant-service]
	// us/oh/fairfield-county/sheriff [jail patrol warrant-service]
	// us/oh/franklin-county/sheriff [jail patrol warrant-service]
}

// A what-if: lay an assumed agreement over the dataset and ask again.
func ExampleResolver_Layer() {
	ctx := context.Background()
	r, err := resolver.New(ctx)
	if err != nil {
		panic(err)
	}
	f, err := jurisdictions.ParseFile("what-if.yaml", []byte(`
agreements:
  - agency: us/oh/franklin-county/sheriff
    model: jail-enforcement
    signed: 2026-11-01
    source: what-if
    url: https://www.ice.gov/identify-and-arrest/287g
`))
	if err != nil {
		panic(err)
	}
	whatIf, err := r.Layer(ctx, f)
	if err != nil {
		panic(err)
	}
	d, err := whatIf.Locality(ctx, resolver.LocalityQuery{Locality: "us/oh/columbus", AsOf: "2026-12-01"})
	if err != nil {
		panic(err)
	}
	fmt.Println(d.Bypassed, d.BypassedBy, d.Bypasses[0].Channel)
	// Output: true [us/oh/franklin-county/sheriff] jail
}

func ExampleResolver_Find() {
	r, err := resolver.New(context.Background())
	if err != nil {
		panic(err)
	}
	for _, q := range []string{"Austin, TX", "Austin County, Texas"} {
		m := r.Find(q)[0]
		fmt.Println(q, "->", m.ID, m.Kind)
	}
	// Output:
	// Austin, TX -> us/tx/austin city
	// Austin County, Texas -> us/tx/austin-county county
}
