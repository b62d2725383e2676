// Package jurisdictions holds the facts juris reasons about: jurisdictions, the agencies they own,
// the laws and policies (norms) they made, and 287(g) agreements. It loads them from YAML with a
// strict loader (unknown keys are errors, every error names file, line and field), validates
// references and dates, layers extra fact files over the embedded default dataset, and renders the
// data document the Rego policy reads.
//
// The package decides no legal question: which norm binds or beats which is the policy's job.
package jurisdictions

// Models are the 287(g) program models, in the spelling case suites and the CLI use.
var Models = []string{"jail-enforcement", "task-force", "warrant-service-officer"}

// JurisdictionKinds are the valid values of Jurisdiction.Kind.
// A municipality is a local government the Census incorporated places do not list (a New England
// town, a township), known from the FBI agency list.
var JurisdictionKinds = []string{"nation", "state", "district", "territory", "county", "city-county", "city", "town", "village", "borough", "municipality"}

// AgencyKinds are the valid values of Agency.Kind.
var AgencyKinds = []string{"sheriff", "municipal-police", "county-police", "state-police", "state-agency", "corrections", "campus-police", "county-commission", "tribal-police", "other"}

// NormTypes are the valid values of Norm.Type.
var NormTypes = []string{"statute", "regulation", "ordinance", "resolution", "executive-order", "directive", "agency-policy", "court-decision"}

// EffectTypes are the valid values of Effect.Type.
var EffectTypes = []string{"prohibits", "restricts", "permits", "requires", "preempts", "limits-cooperation"}

// Duties are the valid values of Effect.Duty, strongest first.
var Duties = []string{"enter", "request", "seek", "explore"}

// Extents are the valid values of Effect.Extent and of the entries of Effect.Voids.
var Extents = []string{"prohibits", "materially-limits", "procedural"}

// Levels are the valid values of Reach.Levels.
var Levels = []string{"state", "local"}

// AgreementStatuses are the valid values of Agreement.Status.
var AgreementStatuses = []string{"active", "pending", "terminated"}

// File is one fact file: the unit a researcher writes, and the shape of a case's assume block.
type File struct {
	Jurisdictions []*Jurisdiction `yaml:"jurisdictions"`
	Agencies      []*Agency       `yaml:"agencies"`
	Norms         []*Norm         `yaml:"norms"`
	Agreements    []*Agreement    `yaml:"agreements"`

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

// Checked records a survey of a jurisdiction's law that found nothing to encode.
type Checked struct {
	Date    Date     `yaml:"date" json:"date"`
	Note    string   `yaml:"note" json:"note"`
	Sources []string `yaml:"sources" json:"sources,omitempty"`
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
	Note       string   `yaml:"note" json:"note,omitempty"`

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
	Note           string   `yaml:"note" json:"note,omitempty"`

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
	Sentence      string   `yaml:"sentence" json:"sentence,omitempty"`

	pos positions
}

// Norm is a law or policy: a statute, ordinance, order, directive or court decision.
type Norm struct {
	ID           string    `yaml:"id" json:"id"`
	Title        string    `yaml:"title" json:"title"`
	Type         string    `yaml:"type" json:"type"`
	Citation     string    `yaml:"citation" json:"citation"`
	URL          string    `yaml:"url" json:"url"`
	Jurisdiction string    `yaml:"jurisdiction" json:"jurisdiction"`
	Enacted      *Date     `yaml:"enacted" json:"enacted,omitempty"`
	Effective    *Date     `yaml:"effective" json:"effective"`
	Expired      *Date     `yaml:"expired" json:"expired,omitempty"`
	Repealed     *Date     `yaml:"repealed" json:"repealed,omitempty"`
	Enjoined     *Date     `yaml:"enjoined" json:"enjoined,omitempty"`
	Rescinded    *Date     `yaml:"rescinded" json:"rescinded,omitempty"`
	Sources      []string  `yaml:"sources" json:"sources,omitempty"`
	Verified     *bool     `yaml:"verified" json:"verified"`
	Note         string    `yaml:"note" json:"note,omitempty"`
	Effects      []*Effect `yaml:"effects" json:"effects"`

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
	Delisted *Date  `yaml:"delisted" json:"delisted,omitempty"`
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

// IsVerified reports whether the norm's facts were verified (the default).
func (n *Norm) IsVerified() bool { return n.Verified == nil || *n.Verified }
