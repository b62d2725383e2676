// Package suite runs statute case suites: YAML files of questions and expected answers, the
// contract in docs/design.md. Any Go program can encode statutes as cases and run them from go test
// with RunFiles, or from the command line with juris test.
package suite

import (
	"context"
	"fmt"
	"maps"
	"os"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/jurisproject/juris/jurisdictions"
	"github.com/jurisproject/juris/resolver"
)

// Suite is one case file.
type Suite struct {
	Suite string  `yaml:"suite"`
	Cases []*Case `yaml:"cases"`

	File string `yaml:"-"`
}

// Case is one question with its expected answer. A case has exactly one of Agency (with Model)
// or Locality.
type Case struct {
	Name     string              `yaml:"name"`
	AsOf     *jurisdictions.Date `yaml:"as_of"`
	Agency   string              `yaml:"agency"`
	Model    string              `yaml:"model"`
	Locality string              `yaml:"locality"`
	Assume   *jurisdictions.File `yaml:"assume"`
	Expect   Expect              `yaml:"expect"`
	Note     string              `yaml:"note"`

	Line int `yaml:"-"`
}

// Expect holds the expected answer. Every key is optional, but a case must expect something; a
// key that does not apply to the case's question is an error.
type Expect struct {
	// Agency questions.
	Allowed   *bool   `yaml:"allowed" applies:"agency"`
	Required  *bool   `yaml:"required" applies:"agency"`
	Duty      *string `yaml:"duty" applies:"agency"`
	Satisfied *bool   `yaml:"satisfied" applies:"agency"`
	// Holds: the agency holds an agreement of the case's model in force on the date.
	Holds     *bool   `yaml:"holds" applies:"agency"`
	Principle *string `yaml:"principle" applies:"agency"`
	// Conditional: allowed only under written conditions (or only if a named official enters
	// it); Conditions: fragments each found in one of the conditions.
	Conditional *bool    `yaml:"conditional" applies:"agency"`
	Conditions  []string `yaml:"conditions" applies:"agency"`
	// Compliance is met, due or unmet; DueBy the duty's deadline.
	Compliance *string  `yaml:"compliance" applies:"agency"`
	DueBy      *string  `yaml:"due_by" applies:"agency"`
	SetAside   []string `yaml:"set_aside" applies:"agency"`
	// Locality questions.
	Bypassed      *bool             `yaml:"bypassed" applies:"locality"`
	BypassedBy    []string          `yaml:"bypassed_by" applies:"locality"`
	NotBypassedBy []string          `yaml:"not_bypassed_by" applies:"locality"`
	Preempted     *bool             `yaml:"preempted" applies:"locality"`
	Policies      map[string]string `yaml:"policies" applies:"locality"`
	Channels      []string          `yaml:"channels" applies:"locality"`
	// BooksInto: agencies each among the jails the locality's arrestees are booked into.
	BooksInto []string `yaml:"books_into" applies:"locality"`
	// ContestedBy: agencies whose binding by one of the locality's policies is contested.
	ContestedBy []string `yaml:"contested_by" applies:"locality"`
	// Both.
	Unresolved *bool    `yaml:"unresolved" applies:"both"`
	Cites      []string `yaml:"cites" applies:"both"`
	NotCites   []string `yaml:"not_cites" applies:"both"`
	// Context: fragments each found in the citation (or id) of a context measure in the answer.
	Context []string `yaml:"context" applies:"both"`
	// Coverage: the outcome of the survey behind the answer (laws-found, no-law-found,
	// not-researched): of the state's law for an agency, of the locality's own policies for a
	// locality.
	Coverage *string `yaml:"coverage" applies:"both"`
}

// expectKeys lists the keys set in e, each with the questions it applies to.
func expectKeys(e Expect) map[string]string {
	out := map[string]string{}
	v := reflect.ValueOf(e)
	t := v.Type()
	for i := range t.NumField() {
		f := v.Field(i)
		if f.IsNil() {
			continue
		}
		out[strings.Split(t.Field(i).Tag.Get("yaml"), ",")[0]] = t.Field(i).Tag.Get("applies")
	}
	return out
}

// Parse reads a case file strictly: unknown keys are errors naming file, line and key.
func Parse(name string, data []byte) (*Suite, error) {
	s := &Suite{File: name}
	root, err := jurisdictions.Decode(name, data, s)
	if err != nil {
		return nil, err
	}
	if len(s.Cases) == 0 {
		return nil, jurisdictions.Errors{{File: name, Field: "cases", Msg: "no cases: a suite needs a cases list"}}
	}
	cases := childNode(root, "cases")
	var errs jurisdictions.Errors
	for i, c := range s.Cases {
		field := fmt.Sprintf("cases[%d]", i)
		if c == nil {
			errs = append(errs, &jurisdictions.Error{File: name, Field: field, Msg: "empty case"})
			continue
		}
		if cases != nil && i < len(cases.Content) {
			c.Line = cases.Content[i].Line
		}
		fail := func(f, format string, args ...any) {
			errs = append(errs, &jurisdictions.Error{File: name, Line: c.Line, Field: field + f, Msg: fmt.Sprintf(format, args...)})
		}
		if strings.TrimSpace(c.Name) == "" {
			fail(".name", "required")
		}
		question := "agency"
		switch {
		case c.Agency != "" && c.Locality != "":
			fail("", "has both agency and locality: a case asks one question")
		case c.Agency == "" && c.Locality == "":
			fail("", "needs agency (with model) or locality")
		case c.Agency != "":
			if !jurisdictions.IsModel(c.Model) {
				fail(".model", "%q is not a model; valid models: %s", c.Model, strings.Join(jurisdictions.Models(), ", "))
			}
		default:
			question = "locality"
			if c.Model != "" {
				fail(".model", "applies to agency cases only")
			}
			for _, nid := range slices.Sorted(maps.Keys(c.Expect.Policies)) { // sorted: errors in a stable order
				if st := c.Expect.Policies[nid]; !slices.Contains(policyStatuses, st) {
					fail(".expect.policies."+nid, "%q is not a status; valid: %s", st, strings.Join(policyStatuses, ", "))
				}
			}
		}
		keys := expectKeys(c.Expect)
		if len(keys) == 0 {
			fail(".expect", "required: a case must expect something (allowed, bypassed, cites, ...); a case that asserts nothing cannot fail")
		}
		for _, k := range slices.Sorted(maps.Keys(keys)) {
			if applies := keys[k]; applies != "both" && applies != question {
				fail(".expect."+k, "applies to %s cases only; this is a%s %s case", applies, map[string]string{"agency": "n", "locality": ""}[question], question)
			}
		}
		if c.Expect.Coverage != nil && !slices.Contains(jurisdictions.Outcomes(), *c.Expect.Coverage) {
			fail(".expect.coverage", "%q is not an outcome; valid: %s", *c.Expect.Coverage, strings.Join(jurisdictions.Outcomes(), ", "))
		}
		if c.Assume != nil {
			c.Assume.Name = fmt.Sprintf("%s (case %q assume)", name, c.Name)
			var n *yaml.Node // where the assumed facts are written, so errors about them name the line
			if cases != nil && i < len(cases.Content) {
				n = cases.Content[i]
				if n.Kind == yaml.AliasNode {
					n = n.Alias
				}
			}
			c.Assume.Locate(name, childNode(n, "assume"))
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return s, nil
}

// policyStatuses are the statuses a locality's policy can have.
var policyStatuses = []string{"in-force", "not-in-force", "preempted", "unresolved"}

// IDs lists the ids a case names: its question's and those of its assumed facts (and what they
// refer to), so that a runner can tell which states' facts the case needs.
func (c *Case) IDs() []string {
	ids := []string{c.Agency, c.Locality}
	if a := c.Assume; a != nil {
		for _, j := range a.Jurisdictions {
			if j != nil {
				ids = append(ids, j.ID, j.Parent)
				ids = append(ids, j.Counties...)
				ids = append(ids, j.BooksInto...)
			}
		}
		for _, x := range a.Agencies {
			if x != nil {
				ids = append(ids, x.ID, x.Jurisdiction)
				ids = append(ids, x.OperatesIn...)
				ids = append(ids, x.BoundBy...)
			}
		}
		for _, n := range a.Norms {
			if n == nil {
				continue
			}
			ids = append(ids, n.ID, n.Jurisdiction)
			for _, e := range n.Effects {
				if e != nil && e.Reaches != nil {
					ids = append(ids, e.Reaches.Jurisdictions...)
					ids = append(ids, e.Reaches.Agencies...)
					ids = append(ids, e.Reaches.Except...)
				}
				if e != nil {
					ids = append(ids, e.Norms...)
				}
			}
		}
		for _, g := range a.Agreements {
			if g != nil {
				ids = append(ids, g.Agency)
			}
		}
	}
	return slices.DeleteFunc(ids, func(s string) bool { return s == "" })
}

// PolicyStatuses returns the statuses a locality's policy can have.
func PolicyStatuses() []string { return slices.Clone(policyStatuses) }

// ParseFile reads and parses a case file from disk.
func ParseFile(path string) (*Suite, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("reading cases: %w", err)
	}
	if st.Size() > jurisdictions.MaxFileSize {
		return nil, jurisdictions.Errors{{File: path, Msg: fmt.Sprintf("file is %d bytes, over the %d-byte (8 MiB) cap", st.Size(), jurisdictions.MaxFileSize)}}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading cases: %w", err)
	}
	return Parse(path, data)
}

// Result is the outcome of one case.
type Result struct {
	Suite    string
	File     string
	Line     int
	Name     string
	Failures []string // what did not match; empty when the case passed
	Err      error    // the case could not be run (bad id, bad assume, ...)
	Agency   *resolver.AgencyDecision
	Locality *resolver.LocalityDecision
}

// Passed reports whether the case ran and matched every expectation.
func (r *Result) Passed() bool { return r.Err == nil && len(r.Failures) == 0 }

// Run runs every case of s against r, on every core, and returns the results in the cases'
// order. A case with assume runs against r with the assumed facts laid on top.
func Run(ctx context.Context, r *resolver.Resolver, s *Suite) []*Result {
	return RunPicked(ctx, func(*Case) (*resolver.Resolver, error) { return r, nil }, s)
}

// Picker chooses the resolver a case runs against: juris test gives a case about one state a
// resolver over that state's facts, which answers the same and lays assumed facts much faster.
type Picker func(c *Case) (*resolver.Resolver, error)

// RunPicked is Run with a resolver chosen per case.
func RunPicked(ctx context.Context, pick Picker, s *Suite) []*Result {
	out := make([]*Result, len(s.Cases))
	work := make(chan int)
	var wg sync.WaitGroup
	for range max(1, min(runtime.GOMAXPROCS(0), len(s.Cases))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				c := s.Cases[i]
				r, err := pick(c)
				if err != nil {
					out[i] = &Result{Suite: s.Suite, File: s.File, Line: c.Line, Name: c.Name, Err: err}
					continue
				}
				out[i] = runCase(ctx, r, s, c)
			}
		}()
	}
	for i := range s.Cases {
		work <- i
	}
	close(work)
	wg.Wait()
	return out
}

func runCase(ctx context.Context, r *resolver.Resolver, s *Suite, c *Case) *Result {
	res := &Result{Suite: s.Suite, File: s.File, Line: c.Line, Name: c.Name}
	rr := r
	if c.Assume != nil {
		var err error
		if rr, err = r.Layer(ctx, c.Assume); err != nil {
			res.Err = fmt.Errorf("assume: %w", err)
			return res
		}
	}
	asOf := ""
	if c.AsOf != nil {
		asOf = string(*c.AsOf)
	}
	if c.Agency != "" {
		d, err := rr.Agency(ctx, resolver.AgencyQuery{Agency: c.Agency, Model: c.Model, AsOf: asOf})
		if err != nil {
			res.Err = err
			return res
		}
		res.Agency = d
		res.Failures = checkAgency(c.Expect, d)
		return res
	}
	d, err := rr.Locality(ctx, resolver.LocalityQuery{Locality: c.Locality, AsOf: asOf})
	if err != nil {
		res.Err = err
		return res
	}
	res.Locality = d
	res.Failures = checkLocality(c.Expect, d)
	return res
}
