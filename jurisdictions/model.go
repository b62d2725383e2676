// Package jurisdictions holds the facts juris reasons about: jurisdictions, the agencies they own,
// the laws and policies (norms) they made, and 287(g) agreements. It loads them from YAML with a
// strict loader (unknown keys are errors, every error names file, line and field), validates
// references and dates, layers extra fact files over the embedded default dataset, and renders the
// data document the Rego policy reads.
//
// The package decides no legal question: which norm binds or beats which is the policy's job.
package jurisdictions

import (
	"maps"
	"slices"
)

// The vocabularies below are the valid values of the fact format's enumerated fields. They are
// handed out as copies: no caller can change what the loader accepts.
var (
	models            = []string{"jail-enforcement", "task-force", "warrant-service-officer"}
	jurisdictionKinds = []string{"nation", "state", "district", "territory", "county", "city-county", "city", "town", "village", "borough", "municipality"}
	agencyKinds       = []string{"sheriff", "municipal-police", "county-police", "state-police", "state-agency", "corrections", "campus-police", "county-commission", "tribal-police", "other"}
	normTypes         = []string{"statute", "regulation", "ordinance", "resolution", "executive-order", "directive", "agency-policy", "court-decision", "court-rule", "consent-decree", "settlement", "agreement"}
	effectTypes       = []string{"prohibits", "restricts", "permits", "vests", "requires", "preempts", "limits-cooperation", "context", "voids", "suspends", "sustains"}
	duties            = []string{"enter", "request", "seek", "explore"}
	extents           = []string{"prohibits", "materially-limits", "procedural"}
	levels            = []string{"state", "local"}
	agreementStatuses = []string{"active", "pending", "terminated"}
	outcomes          = []string{"laws-found", "no-law-found", "not-researched"}
	confidences       = []string{"high", "medium", "low"}
	bindingStatuses   = []string{"binds", "contested"}
	sourceKinds       = []string{"ice-participating", "ice-pending", "ice-documents", "moa-index", "census", "fbi"}
	measures          = []string{"detainer-holds", "release-notices", "jail-access", "property-access", "information-sharing", "courthouse-arrests", "identification", "other"}
	directions        = []string{"limits", "expands"}
)

// Models returns the 287(g) program models, in the spelling case suites and the CLI use.
func Models() []string { return slices.Clone(models) }

// JurisdictionKinds returns the valid values of Jurisdiction.Kind. A municipality is a local
// government the Census incorporated places do not list (a New England town, a township), known
// from the FBI agency list.
func JurisdictionKinds() []string { return slices.Clone(jurisdictionKinds) }

// AgencyKinds returns the valid values of Agency.Kind.
func AgencyKinds() []string { return slices.Clone(agencyKinds) }

// NormTypes returns the valid values of Norm.Type.
func NormTypes() []string { return slices.Clone(normTypes) }

// EffectTypes returns the valid values of Effect.Type.
func EffectTypes() []string { return slices.Clone(effectTypes) }

// Duties returns the valid values of Effect.Duty, strongest first.
func Duties() []string { return slices.Clone(duties) }

// Extents returns the valid values of Effect.Extent and of the entries of Effect.Voids.
func Extents() []string { return slices.Clone(extents) }

// Levels returns the valid values of Reach.Levels.
func Levels() []string { return slices.Clone(levels) }

// AgreementStatuses returns the valid values of Agreement.Status.
func AgreementStatuses() []string { return slices.Clone(agreementStatuses) }

// Outcomes returns the valid values of Checked.Outcome.
func Outcomes() []string { return slices.Clone(outcomes) }

// Confidences returns the valid values of the confidence fields.
func Confidences() []string { return slices.Clone(confidences) }

// Measures returns the valid values of Effect.Measure (context effects).
func Measures() []string { return slices.Clone(measures) }

// IsModel reports whether m is one of the 287(g) models.
func IsModel(m string) bool { return slices.Contains(models, m) }

// IsAgencyKind reports whether k is a valid agency kind.
func IsAgencyKind(k string) bool { return slices.Contains(agencyKinds, k) }

// File is one fact file: the unit a researcher writes, and the shape of a case's assume block.
type File struct {
	Jurisdictions []*Jurisdiction `yaml:"jurisdictions"`
	Agencies      []*Agency       `yaml:"agencies"`
	Norms         []*Norm         `yaml:"norms"`
	Agreements    []*Agreement    `yaml:"agreements"`
	// SourceFiles are the public files a generated layer was read from (ICE's lists, its list
	// of MOA documents, Census and FBI files): answers report how current they are.
	SourceFiles []*SourceFile `yaml:"source_files"`

	// Name is where the file came from, used in error messages.
	Name string `yaml:"-"`
}

// Pos is where an entity or one of its fields was written.
type Pos struct {
	File string `json:"file,omitempty"`
	Line int    `json:"line,omitempty"`
}

// positions records where each field of an entity was written.
type positions struct {
	at     Pos
	fields map[string]int
}

func (p *positions) line(field string) int {
	if l, ok := p.fields[field]; ok {
		return l
	}
	return p.at.Line
}

// Checked records a survey of the law bearing on 287(g) agreements: on a state, of its state law;
// on a county or place, of its local policies. Outcome says what the survey found, or that none
// was made.
type Checked struct {
	Date Date `yaml:"date" json:"date"`
	// Outcome is laws-found, no-law-found or not-researched.
	Outcome string `yaml:"outcome" json:"outcome"`
	// Searched says what was looked at: sites, codes, trackers, terms.
	Searched   string   `yaml:"searched" json:"searched,omitempty"`
	Confidence string   `yaml:"confidence" json:"confidence,omitempty"`
	Note       string   `yaml:"note" json:"note"`
	Sources    []string `yaml:"sources" json:"sources,omitempty"`
	// Open lists the questions bearing on the answer that the survey left unresearched (whether
	// a county resolution reaches the elected sheriff, say). Every answer resting on the survey
	// names them.
	Open []string `yaml:"open" json:"open,omitempty"`
}

// Jurisdiction is the nation, a state, a county or a place.
type Jurisdiction struct {
	ID       string   `yaml:"id" json:"id"`
	Name     string   `yaml:"name" json:"name"`
	Kind     string   `yaml:"kind" json:"kind"`
	Parent   string   `yaml:"parent" json:"parent,omitempty"`
	Counties []string `yaml:"counties" json:"counties,omitempty"`
	// CountyShares is, for a place in several counties, the share of its 2020 population living
	// in each (Geocorr's place-to-county allocation factor).
	CountyShares map[string]float64 `yaml:"county_shares" json:"county_shares,omitempty"`
	// Population is the 2020 Census population.
	Population int      `yaml:"population" json:"population,omitempty"`
	GEOID      string   `yaml:"geoid" json:"geoid,omitempty"`
	USPS       string   `yaml:"usps" json:"usps,omitempty"`
	BooksInto  []string `yaml:"books_into" json:"books_into,omitempty"`
	Checked    *Checked `yaml:"checked" json:"checked,omitempty"`
	// Aliases are other ids that name this jurisdiction: the county-equivalents a consolidated
	// city-county absorbed (us/tn/davidson-county for us/tn/nashville-davidson). An id under an
	// alias (us/tn/davidson-county/sheriff) names the same thing under this id.
	Aliases []string `yaml:"aliases" json:"aliases,omitempty"`
	// OtherNames are further names a name search finds it by ("Metro Nashville").
	OtherNames []string `yaml:"other_names" json:"other_names,omitempty"`
	// CountyGEOIDs are the Census county-equivalents a consolidated government is.
	CountyGEOIDs []string `yaml:"county_geoids" json:"county_geoids,omitempty"`
	// Consolidated is the source that makes this one government of a city and its county.
	Consolidated *Source `yaml:"consolidated" json:"consolidated,omitempty"`
	Note         string  `yaml:"note" json:"note,omitempty"`

	pos positions
}

// Source is a citation and URL supporting a fact that is not itself a norm.
type Source struct {
	Citation string `yaml:"citation" json:"citation"`
	URL      string `yaml:"url" json:"url"`
}

// Agency is a law-enforcement agency or other body that can sign a 287(g) agreement.
type Agency struct {
	ID           string   `yaml:"id" json:"id"`
	Name         string   `yaml:"name" json:"name"`
	Kind         string   `yaml:"kind" json:"kind"`
	Jurisdiction string   `yaml:"jurisdiction" json:"jurisdiction"`
	OperatesIn   []string `yaml:"operates_in" json:"operates_in"`
	ORI          string   `yaml:"ori" json:"ori,omitempty"`
	// OtherORIs are further FBI ORIs of the same agency (the FBI lists some state agencies once
	// per region or campus).
	OtherORIs []string `yaml:"other_oris" json:"other_oris,omitempty"`
	RunsJail  bool     `yaml:"runs_jail" json:"runs_jail"`
	// RunsJailSource supports an exception to the default (a county's sheriff runs its jail).
	RunsJailSource *Source  `yaml:"runs_jail_source" json:"runs_jail_source,omitempty"`
	BoundBy        []string `yaml:"bound_by" json:"bound_by,omitempty"`
	BoundBySource  *Source  `yaml:"bound_by_source" json:"bound_by_source,omitempty"`
	// OtherNames are further names a name search finds it by ("NYPD").
	OtherNames []string `yaml:"other_names" json:"other_names,omitempty"`
	Note       string   `yaml:"note" json:"note,omitempty"`

	pos positions
}

// Reach narrows the agencies an effect applies to. Empty means every agency the norm binds.
type Reach struct {
	Kinds         []string `yaml:"kinds" json:"kinds,omitempty"`
	Levels        []string `yaml:"levels" json:"levels,omitempty"`
	RunsJail      *bool    `yaml:"runs_jail" json:"runs_jail,omitempty"`
	Jurisdictions []string `yaml:"jurisdictions" json:"jurisdictions,omitempty"`
	Agencies      []string `yaml:"agencies" json:"agencies,omitempty"`
	Except        []string `yaml:"except" json:"except,omitempty"`
}

// Effect is one thing a norm does about 287(g) agreements or local cooperation policies.
type Effect struct {
	Type          string   `yaml:"type" json:"type"`
	Duty          string   `yaml:"duty" json:"duty,omitempty"`
	Models        []string `yaml:"models" json:"models"`
	Reaches       *Reach   `yaml:"reaches" json:"reaches,omitempty"`
	From          *Date    `yaml:"from" json:"from,omitempty"`
	Until         *Date    `yaml:"until" json:"until,omitempty"`
	Restriction   string   `yaml:"restriction" json:"restriction,omitempty"`
	DefersToLower bool     `yaml:"defers_to_lower" json:"defers_to_lower,omitempty"`
	Voids         []string `yaml:"voids" json:"voids,omitempty"`
	Extent        string   `yaml:"extent" json:"extent,omitempty"`
	// Conditions are written conditions an agreement must meet to be lawful (restricts, permits).
	Conditions []string `yaml:"conditions" json:"conditions,omitempty"`
	// Official is the one official who may enter agreements for the agencies reached (vests).
	Official string `yaml:"official" json:"official,omitempty"`
	// Deadline is the date by which a duty must be met, where the law sets one (requires).
	Deadline *Date `yaml:"deadline" json:"deadline,omitempty"`
	// Norms are the norms a voids, suspends or sustains effect acts on.
	Norms []string `yaml:"norms" json:"norms,omitempty"`
	// Measure and Direction describe a context effect: what it is about, and whether it limits
	// or expands cooperation.
	Measure   string `yaml:"measure" json:"measure,omitempty"`
	Direction string `yaml:"direction" json:"direction,omitempty"`
	Sentence  string `yaml:"sentence" json:"sentence,omitempty"`

	pos positions
}

// Norm is a law or policy: a statute, ordinance, order, directive or court decision.
type Norm struct {
	ID           string `yaml:"id" json:"id"`
	Title        string `yaml:"title" json:"title"`
	Type         string `yaml:"type" json:"type"`
	Citation     string `yaml:"citation" json:"citation"`
	URL          string `yaml:"url" json:"url"`
	Jurisdiction string `yaml:"jurisdiction" json:"jurisdiction"`
	Enacted      *Date  `yaml:"enacted" json:"enacted,omitempty"`
	Effective    *Date  `yaml:"effective" json:"effective"`
	Expired      *Date  `yaml:"expired" json:"expired,omitempty"`
	Repealed     *Date  `yaml:"repealed" json:"repealed,omitempty"`
	Enjoined     *Date  `yaml:"enjoined" json:"enjoined,omitempty"`
	Rescinded    *Date  `yaml:"rescinded" json:"rescinded,omitempty"`
	// Suspended are periods the norm did not apply, such as an injunction later lifted.
	Suspended []*Suspension `yaml:"suspended" json:"suspended,omitempty"`
	Sources   []string      `yaml:"sources" json:"sources,omitempty"`
	Verified  *bool         `yaml:"verified" json:"verified"`
	// Confidence is high (primary text read), medium (consistent secondary sources) or low.
	Confidence string `yaml:"confidence" json:"confidence,omitempty"`
	Note       string `yaml:"note" json:"note,omitempty"`
	// Bindings are agencies a local norm binds although by default it would not (a county
	// ordinance that binds the elected sheriff), or whose binding is contested.
	Bindings []*Binding `yaml:"bindings" json:"bindings,omitempty"`
	Effects  []*Effect  `yaml:"effects" json:"effects"`

	pos positions
}

// SourceFile is one public file the generated facts were read from.
type SourceFile struct {
	ID string `yaml:"id" json:"id"`
	// Kind is ice-participating, ice-pending, ice-documents (ICE's sheet read for its MOA
	// links only), moa-index, census or fbi.
	Kind string `yaml:"kind" json:"kind"`
	// Date is the date the file shows (the day ICE's sheet was saved).
	Date  *Date  `yaml:"date" json:"date"`
	Title string `yaml:"title" json:"title"`
	// URL is where the file is published, for a user to fetch it.
	URL  string `yaml:"url" json:"url"`
	Note string `yaml:"note" json:"note,omitempty"`

	pos positions
}

// Suspension is a period a norm did not apply, with the order that suspended it.
type Suspension struct {
	From     *Date  `yaml:"from" json:"from"`
	Until    *Date  `yaml:"until" json:"until,omitempty"`
	Citation string `yaml:"citation" json:"citation"`
	URL      string `yaml:"url" json:"url"`
	Note     string `yaml:"note" json:"note,omitempty"`

	pos positions
}

// Binding says that a local norm binds an agency the default rules leave out (status binds), or
// that the norm's maker says it binds and the agency refuses (status contested).
type Binding struct {
	Agency   string `yaml:"agency" json:"agency"`
	Status   string `yaml:"status" json:"status"`
	Citation string `yaml:"citation" json:"citation"`
	URL      string `yaml:"url" json:"url"`
	// Position and Response are the two sides of a contested binding: what the norm's maker
	// says, and what the agency says.
	Position string `yaml:"position" json:"position,omitempty"`
	Response string `yaml:"response" json:"response,omitempty"`
	Note     string `yaml:"note" json:"note,omitempty"`

	pos positions
}

// Agreement is a 287(g) agreement between ICE and one agency, for one model.
type Agreement struct {
	ID         string `yaml:"id" json:"id"`
	Agency     string `yaml:"agency" json:"agency"`
	Model      string `yaml:"model" json:"model"`
	Signed     *Date  `yaml:"signed" json:"signed,omitempty"`
	Status     string `yaml:"status" json:"status"`
	Terminated *Date  `yaml:"terminated" json:"terminated,omitempty"`
	// FirstListed and LastListed are the first and last dates a source (an ICE list, an MOA
	// posted by ICE) showed the agreement. An agreement with no signed date is in force from
	// FirstListed.
	FirstListed *Date `yaml:"first_listed" json:"first_listed,omitempty"`
	LastListed  *Date `yaml:"last_listed" json:"last_listed,omitempty"`
	// Delisted is the date of the first ICE participating list, after the agreement was listed,
	// that no longer showed it: it is not in force from then on.
	Delisted *Date `yaml:"delisted" json:"delisted,omitempty"`
	// Until is the end of an assumed agreement (a what-if): in force before that date.
	Until *Date `yaml:"until" json:"until,omitempty"`
	// Assumed marks an agreement laid as an assumption (a case's assume, resolver.Layer): it is
	// hypothetical, needs no source, and every answer says it is assumed.
	Assumed  bool   `yaml:"-" json:"assumed,omitempty"`
	Source   string `yaml:"source" json:"source"`
	URL      string `yaml:"url" json:"url"`
	MOAURL   string `yaml:"moa_url" json:"moa_url,omitempty"`
	Verified *bool  `yaml:"verified" json:"verified"`
	Note     string `yaml:"note" json:"note,omitempty"`

	pos positions
}

// Pos returns where the jurisdiction was written.
func (j *Jurisdiction) Pos() Pos { return j.pos.at }

// Pos returns where the agency was written.
func (a *Agency) Pos() Pos { return a.pos.at }

// Pos returns where the norm was written.
func (n *Norm) Pos() Pos { return n.pos.at }

// Pos returns where the agreement was written.
func (a *Agreement) Pos() Pos { return a.pos.at }

// Operates returns the jurisdictions the agency operates in: its operates_in, or by default the
// jurisdiction that owns it (a state agency: the whole state; a sheriff: the county). Tribal
// police operate on tribal land, which the facts do not map, so by default they operate nowhere.
// This is the one home of that rule: the data document, explanations and timelines all use it.
func (a *Agency) Operates() []string {
	switch {
	case len(a.OperatesIn) > 0:
		return slices.Clone(a.OperatesIn)
	case a.Kind == "tribal-police":
		return []string{}
	}
	return []string{a.Jurisdiction}
}

// Pos returns where the effect was written.
func (e *Effect) Pos() Pos { return e.pos.at }

// IsVerified reports whether the norm's facts were verified (the default).
func (n *Norm) IsVerified() bool { return n.Verified == nil || *n.Verified }

// clone returns a deep copy of the jurisdiction: the dataset keeps no pointer into what its
// caller passed.
func (j *Jurisdiction) clone() *Jurisdiction {
	c := *j
	c.Counties = slices.Clone(j.Counties)
	c.CountyShares = maps.Clone(j.CountyShares)
	c.BooksInto = slices.Clone(j.BooksInto)
	c.Aliases = slices.Clone(j.Aliases)
	c.OtherNames = slices.Clone(j.OtherNames)
	c.CountyGEOIDs = slices.Clone(j.CountyGEOIDs)
	if j.Checked != nil {
		ch := *j.Checked
		ch.Sources = slices.Clone(ch.Sources)
		ch.Open = slices.Clone(ch.Open)
		c.Checked = &ch
	}
	if j.Consolidated != nil {
		s := *j.Consolidated
		c.Consolidated = &s
	}
	return &c
}

func (a *Agency) clone() *Agency {
	c := *a
	c.OperatesIn = slices.Clone(a.OperatesIn)
	c.OtherORIs = slices.Clone(a.OtherORIs)
	c.BoundBy = slices.Clone(a.BoundBy)
	c.OtherNames = slices.Clone(a.OtherNames)
	if a.RunsJailSource != nil {
		s := *a.RunsJailSource
		c.RunsJailSource = &s
	}
	if a.BoundBySource != nil {
		s := *a.BoundBySource
		c.BoundBySource = &s
	}
	return &c
}

func (n *Norm) clone() *Norm {
	c := *n
	c.Sources = slices.Clone(n.Sources)
	c.Effects = make([]*Effect, len(n.Effects))
	for i, e := range n.Effects {
		if e == nil {
			continue
		}
		ec := *e
		ec.Models = slices.Clone(e.Models)
		ec.Voids = slices.Clone(e.Voids)
		ec.Conditions = slices.Clone(e.Conditions)
		ec.Norms = slices.Clone(e.Norms)
		if e.Reaches != nil {
			r := *e.Reaches
			r.Kinds, r.Levels = slices.Clone(r.Kinds), slices.Clone(r.Levels)
			r.Jurisdictions, r.Agencies, r.Except = slices.Clone(r.Jurisdictions), slices.Clone(r.Agencies), slices.Clone(r.Except)
			ec.Reaches = &r
		}
		c.Effects[i] = &ec
	}
	c.Suspended = make([]*Suspension, len(n.Suspended))
	for i, x := range n.Suspended {
		if x != nil {
			xc := *x
			c.Suspended[i] = &xc
		}
	}
	c.Bindings = make([]*Binding, len(n.Bindings))
	for i, b := range n.Bindings {
		if b != nil {
			bc := *b
			c.Bindings[i] = &bc
		}
	}
	if n.Suspended == nil {
		c.Suspended = nil
	}
	if n.Bindings == nil {
		c.Bindings = nil
	}
	return &c
}

func (g *Agreement) clone() *Agreement {
	c := *g
	return &c
}
