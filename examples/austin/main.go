// Command austin answers the Austin question: Austin's policy binds the city police, so who
// could get around it inside city limits, and must the Travis County Sheriff sign a 287(g)
// agreement once Texas SB 8 applies?
package main

import (
	"context"
	"fmt"
	"log"

	"github.com/jurisproject/juris/resolver"
)

func main() {
	ctx := context.Background()
	r, err := resolver.New(ctx)
	if err != nil {
		log.Fatal(err)
	}
	sheriff, err := r.Agency(ctx, resolver.AgencyQuery{
		Agency: "us/tx/travis-county/sheriff",
		Model:  "jail-enforcement",
		AsOf:   "2026-12-02",
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(sheriff.Summary)
	for _, reason := range sheriff.Reasons {
		fmt.Printf("  because %s\n    %s\n", reason.Sentence, reason.URL)
	}

	austin, err := r.Locality(ctx, resolver.LocalityQuery{Locality: "us/tx/austin", AsOf: "2026-12-02"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(austin.Summary)
	for _, p := range austin.Policies {
		fmt.Printf("  %s: %s (binds %v)\n", p.Citation, p.Status, p.Binds)
	}
	for _, c := range austin.CouldBypass {
		fmt.Printf("  %s is not bound (%s); reaches people in Austin through %v\n", c.AgencyName, c.WhyNotBound, c.Channels)
	}
	fmt.Println(resolver.Disclaimer)
}
