package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"sync"

	"github.com/jurisproject/juris/jurisdictions"
	"github.com/jurisproject/juris/resolver"
)

const usage = `juris: what the laws say about 287(g) agreements, with citations, as of a date.

usage:
  juris agency ID --model MODEL [flags]   may this agency hold an agreement of MODEL? must it?
  juris locality ID [flags]               which of this locality's policies stand, and who bypasses them?
  juris explain QUERY [flags]             everything about a place or agency, found by id, name or ORI
  juris test FILE... [--run REGEX] [-v]   run case suites; closes with "N passed, M failed"
  juris validate [PATH...]                check fact files (none: the embedded dataset); non-zero exit on any error
  juris stats [--state ST] [flags]        agreements in force on the date, by state, model and agency kind
  juris report [--state ST] [-o FILE]     conflicts, unmet mandates, bypassed localities, state postures
                                          (--format text|json|markdown|csv|html)
  juris timeline ID                       how the answer for an agency or locality changed over time
  juris import --sources DIR [--check]    rebuild the national layer from the public files in DIR (or $JURIS_SOURCES)
  juris bundle -o FILE                    write an OPA bundle (policy and facts) for a stock opa server
  juris coverage [-o FILE|--check FILE]   the coverage table: each state's posture, norms, survey date
                                          and confidence, and each curated locality (docs/coverage.md)

flags:
  --as-of YYYY-MM-DD   the date of the question (default: today)
  --format text|json   output format (default: text)
  --facts DIR          lay a researcher's own fact files over the embedded dataset (repeatable)
  --policy DIR         add Rego modules to the policy (sandboxed; repeatable)
  --model MODEL        jail-enforcement, task-force or warrant-service-officer (agency only)
  --state ST           a state's USPS code (stats and report)
  -o FILE              write the report to FILE

` + resolver.Disclaimer + "\n"

// options are the flags every question command shares.
type options struct {
	asOf   string
	format string
	model  string
	state  string
	out    string
	facts  multi
	// reportFormat is --format for juris report, which has more formats than the rest.
	reportFormat string
	policy       multi
	// run and verbose are juris test's --run REGEX and -v.
	run     string
	verbose bool
}

type multi []string

func (m *multi) String() string     { return strings.Join(*m, ",") }
func (m *multi) Set(v string) error { *m = append(*m, v); return nil }

// parse reads flags wherever they stand among the positional arguments.
func parse(name string, args []string, stderr io.Writer) (*options, []string, error) {
	o := &options{}
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.asOf, "as-of", "", "date of the question, YYYY-MM-DD (default today)")
	fs.StringVar(&o.format, "format", "text", "text or json")
	fs.StringVar(&o.model, "model", "", "jail-enforcement, task-force or warrant-service-officer")
	fs.StringVar(&o.state, "state", "", "a state's USPS code (stats and report)")
	fs.StringVar(&o.out, "o", "", "write the output to this file (report only)")
	fs.Var(&o.facts, "facts", "fact directory laid over the embedded dataset (repeatable)")
	fs.Var(&o.policy, "policy", "extra Rego policy directory (repeatable)")
	fs.StringVar(&o.run, "run", "", "run only the cases whose name matches this regular expression (test only)")
	fs.BoolVar(&o.verbose, "v", false, "print every case, passed or not (test only)")
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
	if name == "report" {
		o.reportFormat = o.format
	} else if o.format != "text" && o.format != "json" {
		return nil, nil, fmt.Errorf("--format %q: valid formats: text, json", o.format)
	}
	if o.out != "" && name != "report" {
		return nil, nil, fmt.Errorf("-o applies to juris report only")
	}
	if (o.run != "" || o.verbose) && name != "test" {
		return nil, nil, fmt.Errorf("--run and -v apply to juris test only")
	}
	if o.asOf != "" {
		if _, err := jurisdictions.ParseDate(o.asOf); err != nil {
			return nil, nil, fmt.Errorf("--as-of: %w", err)
		}
	}
	return o, pos, nil
}

// resolver builds the resolver for a question. A question about one place (a query that names
// its state) without --facts loads only that state's national layer; anything else, the nation.
func (o *options) resolver(ctx context.Context, queries ...string) (*resolver.Resolver, error) {
	var opts []resolver.Option
	st := ""
	if len(o.facts) == 0 && len(queries) > 0 {
		st = stateOf(queries[0])
		for _, q := range queries[1:] {
			if stateOf(q) != st {
				st = ""
			}
		}
		if st != "" && !slices.Contains(jurisdictions.NationalStates(), st) {
			return nil, fmt.Errorf("%q: there is no jurisdiction us/%s; valid states (us/<code>): %s",
				queries[0], strings.ToLower(st), strings.Join(jurisdictions.NationalStates(), ", "))
		}
		if st != "" {
			opts = append(opts, resolver.WithStates(st))
		}
	}
	if len(o.facts) == 0 && len(o.policy) == 0 {
		// the embedded facts and policy: one resolver per scope for the life of the process
		// (a Resolver never changes and is safe for concurrent use)
		return cached(ctx, st, opts)
	}
	for _, f := range o.facts {
		if _, err := os.Stat(f); err != nil {
			return nil, fmt.Errorf("--facts %s: no such folder or file", f)
		}
		opts = append(opts, resolver.WithFacts(f))
	}
	for _, p := range o.policy {
		opts = append(opts, resolver.WithPolicyDir(p))
	}
	return resolver.New(ctx, opts...)
}

var (
	cacheMu   sync.Mutex
	resolvers = map[string]*resolver.Resolver{}
)

func cached(ctx context.Context, scope string, opts []resolver.Option) (*resolver.Resolver, error) {
	cacheMu.Lock()
	defer cacheMu.Unlock()
	if r, ok := resolvers[scope]; ok {
		return r, nil
	}
	r, err := resolver.New(ctx, opts...)
	if err != nil {
		return nil, err
	}
	resolvers[scope] = r
	return r, nil
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprint(stderr, usage)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	cmd, rest := args[0], args[1:]
	if cmd == "validate" {
		return cmdValidate(rest, stdout, stderr)
	}
	if cmd == "import" {
		return cmdImport(ctx, rest, stdout, stderr)
	}
	if cmd == "bundle" {
		return cmdBundle(ctx, rest, stdout, stderr)
	}
	if cmd == "coverage" {
		return cmdCoverage(ctx, rest, stdout, stderr)
	}
	o, pos, err := parse(cmd, rest, stderr)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		fmt.Fprintf(stderr, "juris %s: %v\n", cmd, err)
		return 2
	}
	var code int
	switch cmd {
	case "agency":
		code, err = cmdAgency(ctx, o, pos, stdout)
	case "locality":
		code, err = cmdLocality(ctx, o, pos, stdout)
	case "stats":
		code, err = cmdStats(ctx, o, pos, stdout)
	case "timeline":
		code, err = cmdTimeline(ctx, o, pos, stdout)
	case "report":
		code, err = cmdReport(ctx, o, pos, stdout, stderr)
	case "explain":
		code, err = cmdExplain(ctx, o, pos, stdout)
	case "test":
		code, err = cmdTest(ctx, o, pos, stdout)
	default:
		fmt.Fprintf(stderr, "juris: unknown command %q\n\n%s", cmd, usage)
		return 2
	}
	if err != nil {
		fmt.Fprintf(stderr, "juris %s: %v\n", cmd, err)
		if code == 0 {
			code = 1
		}
	}
	return code
}

// emit writes v as JSON, or as text (by printText) closed with the not-legal-advice line.
func emit(w io.Writer, format string, v any, printText func()) error {
	if format == "json" {
		return writeJSON(w, v)
	}
	printText()
	_, err := fmt.Fprintln(w, "\n"+resolver.Disclaimer)
	return err
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// resolveID turns a query into one id of the wanted type, or explains why it cannot.
func resolveID(r *resolver.Resolver, q, want string) (string, error) {
	ms := r.Find(q)
	var hits []resolver.Match
	for _, m := range ms {
		if want == "" || m.Type == want {
			hits = append(hits, m)
		}
	}
	switch len(hits) {
	case 1:
		return hits[0].ID, nil
	case 0:
		if hint := kindHint(r, q, want, ms); hint != "" {
			return "", errors.New(hint)
		}
		var near []string
		for _, m := range r.Nearest(q, 5) {
			if want == "" || m.Type == want {
				near = append(near, fmt.Sprintf("%s (%s)", m.ID, m.Name))
			}
		}
		if len(near) > 0 {
			return "", fmt.Errorf("no %s matches %q; did you mean: %s", orAny(want), q, strings.Join(near, ", "))
		}
		if sugg := r.Suggest(q, want); len(sugg) > 0 {
			return "", fmt.Errorf("no %s matches %q; did you mean: %s", orAny(want), q, strings.Join(sugg, ", "))
		}
		return "", fmt.Errorf("no %s matches %q (try `juris explain NAME` to search by name)", orAny(want), q)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%q is ambiguous; candidates:", q)
	for _, m := range hits {
		fmt.Fprintf(&b, "\n  %s  (%s %s: %s)", m.ID, m.Kind, m.Type, m.Name)
	}
	return "", errors.New(b.String())
}

// kindHint explains a query that names the wrong kind of thing: a jurisdiction given to juris
// agency (its agencies are suggested), or an agency given to juris locality (its jurisdiction).
func kindHint(r *resolver.Resolver, q, want string, ms []resolver.Match) string {
	ds := r.Dataset()
	for _, m := range ms {
		switch {
		case want == "agency" && m.Type == "jurisdiction":
			var own []string
			for id, a := range ds.Agencies {
				if a.Jurisdiction == m.ID {
					own = append(own, id)
				}
			}
			slices.Sort(own)
			if len(own) > 10 {
				own = append(own[:10], "...")
			}
			if len(own) == 0 {
				return fmt.Sprintf("%q is a jurisdiction (%s %s), not an agency; it owns no agency in the facts (juris locality %s asks about it)", q, m.Kind, m.ID, m.ID)
			}
			return fmt.Sprintf("%q is a jurisdiction (%s %s), not an agency; its agencies: %s", q, m.Kind, m.ID, strings.Join(own, ", "))
		case want == "jurisdiction" && m.Type == "agency":
			a := ds.Agencies[m.ID]
			return fmt.Sprintf("%q is an agency (%s), not a jurisdiction; it belongs to %s: ask juris locality %s, or juris agency %s --model MODEL", q, m.Name, a.Jurisdiction, a.Jurisdiction, m.ID)
		}
	}
	return ""
}

func orAny(t string) string {
	if t == "" {
		return "jurisdiction or agency"
	}
	return t
}
