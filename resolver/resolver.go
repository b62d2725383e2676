// Package resolver answers juris's questions: may an agency hold a 287(g) agreement, must it,
// and which of a locality's policies stand or are bypassed, as of a date, with reasons and
// citations. A Resolver is built once (facts indexed, policy compiled and prepared once) and is
// safe for concurrent use.
package resolver

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/jurisproject/juris/jurisdictions"
	"github.com/jurisproject/juris/policy"
)

// Version is the library version, reported in every decision's receipt.
const Version = "0.1.0"

// Disclaimer is printed with every human-readable answer.
const Disclaimer = "juris describes what the laws say; it is not legal advice."

// Resolver answers agency and locality questions over one dataset.
type Resolver struct {
	ds       *jurisdictions.Dataset
	compiler *ast.Compiler
	agency   rego.PreparedEvalQuery
	locality rego.PreparedEvalQuery
	stats    rego.PreparedEvalQuery
	report   rego.PreparedEvalQuery
	// names is built on the first name search: most questions come by id.
	namesOnce sync.Once
	names     *nameIndex
	// iv cuts the calendar where an answer can change; cache keeps answers by question and
	// interval (interval.go); mode says what is kept.
	iv    *intervals
	cache decisionCache
	mode  cacheMode
	// shared keeps the values of the policy's input-free rules across queries (vcache.go).
	shared *sharedCache
}

type config struct {
	ds          *jurisdictions.Dataset
	layers      [][]*jurisdictions.File
	extraPolicy map[string]string
	noCache     bool
}

// WithoutCache makes the resolver evaluate every question afresh, keeping nothing between
// questions: the answers are the same, each costs what the first question about it costs, and
// memory stays at the facts and the compiled policy.
func WithoutCache() Option {
	return func(c *config) error { c.noCache = true; return nil }
}

// Option configures New.
type Option func(*config) error

// WithDataset answers over ds instead of the embedded default dataset.
func WithDataset(ds *jurisdictions.Dataset) Option {
	return func(c *config) error { c.ds = ds; return nil }
}

// WithStates answers over the embedded dataset with the national layer of the named states only
// (USPS codes): the hand-curated laws are all there, and a question about a place in those
// states gets the same answer as over the whole nation, in a fraction of the loading time.
func WithStates(usps ...string) Option {
	return func(c *config) error {
		ds, err := jurisdictions.DefaultStates(usps...)
		if err != nil {
			return err
		}
		c.ds = ds
		return nil
	}
}

// WithFacts lays the fact files found at path (a file or a directory) over the dataset.
func WithFacts(path string) Option {
	return func(c *config) error {
		files, err := jurisdictions.ReadPath(path)
		if err != nil {
			return err
		}
		c.layers = append(c.layers, files)
		return nil
	}
}

// WithFactFiles lays already parsed fact files over the dataset.
func WithFactFiles(files ...*jurisdictions.File) Option {
	return func(c *config) error { c.layers = append(c.layers, files); return nil }
}

// WithPolicy adds Rego modules (name to source) to the embedded policy. They are compiled in
// the same sandbox: strict mode, no network, environment or runtime built-ins.
func WithPolicy(modules map[string]string) Option {
	return func(c *config) error {
		if c.extraPolicy == nil {
			c.extraPolicy = map[string]string{}
		}
		for k, v := range modules {
			c.extraPolicy[k] = v
		}
		return nil
	}
}

// WithPolicyDir adds the .rego files under dir to the embedded policy (see WithPolicy).
func WithPolicyDir(dir string) Option {
	return func(c *config) error {
		mods, err := policy.ReadDir(dir)
		if err != nil {
			return err
		}
		return WithPolicy(mods)(c)
	}
}

// New builds a resolver: loads the facts (the embedded dataset unless WithDataset), lays any
// extra facts over them, compiles the policy and prepares its queries.
func New(ctx context.Context, opts ...Option) (*Resolver, error) {
	var c config
	for _, o := range opts {
		if err := o(&c); err != nil {
			return nil, err
		}
	}
	ds := c.ds
	if ds == nil {
		var err error
		if ds, err = jurisdictions.Default(); err != nil {
			return nil, fmt.Errorf("loading embedded facts: %w", err)
		}
	}
	for _, files := range c.layers {
		var err error
		if ds, err = ds.Layer(files...); err != nil {
			return nil, err
		}
	}
	comp, err := policy.Compile(c.extraPolicy)
	if err != nil {
		return nil, err
	}
	// The interval cache rests on the embedded policy's doing no date arithmetic; extra modules
	// are not held to that, so with them answers are kept by the date asked.
	return prepare(ctx, ds, comp, cacheMode{uncached: c.noCache, exactDates: len(c.extraPolicy) > 0})
}

// cacheMode says what a resolver keeps between questions: uncached evaluates every question
// afresh on its own date (WithoutCache); exactDates keeps answers by the date asked instead of
// its interval, for a policy with extra modules, which may do date arithmetic.
type cacheMode struct{ uncached, exactDates bool }

func prepare(ctx context.Context, ds *jurisdictions.Dataset, comp *ast.Compiler, mode cacheMode) (*Resolver, error) {
	doc, err := ds.Document()
	if err != nil {
		return nil, err
	}
	// The document holds plain values only (Document guarantees it), so the store keeps them as
	// AST values: reads cost nothing, decisions run about 10% faster, loading takes longer.
	store := inmem.NewFromObjectWithOpts(map[string]any{"facts": doc}, inmem.OptRoundTripOnWrite(false), inmem.OptReturnASTValuesOnRead(true))
	r := &Resolver{ds: ds, compiler: comp, iv: newIntervals(doc), shared: newSharedCache(comp), mode: mode}
	for _, q := range []struct {
		path string
		out  *rego.PreparedEvalQuery
	}{{"data.juris.agency", &r.agency}, {"data.juris.locality", &r.locality}, {"data.juris.stats", &r.stats}, {"data.juris.report", &r.report}} {
		pq, err := rego.New(
			rego.Query(q.path),
			rego.Compiler(comp),
			rego.Store(store),
			rego.Capabilities(policy.Capabilities()),
			rego.Strict(true),
			rego.StrictBuiltinErrors(false),
		).PrepareForEval(ctx)
		if err != nil {
			return nil, fmt.Errorf("preparing %s: %w", q.path, err)
		}
		*q.out = pq
	}
	if err := r.checkFacts(ctx, store, comp); err != nil {
		return nil, err
	}
	return r, nil
}

// checkFacts asks the policy which facts it cannot use as written (an effect naming an agency
// its norm does not bind) and reports each as an error naming the file, line and field.
func (r *Resolver) checkFacts(ctx context.Context, store storage.Store, comp *ast.Compiler) error {
	rs, err := rego.New(
		rego.Query("data.juris.fact_problems"),
		rego.Compiler(comp),
		rego.Store(store),
		rego.Capabilities(policy.Capabilities()),
		rego.Strict(true),
	).Eval(ctx)
	if err != nil {
		return fmt.Errorf("checking the facts: %w", err)
	}
	if len(rs) != 1 || len(rs[0].Expressions) != 1 {
		return nil
	}
	probs, _ := rs[0].Expressions[0].Value.([]any)
	var errs jurisdictions.Errors
	for _, x := range probs {
		p, _ := x.(map[string]any)
		nid, _ := p["norm"].(string)
		msg, _ := p["message"].(string)
		e := &jurisdictions.Error{Field: "reaches.agencies", Msg: msg}
		if n := r.ds.Norms[nid]; n != nil {
			e.File, e.Line = n.Pos().File, n.Pos().Line
			if i, ok := p["effect_index"].(json.Number); ok {
				if k, err := i.Int64(); err == nil && int(k) < len(n.Effects) && n.Effects[k] != nil {
					e.Line = n.Effects[k].Pos().Line
				}
			}
		}
		errs = append(errs, e)
	}
	if len(errs) == 0 {
		return nil
	}
	slices.SortFunc(errs, func(a, b *jurisdictions.Error) int {
		if c := strings.Compare(a.File, b.File); c != 0 {
			return c
		}
		return a.Line - b.Line
	})
	return errs
}

// Layer returns a resolver over this one's facts with files laid on top: a what-if, such as a
// case's assume. The agreements in files are assumptions: they need only agency, model and
// signed (and optionally until), and every answer marks them assumed. The compiled policy is
// shared; r and files are unchanged. The error is a jurisdictions.Errors naming file, line and
// field when the files do not fit the facts.
func (r *Resolver) Layer(ctx context.Context, files ...*jurisdictions.File) (*Resolver, error) {
	ds, err := r.ds.LayerAssumed(files...)
	if err != nil {
		return nil, err
	}
	return prepare(ctx, ds, r.compiler, r.mode)
}

// Dataset returns the facts the resolver answers over.
func (r *Resolver) Dataset() *jurisdictions.Dataset { return r.ds }

// AgencyQuery asks the agency question.
type AgencyQuery struct {
	Agency string // agency id, such as us/tx/travis-county/sheriff
	Model  string // jail-enforcement, task-force or warrant-service-officer
	AsOf   string // YYYY-MM-DD; empty means today (UTC)
}

// LocalityQuery asks the locality question.
type LocalityQuery struct {
	Locality string // jurisdiction id, such as us/tx/austin
	AsOf     string // YYYY-MM-DD; empty means today (UTC)
}

// InputError is a question that cannot be answered as asked: an unknown id, model or a bad date.
type InputError struct {
	Field string
	Value string
	Msg   string
	// Valid lists valid values or close candidates, where there are some.
	Valid []string
}

func (e *InputError) Error() string {
	s := fmt.Sprintf("%s %q: %s", e.Field, e.Value, e.Msg)
	if len(e.Valid) > 0 {
		s += "; valid: " + strings.Join(e.Valid, ", ")
	}
	return s
}

func asOf(d string) (string, error) {
	if d == "" {
		return string(jurisdictions.Today()), nil
	}
	if _, err := jurisdictions.ParseDate(d); err != nil {
		return "", &InputError{Field: "as_of", Value: d, Msg: "not a date written YYYY-MM-DD"}
	}
	return d, nil
}

// Agency answers the agency question: may the agency hold an agreement of the model on the
// date, must it, and why. q.Agency is an agency id or its FBI ORI; q.AsOf defaults to today. An
// unknown id or model, or a malformed date, is an *InputError (errors.As) naming the field, the
// value and what is valid; any other error is the policy's.
func (r *Resolver) Agency(ctx context.Context, q AgencyQuery) (*AgencyDecision, error) {
	d, err := asOf(q.AsOf)
	if err != nil {
		return nil, err
	}
	id, err := r.agencyID(r.Canonical(q.Agency))
	if err != nil {
		return nil, err
	}
	q.Agency = id
	if !slices.Contains(jurisdictions.Models(), q.Model) {
		return nil, &InputError{Field: "model", Value: q.Model, Msg: "unknown model", Valid: jurisdictions.Models()}
	}
	var out AgencyDecision
	input := map[string]any{"agency": q.Agency, "model": q.Model, "as_of": d}
	if err := r.evalCached(ctx, "agency", r.agency, input, &out); err != nil {
		return nil, err
	}
	out.Receipt = r.receipt(d, out.Coverage)
	return &out, nil
}

// agencyID finds the agency a question names: its id, or its FBI ORI (as juris explain
// accepts). An unknown id, or a jurisdiction's id, is an *InputError saying what was expected.
func (r *Resolver) agencyID(q string) (string, error) {
	if _, ok := r.ds.Agencies[q]; ok {
		return q, nil
	}
	if m, ok := r.nameIndex().byORI[strings.ToUpper(strings.TrimSpace(q))]; ok && m.Type == "agency" {
		return m.ID, nil
	}
	if j, ok := r.ds.Jurisdictions[q]; ok {
		var own []string
		for id, a := range r.ds.Agencies {
			if a.Jurisdiction == q {
				own = append(own, id)
			}
		}
		slices.Sort(own)
		if len(own) > 10 {
			own = own[:10]
		}
		return "", &InputError{Field: "agency", Value: q, Msg: fmt.Sprintf("is a jurisdiction (%s), not an agency; ask about one of its agencies", j.Kind), Valid: own}
	}
	return "", &InputError{Field: "agency", Value: q, Msg: "no agency has this id or FBI ORI", Valid: r.suggest(q, true)}
}

// Locality answers the locality question: which of the jurisdiction's policies limiting
// cooperation stand on the date, whom they bind, and which agreements held by agencies they do
// not bind reach people inside it, through which channel. An unknown id (or an agency's), or a
// malformed date, is an *InputError naming the field, the value and what is valid.
func (r *Resolver) Locality(ctx context.Context, q LocalityQuery) (*LocalityDecision, error) {
	d, err := asOf(q.AsOf)
	if err != nil {
		return nil, err
	}
	q.Locality = r.Canonical(q.Locality)
	if _, ok := r.ds.Jurisdictions[q.Locality]; !ok {
		if a, isAgency := r.ds.Agencies[q.Locality]; isAgency {
			return nil, &InputError{Field: "locality", Value: q.Locality, Msg: "is an agency, not a jurisdiction; ask about the jurisdiction it belongs to", Valid: []string{a.Jurisdiction}}
		}
		return nil, &InputError{Field: "locality", Value: q.Locality, Msg: "no jurisdiction has this id", Valid: r.suggest(q.Locality, false)}
	}
	var out LocalityDecision
	input := map[string]any{"locality": q.Locality, "as_of": d}
	if err := r.evalCached(ctx, "locality", r.locality, input, &out); err != nil {
		return nil, err
	}
	out.Receipt = r.receipt(d, out.Coverage)
	return &out, nil
}

// landscapeInput checks the date and state of a landscape question and makes its input.
func (r *Resolver) landscapeInput(date, state string) (string, map[string]any, error) {
	d, err := asOf(date)
	if err != nil {
		return "", nil, err
	}
	input := map[string]any{"as_of": d}
	if state != "" {
		st := strings.ToUpper(state)
		if _, ok := r.ds.Jurisdictions["us/"+strings.ToLower(st)]; !ok || len(st) != 2 {
			return "", nil, &InputError{Field: "state", Value: state, Msg: "not a state's USPS code"}
		}
		input["state"] = st
	}
	return d, input, nil
}

// Stats counts the agreements in force on a date, by state, model and agency kind, and the
// jurisdictions and agencies in the dataset: for the nation, or for one state (a USPS code).
func (r *Resolver) Stats(ctx context.Context, q StatsQuery) (*Stats, error) {
	d, input, err := r.landscapeInput(q.AsOf, q.State)
	if err != nil {
		return nil, err
	}
	var out Stats
	if err := r.evalCached(ctx, "stats", r.stats, input, &out); err != nil {
		return nil, err
	}
	out.Receipt = r.receipt(d, Coverage{StateLaw: CoverageEntry{Date: r.latestSurvey(), Outcome: "laws-found"}})
	return &out, nil
}

// Report computes the landscape report on a date, for the nation or one state (a USPS code):
// agreements in force that a law forbids, agencies a mandate reaches that hold no agreement,
// localities whose policies are bypassed, and each state's posture.
func (r *Resolver) Report(ctx context.Context, q ReportQuery) (*Report, error) {
	_, input, err := r.landscapeInput(q.AsOf, q.State)
	if err != nil {
		return nil, err
	}
	var out Report
	if err := r.evalCached(ctx, "report", r.report, input, &out); err != nil {
		return nil, err
	}
	out.Summary.Version = Version
	rc := r.receipt(out.Summary.AsOf, Coverage{})
	out.Summary.SourcesEnd = max(rc.AgreementsListed, rc.DocumentsListed)
	sortReport(&out)
	return &out, nil
}

// ListDates returns the dates of the ICE lists (participating, pending, and lists of MOA
// documents) the facts were read from, sorted: the dates an agreement count can change on.
func (r *Resolver) ListDates() []string {
	var out []string
	for _, sf := range r.ds.SourceFiles {
		switch sf.Kind {
		case "ice-participating", "ice-pending", "ice-documents":
			if d := string(*sf.Date); !slices.Contains(out, d) {
				out = append(out, d)
			}
		}
	}
	slices.Sort(out)
	return out
}

// receipt says what an answer on date d was computed from and how current it is: the newest
// and oldest ICE lists the facts hold, and the surveys of the law the answer rests on.
func (r *Resolver) receipt(d string, cov Coverage) Receipt {
	rc := Receipt{Revision: r.ds.Revision, AsOf: d, Version: Version, LawSurvey: cov.StateLaw.Date, Notes: []string{}}
	for _, sf := range r.ds.SourceFiles {
		date := string(*sf.Date)
		switch sf.Kind {
		case "ice-participating", "ice-pending":
			if sf.Kind == "ice-participating" && date > rc.AgreementsListed {
				rc.AgreementsListed = date
			}
			if rc.OldestList == "" || date < rc.OldestList {
				rc.OldestList = date
			}
		case "ice-documents", "moa-index":
			if date > rc.DocumentsListed {
				rc.DocumentsListed = date
			}
		}
	}
	if len(cov.LocalPolicies) > 0 {
		rc.LocalPolicies = map[string]string{}
		for _, l := range cov.LocalPolicies {
			rc.LocalPolicies[l.Jurisdiction] = l.Date
		}
	}
	newest := max(rc.AgreementsListed, rc.DocumentsListed)
	if newest != "" && d > newest {
		rc.Notes = append(rc.Notes, fmt.Sprintf("The question's date, %s, is after the newest agreement source (ICE's participating list of %s; its list of MOA documents of %s): agreements signed or ended since may be missing.", d, rc.AgreementsListed, rc.DocumentsListed))
	}
	if rc.OldestList != "" && d < rc.OldestList {
		rc.Notes = append(rc.Notes, fmt.Sprintf("The question's date, %s, is before the oldest ICE list held (%s): earlier agreements are known only where a later list or an MOA shows them, so one may have been in force unseen.", d, rc.OldestList))
	}
	if cov.StateLaw.Outcome == "not-researched" {
		rc.Notes = append(rc.Notes, fmt.Sprintf("The state law of %s has not been researched.", cov.StateLaw.Name))
	}
	return rc
}

// latestSurvey is the date of the latest survey of a state's law in the facts.
func (r *Resolver) latestSurvey() string {
	latest := ""
	for _, j := range r.ds.Jurisdictions {
		if c := j.Checked; c != nil && c.Outcome != "not-researched" && (j.Kind == "state" || j.Kind == "district") && string(c.Date) > latest {
			latest = string(c.Date)
		}
	}
	return latest
}

// nameIndex returns the name index, building it on first use.
func (r *Resolver) nameIndex() *nameIndex {
	r.namesOnce.Do(func() { r.names = newNameIndex(r.ds) })
	return r.names
}

// Suggest lists up to ten ids close to a query that named nothing of the wanted type ("agency",
// "jurisdiction", or "" for either): the "did you mean" of an error message.
func (r *Resolver) Suggest(query, want string) []string {
	switch want {
	case "agency":
		return r.suggest(query, true)
	case "jurisdiction":
		return r.suggest(query, false)
	}
	out := append(r.suggest(query, false), r.suggest(query, true)...)
	if len(out) > 10 {
		out = out[:10]
	}
	return out
}

// suggest lists ids close to a mistaken one: the results of a name search, else ids sharing its
// prefix.
func (r *Resolver) suggest(id string, agencies bool) []string {
	var out []string
	for _, m := range r.nameIndex().find(id) {
		if (m.Type == "agency") == agencies {
			out = append(out, m.ID)
		}
	}
	if len(out) == 0 {
		prefix := id
		if i := strings.LastIndex(id, "/"); i > 0 {
			prefix = id[:i+1]
		}
		if agencies {
			for k := range r.ds.Agencies {
				if strings.HasPrefix(k, prefix) {
					out = append(out, k)
				}
			}
		} else {
			for k := range r.ds.Jurisdictions {
				if strings.HasPrefix(k, prefix) {
					out = append(out, k)
				}
			}
		}
	}
	// Closest first: the ids whose last part is fewest edits from the one typed (us/tx/austn
	// finds us/tx/austin); when some are close, only those.
	tail := id[strings.LastIndex(id, "/")+1:]
	limit := max(2, len(tail)/4)
	dist := map[string]int{}
	close := 0
	for _, k := range out {
		dist[k] = editDistance(tail, k[strings.LastIndex(k, "/")+1:], 1<<20)
		if dist[k] <= limit {
			close++
		}
	}
	slices.SortFunc(out, func(a, b string) int {
		if dist[a] != dist[b] {
			return dist[a] - dist[b]
		}
		return strings.Compare(a, b)
	})
	if close > 0 {
		out = out[:close]
	}
	if len(out) > 10 {
		out = out[:10]
	}
	return out
}

// errPolicy reports a policy that gave no decision.
var errPolicy = errors.New("the policy gave no decision")

// evalCached answers a question from the decision cache, or evaluates it on its interval's
// evaluation date and caches the result; either way the answer carries the date asked.
func (r *Resolver) evalCached(ctx context.Context, kind string, pq rego.PreparedEvalQuery, input map[string]any, out any) error {
	d, _ := input["as_of"].(string)
	e := d
	if !r.mode.uncached && !r.mode.exactDates && validDate(d) {
		e = r.iv.evalDate(d)
	}
	input["as_of"] = e
	key := fmt.Sprint(kind, "\x00", input["agency"], "\x00", input["model"], "\x00", input["locality"], "\x00", input["state"], "\x00", e)
	val, ok := r.cache.get(key)
	if !ok || r.mode.uncached {
		var err error
		share := kind == "agency" || kind == "locality"
		if val, err = r.evalValue(ctx, pq, input, share); err != nil {
			return err
		}
		if !r.mode.uncached {
			r.cache.put(key, val)
		}
	}
	return decodeValue(val, out, replacer(e, d))
}

// evalValue evaluates a prepared query and returns its one result, as OPA gives it, or the
// policy's refusal of the input as an error. With share, the values of input-free rules are
// taken from and kept in the shared cache.
func (r *Resolver) evalValue(ctx context.Context, pq rego.PreparedEvalQuery, input map[string]any, share bool) (any, error) {
	v, err := ast.InterfaceToValue(input)
	if err != nil {
		return nil, fmt.Errorf("encoding input: %w", err)
	}
	opts := []rego.EvalOption{rego.EvalParsedInput(v)}
	// The report and the stats visit every agency once: keeping what they compute would cost
	// more (a copy and a lock per value) than it saves, and would crowd out what the
	// questions about one agency or place reuse.
	if share && !r.mode.uncached {
		opts = append(opts, rego.EvalVirtualCache(r.shared.forEval()))
	}
	rs, err := pq.Eval(ctx, opts...)
	if err != nil {
		return nil, fmt.Errorf("evaluating policy: %w", err)
	}
	if len(rs) != 1 || len(rs[0].Expressions) != 1 {
		return nil, fmt.Errorf("evaluating policy for %v: %w", input, errPolicy)
	}
	val := rs[0].Expressions[0].Value
	if m, ok := val.(map[string]any); ok {
		if errs, ok := m["errors"].([]any); ok && len(errs) > 0 {
			msgs := make([]string, len(errs))
			for i, e := range errs {
				msgs[i] = fmt.Sprint(e)
			}
			return nil, fmt.Errorf("policy refused the input: %s", strings.Join(msgs, "; "))
		}
	}
	return val, nil
}
