// Command whatif asks a what-if: if the Franklin County Sheriff signed a jail-enforcement
// agreement, would Columbus's policy be bypassed inside the city?
package main

import (
	"context"
	"fmt"
	"log"

	"github.com/jurisproject/juris/jurisdictions"
	"github.com/jurisproject/juris/resolver"
)

// assumed is the what-if: an assumption needs only agency, model and signed (and optionally
// until); it has no source to cite, and every answer marks it assumed.
const assumed = `
agreements:
  - {agency: us/oh/franklin-county/sheriff, model: jail-enforcement, signed: 2026-10-01}
`

func main() {
	ctx := context.Background()
	base, err := resolver.New(ctx, resolver.WithStates("OH"))
	if err != nil {
		log.Fatal(err)
	}
	f, err := jurisdictions.ParseFile("whatif.yaml", []byte(assumed))
	if err != nil {
		log.Fatal(err)
	}
	whatIf, err := base.Layer(ctx, f)
	if err != nil {
		log.Fatal(err)
	}
	for _, run := range []struct {
		label string
		r     *resolver.Resolver
	}{{"as the facts stand", base}, {"if Franklin's sheriff signs", whatIf}} {
		label, r := run.label, run.r
		d, err := r.Locality(ctx, resolver.LocalityQuery{Locality: "us/oh/columbus", AsOf: "2026-12-01"})
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s: bypassed=%v %v\n", label, d.Bypassed, d.BypassedBy)
		for _, b := range d.Bypasses {
			fmt.Println("  ", b.Sentence)
		}
	}
	fmt.Println(resolver.Disclaimer)
}
