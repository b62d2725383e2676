package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/jurisproject/juris/resolver"
)

func cmdAgency(ctx context.Context, o *options, pos []string, w io.Writer) (int, error) {
	if len(pos) != 1 {
		return 2, errors.New("want one agency id: juris agency ID --model MODEL")
	}
	if o.model == "" {
		return 2, errors.New("--model is required: jail-enforcement, task-force or warrant-service-officer")
	}
	r, err := o.resolver(ctx, pos[0])
	if err != nil {
		return 1, err
	}
	id, err := resolveID(r, pos[0], "agency")
	if err != nil {
		return 1, err
	}
	d, err := r.Agency(ctx, resolver.AgencyQuery{Agency: id, Model: o.model, AsOf: o.asOf})
	if err != nil {
		return 1, err
	}
	return 0, emit(w, o.format, d, func() { printAgency(w, d) })
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func printAgency(w io.Writer, d *resolver.AgencyDecision) {
	fmt.Fprintf(w, "%s (%s), %s, as of %s\n", d.AgencyName, d.Agency, d.Model, d.AsOf)
	if d.Unresolved {
		fmt.Fprintln(w, "  allowed:  UNRESOLVED (the law leaves norms in conflict)")
	} else {
		fmt.Fprintf(w, "  allowed:  %s\n", yesNo(d.Allowed))
		req := yesNo(d.Required)
		if d.Duty != "" && !d.Required {
			req += fmt.Sprintf(" (but must %s one)", d.Duty)
		}
		fmt.Fprintf(w, "  required: %s\n", req)
	}
	fmt.Fprintf(w, "  settled by: %s\n", d.Principle)
	fmt.Fprintf(w, "  %s\n", d.Summary)
	if d.Duty != "" {
		fmt.Fprintf(w, "  holds a qualifying agreement in force: %s\n", yesNo(d.Satisfied))
	}
	for _, g := range d.Agreements {
		when := "signed " + g.Signed
		if g.Signed == "" && g.FirstListed != "" {
			when = "no signed date; first listed " + g.FirstListed
		}
		if g.Delisted != "" {
			when += "; not on ICE's list of " + g.Delisted
		}
		fmt.Fprintf(w, "  agreement %s: %s, %s, in force: %s (%s)%s\n", g.Model, g.Status, when, yesNo(g.InForce), g.Source, unverified(g.Verified))
	}
	printReasons(w, "because", d.Reasons)
	for _, r := range d.Restrictions {
		fmt.Fprintf(w, "  restriction: %s\n", r)
	}
	for _, c := range d.Conflicts {
		fmt.Fprintf(w, "  conflict: %s: %s\n", strings.Join(c.Norms, " vs "), c.Sentence)
	}
	printReasons(w, "set aside", d.SetAside)
	fmt.Fprintf(w, "  receipt: dataset %s, juris %s\n", d.Receipt.Revision, d.Receipt.Version)
}

func unverified(v bool) string {
	if v {
		return ""
	}
	return " [UNVERIFIED]"
}

func printReasons(w io.Writer, head string, rs []resolver.Reason) {
	if len(rs) == 0 {
		return
	}
	fmt.Fprintf(w, "  %s:\n", head)
	for _, r := range rs {
		fmt.Fprintf(w, "    - %s%s\n      %s\n      [%s] %s\n", r.Sentence, unverified(r.Verified), r.Title, r.Principle, r.URL)
	}
}

func cmdLocality(ctx context.Context, o *options, pos []string, w io.Writer) (int, error) {
	if len(pos) != 1 {
		return 2, errors.New("want one locality id: juris locality ID")
	}
	if o.model != "" {
		return 2, errors.New("--model applies to juris agency only")
	}
	r, err := o.resolver(ctx, pos[0])
	if err != nil {
		return 1, err
	}
	id, err := resolveID(r, pos[0], "jurisdiction")
	if err != nil {
		return 1, err
	}
	d, err := r.Locality(ctx, resolver.LocalityQuery{Locality: id, AsOf: o.asOf})
	if err != nil {
		return 1, err
	}
	return 0, emit(w, o.format, d, func() { printLocality(w, d) })
}

func printLocality(w io.Writer, d *resolver.LocalityDecision) {
	fmt.Fprintf(w, "%s (%s, %s), as of %s\n", d.Name, d.Locality, d.Kind, d.AsOf)
	if len(d.Counties) > 0 {
		fmt.Fprintf(w, "  lies in: %s\n", strings.Join(d.Counties, ", "))
	}
	if len(d.BooksInto) > 0 {
		fmt.Fprintf(w, "  arrestees booked into the jail of: %s\n", strings.Join(d.BooksInto, ", "))
	}
	fmt.Fprintf(w, "  %s\n", d.Summary)
	for _, p := range d.Policies {
		fmt.Fprintf(w, "  policy %s%s\n    %s\n    status: %s (%s): %s\n    binds: %s\n    %s\n",
			p.Citation, unverified(p.Verified), p.Title, p.Status, p.Principle, p.Sentence, strings.Join(p.Binds, ", "), p.URL)
	}
	if len(d.Bypasses) > 0 {
		fmt.Fprintln(w, "  bypassed by:")
		for _, b := range d.Bypasses {
			fmt.Fprintf(w, "    - %s [%s via %s]%s\n      %s\n", b.Agency, b.Model, b.Channel, unverified(b.Verified), b.Sentence)
		}
	}
	if len(d.CouldBypass) > 0 {
		// In full: the agencies that hold an agreement, must hold one, or run the jail the
		// locality books into. The rest (at national scale, every state agency and campus
		// police force) are counted by kind; --format json lists them all.
		fmt.Fprintln(w, "  agencies the policy does not bind that reach people inside it:")
		rest := map[string]int{}
		for _, c := range d.CouldBypass {
			notable := slices.Contains(c.Channels, "jail")
			for _, a := range c.Models {
				notable = notable || a.Holds || a.Required
			}
			if !notable {
				rest[c.AgencyKind]++
				continue
			}
			fmt.Fprintf(w, "    - %s (%s): %s; channels: %s\n", c.AgencyName, c.Agency, c.WhyNotBound, strings.Join(c.Channels, ", "))
			for _, m := range sortedModels(c.Models) {
				a := c.Models[m]
				fmt.Fprintf(w, "        %s: allowed %s, required %s, holds one %s\n", m, yesNo(a.Allowed), yesNo(a.Required), yesNo(a.Holds))
			}
		}
		if len(rest) > 0 {
			var parts []string
			n := 0
			for _, k := range slices.Sorted(maps.Keys(rest)) {
				parts = append(parts, fmt.Sprintf("%d %s", rest[k], k))
				n += rest[k]
			}
			fmt.Fprintf(w, "    - and %d more that hold no agreement and need none (%s); --format json lists them\n", n, strings.Join(parts, ", "))
		}
	}
	fmt.Fprintf(w, "  receipt: dataset %s, juris %s\n", d.Receipt.Revision, d.Receipt.Version)
}

func sortedModels(m map[string]resolver.ModelAnswer) []string {
	var out []string
	for _, k := range []string{"jail-enforcement", "task-force", "warrant-service-officer"} {
		if _, ok := m[k]; ok {
			out = append(out, k)
		}
	}
	return out
}
