package suite

import (
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/jurisproject/juris/resolver"
)

func childNode(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

type checks struct{ fails []string }

func (c *checks) bool(key string, want *bool, got bool) {
	if want != nil && *want != got {
		c.fails = append(c.fails, fmt.Sprintf("%s: want %v, got %v", key, *want, got))
	}
}

func (c *checks) str(key string, want *string, got string) {
	if want != nil && *want != got {
		c.fails = append(c.fails, fmt.Sprintf("%s: want %q, got %q", key, *want, got))
	}
}

// cites checks that each wanted fragment appears in a citation among the reasons (or, with
// absent, in none of them).
func (c *checks) cites(key string, want []string, reasons []resolver.Reason, absent bool) {
	for _, w := range want {
		found := slices.ContainsFunc(reasons, func(r resolver.Reason) bool {
			return strings.Contains(r.Citation, w) || r.Norm == w
		})
		if found == absent {
			var have []string
			for _, r := range reasons {
				have = append(have, r.Citation)
			}
			verb := "no"
			if absent {
				verb = "a"
			}
			c.fails = append(c.fails, fmt.Sprintf("%s: %s reason cites %q; reasons cite: [%s]", key, verb, w, strings.Join(have, "; ")))
		}
	}
}

func checkAgency(e Expect, d *resolver.AgencyDecision) []string {
	var c checks
	c.bool("allowed", e.Allowed, d.Allowed)
	c.bool("required", e.Required, d.Required)
	c.str("duty", e.Duty, d.Duty)
	c.bool("satisfied", e.Satisfied, d.Satisfied)
	holds := false
	for _, g := range d.Agreements {
		holds = holds || (g.InForce && g.Model == d.Model)
	}
	c.bool("holds", e.Holds, holds)
	c.str("principle", e.Principle, d.Principle)
	c.bool("unresolved", e.Unresolved, d.Unresolved)
	c.bool("conditional", e.Conditional, d.Conditional)
	c.str("compliance", e.Compliance, d.Compliance)
	c.str("due_by", e.DueBy, d.DueBy)
	var conds []string
	for _, x := range d.Conditions {
		conds = append(conds, x.Condition)
	}
	c.fragments("conditions", e.Conditions, conds)
	c.cites("cites", e.Cites, d.Reasons, false)
	c.cites("not_cites", e.NotCites, d.Reasons, true)
	c.cites("set_aside", e.SetAside, d.SetAside, false)
	c.context(e.Context, d.Context)
	c.str("coverage", e.Coverage, d.Coverage.StateLaw.Outcome)
	return c.fails
}

// fragments checks that each wanted fragment appears in one of the texts.
func (c *checks) fragments(key string, want, texts []string) {
	for _, w := range want {
		if !slices.ContainsFunc(texts, func(t string) bool { return strings.Contains(t, w) }) {
			c.fails = append(c.fails, fmt.Sprintf("%s: none contains %q; have: [%s]", key, w, strings.Join(texts, "; ")))
		}
	}
}

func (c *checks) context(want []string, have []resolver.ContextMeasure) {
	var texts []string
	for _, m := range have {
		texts = append(texts, m.Norm+" "+m.Citation)
	}
	c.fragments("context", want, texts)
}

// members checks that each wanted id is among the ids the answer gives.
func (c *checks) members(key string, want, have []string) {
	for _, w := range want {
		if !slices.Contains(have, w) {
			c.fails = append(c.fails, fmt.Sprintf("%s: %s is not among [%s]", key, w, strings.Join(have, ", ")))
		}
	}
}

func checkLocality(e Expect, d *resolver.LocalityDecision) []string {
	var c checks
	c.bool("bypassed", e.Bypassed, d.Bypassed)
	c.bool("preempted", e.Preempted, d.Preempted)
	c.bool("unresolved", e.Unresolved, d.Unresolved)
	for _, a := range e.BypassedBy {
		if !slices.Contains(d.BypassedBy, a) {
			c.fails = append(c.fails, fmt.Sprintf("bypassed_by: %s is not among the bypassing agencies [%s]", a, strings.Join(d.BypassedBy, ", ")))
		}
	}
	for _, a := range e.NotBypassedBy {
		if slices.Contains(d.BypassedBy, a) {
			c.fails = append(c.fails, fmt.Sprintf("not_bypassed_by: %s bypasses the policy", a))
		}
	}
	var channels []string
	for _, b := range d.Bypasses {
		channels = append(channels, b.Channel)
	}
	for _, ch := range e.Channels {
		if !slices.Contains(channels, ch) {
			c.fails = append(c.fails, fmt.Sprintf("channels: no bypass through %q; bypass channels: [%s]", ch, strings.Join(channels, ", ")))
		}
	}
	for _, nid := range sortedKeys(e.Policies) {
		want := e.Policies[nid]
		i := slices.IndexFunc(d.Policies, func(p resolver.Policy) bool { return p.Norm == nid })
		if i < 0 {
			c.fails = append(c.fails, fmt.Sprintf("policies.%s: the locality has no such policy", nid))
			continue
		}
		if got := d.Policies[i].Status; got != want {
			c.fails = append(c.fails, fmt.Sprintf("policies.%s: want %s, got %s (%s)", nid, want, got, d.Policies[i].Sentence))
		}
	}
	var reasons []resolver.Reason
	for _, p := range d.Policies {
		reasons = append(reasons, resolver.Reason{Norm: p.Norm, Citation: p.Citation})
		for i, by := range p.By {
			cit := by
			if i < len(p.ByCitations) {
				cit = p.ByCitations[i]
			}
			reasons = append(reasons, resolver.Reason{Norm: by, Citation: cit})
		}
	}
	c.cites("cites", e.Cites, reasons, false)
	c.cites("not_cites", e.NotCites, reasons, true)
	c.members("books_into", e.BooksInto, d.BooksInto)
	var contested []string
	for _, p := range d.Policies {
		for _, x := range p.Contested {
			contested = append(contested, x.Agency)
		}
	}
	c.members("contested_by", e.ContestedBy, contested)
	c.context(e.Context, d.Context)
	local := "not-researched"
	for _, l := range d.Coverage.LocalPolicies {
		if l.Jurisdiction == d.Locality {
			local = l.Outcome
		}
	}
	c.str("coverage", e.Coverage, local)
	return c.fails
}

func sortedKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
