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
	fmt.Fprintf(w, "  %s\n", d.Summary)
	fmt.Fprintf(w, "  settled by: %s\n", principleWords[d.Principle])
	fmt.Fprintf(w, "  holds a %s agreement in force: %s\n", d.Model, yesNo(holdsModel(d)))
	if d.Duty != "" && d.Model != "" {
		fmt.Fprintf(w, "  holds an agreement that meets the duty (any model it names): %s\n", yesNo(d.Satisfied))
	}
	if len(d.Conditions) > 0 {
		fmt.Fprintln(w, "  conditions:")
		for _, c := range d.Conditions {
			fmt.Fprintf(w, "    - %s (%s)\n", c.Condition, c.Citation)
		}
	}
	for _, g := range d.Agreements {
		when := "signed " + g.Signed
		if g.Signed == "" && g.FirstListed != "" {
			when = "no signed date; first listed " + g.FirstListed
		}
		if g.Delisted != "" {
			when += "; not on ICE's list of " + g.Delisted
		}
		if g.Terminated != "" {
			when += "; ended " + g.Terminated
		}
		source := "(" + g.Source + ")"
		if g.Assumed {
			source = "[ASSUMED: a what-if, not a fact]"
		}
		fmt.Fprintf(w, "  agreement: %s, %s, in force: %s %s%s\n", g.Status, when, yesNo(g.InForce), source, unverified(g.Verified))
	}
	printReasons(w, "because", d.Reasons)
	for _, r := range d.Restrictions {
		fmt.Fprintf(w, "  restriction: %s\n", r)
	}
	for _, c := range d.Conflicts {
		fmt.Fprintf(w, "  conflict: %s: %s\n", strings.Join(c.Norms, " vs "), c.Sentence)
	}
	printReasons(w, "set aside", d.SetAside)
	printContext(w, d.Context)
	printCoverage(w, d.Coverage)
	printReceipt(w, d.Receipt)
}

// printReceipt says what an answer was computed from and how current its sources are.
func printReceipt(w io.Writer, rc resolver.Receipt) {
	fmt.Fprintf(w, "  receipt: dataset %s, juris %s", rc.Revision, rc.Version)
	if rc.AgreementsListed != "" {
		fmt.Fprintf(w, "; agreements from ICE's lists of %s to %s and its MOA documents to %s", rc.OldestList, rc.AgreementsListed, rc.DocumentsListed)
	}
	if rc.LawSurvey != "" {
		fmt.Fprintf(w, "; state law surveyed %s", rc.LawSurvey)
	}
	fmt.Fprintln(w)
	for _, n := range rc.Notes {
		fmt.Fprintf(w, "  note: %s\n", n)
	}
}

// principleWords says in words which principle settled a question.
var principleWords = map[string]string{
	"applicability":      "applicability (no norm in force conflicts with another)",
	"lex-superior":       "lex superior (the norm of the higher level of government prevails)",
	"lex-specialis":      "lex specialis (the norm aimed more narrowly prevails)",
	"lex-posterior":      "lex posterior (the later norm of the same level prevails)",
	"federal-deference":  "federal deference (8 U.S.C. § 1357(g) yields to state and local law)",
	"express-preemption": "express preemption (a higher law voids it)",
	"court-order":        "a court order keeps it in force",
	"contested-binding":  "nothing: a norm's binding on the agency is contested",
	"unresolved":         "nothing: the law leaves norms in conflict",
}

func holdsModel(d *resolver.AgencyDecision) bool {
	for _, g := range d.Agreements {
		if g.InForce && g.Model == d.Model {
			return true
		}
	}
	return false
}

func printContext(w io.Writer, cs []resolver.ContextMeasure) {
	if len(cs) == 0 {
		return
	}
	fmt.Fprintln(w, "  context (measures in force that bear on cooperation without deciding the 287(g) question):")
	for _, c := range cs {
		fmt.Fprintf(w, "    - %s, %s cooperation (%s, since %s)%s: %s\n      %s\n", c.Measure, c.Direction, c.Citation, c.Since, unverified(c.Verified), c.Sentence, c.URL)
	}
}

// printCoverage says what the answer rests on: which surveys of state law and local policies
// were made, and which were not.
func printCoverage(w io.Writer, c resolver.Coverage) {
	fmt.Fprintf(w, "  coverage: %s\n", coverageWords("state law", c.StateLaw))
	printOpen(w, c.StateLaw)
	for _, l := range c.LocalPolicies {
		fmt.Fprintf(w, "            %s\n", coverageWords("local policies", l))
		printOpen(w, l)
	}
}

// printOpen names the questions a survey left unresearched.
func printOpen(w io.Writer, e resolver.CoverageEntry) {
	for _, q := range e.Open {
		fmt.Fprintf(w, "              NOT RESEARCHED: %s\n", q)
	}
}

func coverageWords(what string, e resolver.CoverageEntry) string {
	if e.Outcome == "not-researched" || e.Outcome == "" {
		return fmt.Sprintf("%s of %s: NOT RESEARCHED", what, e.Name)
	}
	conf := ""
	if e.Confidence != "" {
		conf = "; confidence " + e.Confidence
	}
	return fmt.Sprintf("%s of %s: researched %s (%s%s)", what, e.Name, e.Date, strings.ReplaceAll(e.Outcome, "-", " "), conf)
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
		fmt.Fprintf(w, "    - %s%s\n      %s\n      %s\n", r.Sentence, unverified(r.Verified), r.Title, r.URL)
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
	} else {
		fmt.Fprintln(w, "  arrestees booked into: no jail in the facts (the source is unknown)")
	}
	fmt.Fprintf(w, "  %s\n", d.Summary)
	for _, p := range d.Policies {
		status := p.Status
		if p.Principle != "applicability" && p.Principle != p.Status {
			status += ", " + principleWords[p.Principle]
		}
		fmt.Fprintf(w, "  policy %s%s\n    %s\n    %s: %s\n", p.Citation, unverified(p.Verified), p.Title, status, p.Sentence)
		if len(p.Binds) > 0 {
			fmt.Fprintf(w, "    binds: %s\n", strings.Join(p.Binds, ", "))
		} else {
			fmt.Fprintln(w, "    binds: no agency present in the locality")
		}
		for _, c := range p.Contested {
			fmt.Fprintf(w, "    contested for %s: the policy's maker says it binds (%s); the agency says it does not (%s); %s\n", c.Agency, c.Position, c.Response, c.Citation)
		}
		fmt.Fprintf(w, "    %s\n", p.URL)
	}
	if len(d.Bypasses) > 0 {
		fmt.Fprintln(w, "  bypassed by:")
		for _, b := range d.Bypasses {
			tag := ""
			if b.Assumed {
				tag += " [ASSUMED: a what-if, not a fact]"
			}
			if b.Contested {
				tag += " [UNRESOLVED: binding contested]"
			}
			fmt.Fprintf(w, "    - %s [%s via %s]%s%s\n      %s\n", b.Agency, b.Model, b.Channel, unverified(b.Verified), tag, b.Sentence)
		}
	}
	if len(d.CouldBypass) > 0 {
		// In full: the agencies that hold an agreement, must hold one, or run the jail the
		// locality books into. The rest (at national scale, every state agency and campus
		// police force) are counted by kind; --format json lists them all.
		fmt.Fprintln(w, "  agencies the policy does not bind that reach people inside it:")
		rest := map[string]int{}
		for _, c := range d.CouldBypass {
			notable := slices.Contains(c.Channels, "jail") || slices.Contains(c.Channels, "own-arrests")
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
	printContext(w, d.Context)
	printCoverage(w, d.Coverage)
	printReceipt(w, d.Receipt)
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
