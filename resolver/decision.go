package resolver

// Reason is one norm that decided, or helped decide, a question.
type Reason struct {
	Norm      string `json:"norm"`
	Title     string `json:"title"`
	Citation  string `json:"citation"`
	URL       string `json:"url"`
	Effect    string `json:"effect"`
	Level     string `json:"level"`
	Since     string `json:"since"`
	Verified  bool   `json:"verified"`
	Principle string `json:"principle"`
	// Sentence is one sentence a researcher can read: what the norm does here, or why it was
	// set aside.
	Sentence string `json:"sentence"`
	// Summary is the fact file's own plain-words summary of the effect, where it has one.
	Summary string `json:"summary,omitempty"`
}

// Conflict names norms the law leaves in conflict.
type Conflict struct {
	Norms    []string `json:"norms"`
	Sentence string   `json:"sentence"`
}

// Agreement is a 287(g) agreement as the decision sees it on its date.
type Agreement struct {
	ID         string `json:"id"`
	Agency     string `json:"agency"`
	Model      string `json:"model"`
	Signed     string `json:"signed,omitempty"`
	Status     string `json:"status"`
	Terminated string `json:"terminated,omitempty"`
	// FirstListed, LastListed and Delisted: when ICE's sources showed the agreement, and the
	// first participating list that no longer did.
	FirstListed string `json:"first_listed,omitempty"`
	LastListed  string `json:"last_listed,omitempty"`
	Delisted    string `json:"delisted,omitempty"`
	// Assumed marks a what-if's agreement: an assumption, not a fact.
	Assumed  bool   `json:"assumed,omitempty"`
	Source   string `json:"source"`
	URL      string `json:"url"`
	MOAURL   string `json:"moa_url,omitempty"`
	Verified bool   `json:"verified"`
	Note     string `json:"note,omitempty"`
	InForce  bool   `json:"in_force"`
}

// Condition is a written condition an agreement must meet to be lawful, or the official who
// alone may enter it, with the norm that sets it.
type Condition struct {
	Norm      string `json:"norm"`
	Citation  string `json:"citation"`
	URL       string `json:"url"`
	Condition string `json:"condition"`
}

// ContextMeasure is a measure in force that bears on cooperation without deciding the 287(g)
// question: detainer holds, release notices, jail or property access, courthouse arrests.
type ContextMeasure struct {
	Norm         string `json:"norm"`
	Title        string `json:"title"`
	Citation     string `json:"citation"`
	URL          string `json:"url"`
	Jurisdiction string `json:"jurisdiction"`
	// Measure is what it is about; Direction whether it limits or expands cooperation.
	Measure   string `json:"measure"`
	Direction string `json:"direction"`
	Since     string `json:"since"`
	Verified  bool   `json:"verified"`
	Sentence  string `json:"sentence"`
}

// CoverageEntry says whether the law of one jurisdiction was researched: a state's law, or a
// county's or place's local policies. Outcome is laws-found, no-law-found or not-researched;
// a jurisdiction not researched has no date.
type CoverageEntry struct {
	Jurisdiction string `json:"jurisdiction"`
	Name         string `json:"name"`
	Outcome      string `json:"outcome"`
	Date         string `json:"date"`
	Confidence   string `json:"confidence"`
	Note         string `json:"note"`
	// Open lists the questions bearing on the answer that the survey left unresearched.
	Open []string `json:"open"`
}

// Coverage is what an answer rests on: the survey of the state's law and of the local policies
// involved.
type Coverage struct {
	StateLaw      CoverageEntry   `json:"state_law"`
	LocalPolicies []CoverageEntry `json:"local_policies"`
}

// Receipt says what a decision was computed from, so it can be reproduced, and how current its
// facts are.
type Receipt struct {
	Revision string `json:"revision"`
	AsOf     string `json:"as_of"`
	Version  string `json:"version"`
	// AgreementsListed is the date of the newest ICE participating list the facts hold, and
	// DocumentsListed of the newest list of ICE's MOA documents: agreements signed after them
	// may be missing. OldestList is the oldest ICE list held.
	AgreementsListed string `json:"agreements_listed"`
	DocumentsListed  string `json:"documents_listed"`
	OldestList       string `json:"oldest_list"`
	// LawSurvey is the date the survey of the state's law covers ("" where it was not
	// researched); LocalPolicies the date each place's local policies were checked ("" where
	// they were not researched).
	LawSurvey     string            `json:"law_survey"`
	LocalPolicies map[string]string `json:"local_policies,omitempty"`
	// Notes say what the dates mean for this answer: a question after the newest agreement
	// source, or before the oldest list.
	Notes []string `json:"notes"`
}

// AgencyDecision answers: may this agency hold an agreement of this model on this date, and
// must it? When Unresolved is true the law leaves two norms in conflict (see Conflicts) and
// Allowed and Required are false.
type AgencyDecision struct {
	Agency     string `json:"agency"`
	AgencyName string `json:"agency_name"`
	AgencyKind string `json:"agency_kind"`
	Model      string `json:"model"`
	AsOf       string `json:"as_of"`
	Allowed    bool   `json:"allowed"`
	// Conditional is true when the agreement is allowed only under written conditions, or only
	// if one named official enters it; Conditions lists them.
	Conditional bool        `json:"conditional"`
	Conditions  []Condition `json:"conditions"`
	Required    bool        `json:"required"`
	// Duty is the strongest duty in force: enter, request, seek, explore, or empty.
	Duty string `json:"duty"`
	// DueBy is the deadline of the duty where the law sets one; Compliance is met, due (on or
	// before DueBy), unmet (a duty to enter, after DueBy or at once where there is none), or
	// unknown (a duty to request, seek or explore, which the facts cannot show was done); empty
	// with no duty.
	DueBy      string `json:"due_by"`
	Compliance string `json:"compliance"`
	Unresolved bool   `json:"unresolved"`
	// Principle is the one that settled the question: applicability, lex-superior,
	// lex-specialis, lex-posterior, contested-binding, or unresolved.
	Principle string `json:"principle"`
	// Satisfied reports whether the agency holds an agreement in force that meets the duty.
	Satisfied    bool        `json:"satisfied"`
	Agreements   []Agreement `json:"agreements"`
	Reasons      []Reason    `json:"reasons"`
	Restrictions []string    `json:"restrictions"`
	SetAside     []Reason    `json:"set_aside"`
	Conflicts    []Conflict  `json:"conflicts"`
	// Context lists measures in force that bear on the agency without deciding the question.
	Context  []ContextMeasure `json:"context"`
	Coverage Coverage         `json:"coverage"`
	Summary  string           `json:"summary"`
	Receipt  Receipt          `json:"receipt"`
}

// Policy is one of a locality's own policies limiting cooperation, and whether it stands.
type Policy struct {
	Norm      string   `json:"norm"`
	Title     string   `json:"title"`
	Citation  string   `json:"citation"`
	URL       string   `json:"url"`
	Effective string   `json:"effective"`
	Verified  bool     `json:"verified"`
	Extent    []string `json:"extent"`
	// Binds lists the agencies present in the locality that the policy binds; Contested those
	// whose binding the policy's maker asserts and the agency refuses.
	Binds     []string           `json:"binds"`
	Contested []ContestedBinding `json:"contested"`
	// Status is in-force, not-in-force, preempted or unresolved.
	Status    string `json:"status"`
	Principle string `json:"principle"`
	// By lists the norms that void the policy or leave it unresolved, and ByCitations their
	// citations, in the same order.
	By          []string `json:"by"`
	ByCitations []string `json:"by_citations"`
	Sentence    string   `json:"sentence"`
	Summary     string   `json:"summary,omitempty"`
}

// ContestedBinding is an agency a policy's maker says the policy binds, and the agency says it
// does not, with both positions and the source.
type ContestedBinding struct {
	Agency     string `json:"agency"`
	AgencyName string `json:"agency_name"`
	Citation   string `json:"citation"`
	URL        string `json:"url"`
	Position   string `json:"position"`
	Response   string `json:"response"`
}

// Bypass is an agreement, held by an agency a locality's policy does not bind, that reaches
// people inside the locality.
type Bypass struct {
	Agency     string `json:"agency"`
	AgencyName string `json:"agency_name"`
	Model      string `json:"model"`
	Channel    string `json:"channel"`
	Agreement  string `json:"agreement"`
	Signed     string `json:"signed"`
	Verified   bool   `json:"verified"`
	// Assumed marks an agreement that is a what-if's assumption, not a fact.
	Assumed bool `json:"assumed"`
	// Contested is true when the agency's binding by the policy is contested: whether the
	// agreement bypasses the policy is then unresolved.
	Contested bool     `json:"contested"`
	Policies  []string `json:"policies"`
	Sentence  string   `json:"sentence"`
}

// ModelAnswer is the agency question's short answer for one model.
type ModelAnswer struct {
	Allowed    bool   `json:"allowed"`
	Required   bool   `json:"required"`
	Duty       string `json:"duty"`
	Unresolved bool   `json:"unresolved"`
	Holds      bool   `json:"holds"`
}

// PotentialBypass is an agency the locality's policies do not bind that operates inside it,
// the channels through which it could reach people there, and what it may do by model.
type PotentialBypass struct {
	Agency      string                 `json:"agency"`
	AgencyName  string                 `json:"agency_name"`
	AgencyKind  string                 `json:"agency_kind"`
	Channels    []string               `json:"channels"`
	WhyNotBound string                 `json:"why_not_bound"`
	Models      map[string]ModelAnswer `json:"models"`
}

// LocalityDecision answers: which of this locality's policies stand, and which are bypassed by
// agencies they cannot bind?
type LocalityDecision struct {
	Locality    string            `json:"locality"`
	Name        string            `json:"name"`
	Kind        string            `json:"kind"`
	AsOf        string            `json:"as_of"`
	Counties    []string          `json:"counties"`
	BooksInto   []string          `json:"books_into"`
	Policies    []Policy          `json:"policies"`
	Preempted   bool              `json:"preempted"`
	Unresolved  bool              `json:"unresolved"`
	Bypassed    bool              `json:"bypassed"`
	BypassedBy  []string          `json:"bypassed_by"`
	Bypasses    []Bypass          `json:"bypasses"`
	CouldBypass []PotentialBypass `json:"could_bypass"`
	Context     []ContextMeasure  `json:"context"`
	Coverage    Coverage          `json:"coverage"`
	Summary     string            `json:"summary"`
	Receipt     Receipt           `json:"receipt"`
}

// StatsQuery asks for the landscape counts on a date, for the nation or one state.
type StatsQuery struct {
	AsOf string // YYYY-MM-DD; default today
	// State is a USPS code (TX); empty means the nation.
	State string
}

// Stats are the landscape counts on a date. The JSON keys are a stable contract.
type Stats struct {
	AsOf  string `json:"as_of"`
	State string `json:"state,omitempty"`
	// Agreements counts the agreements in force on the date (one per agency and model).
	Agreements             int            `json:"agreements"`
	AgenciesWithAgreements int            `json:"agencies_with_agreements"`
	StatesWithAgreements   int            `json:"states_with_agreements"`
	ByState                map[string]int `json:"by_state"`
	ByModel                map[string]int `json:"by_model"`
	ByAgencyKind           map[string]int `json:"by_agency_kind"`
	Jurisdictions          struct {
		States   int `json:"states"`
		Counties int `json:"counties"`
		Places   int `json:"places"`
	} `json:"jurisdictions"`
	Agencies int     `json:"agencies"`
	Receipt  Receipt `json:"receipt"`
}

// Point is the count of agreements in force on one date, for a chart over time.
type Point struct {
	Date       string         `json:"date"`
	Agreements int            `json:"agreements"`
	ByModel    map[string]int `json:"by_model"`
}

// ReportQuery asks for the landscape report on a date, for the nation or one state.
type ReportQuery struct {
	AsOf  string // YYYY-MM-DD; default today
	State string // a USPS code; empty means the nation
}

// Report is the landscape report. Its JSON form has exactly these four keys (a stable contract);
// every list is sorted.
type Report struct {
	Conflicts       []AgreementConflict `json:"conflicts"`
	MissingRequired []MissingRequired   `json:"missing_required"`
	Bypassed        []BypassedPolicy    `json:"bypassed"`
	Summary         ReportSummary       `json:"summary"`
}

// AgreementConflict is an agreement in force that a law in force forbids.
type AgreementConflict struct {
	Agency     string `json:"agency"`
	AgencyName string `json:"agency_name"`
	Model      string `json:"model"`
	Agreement  string `json:"agreement"`
	Law        string `json:"law"`
	Citation   string `json:"citation"`
	URL        string `json:"url"`
	// Since is when the conflict began: the later of the law's and the agreement's start.
	Since string `json:"since"`
	// LastListed is the last date a source showed the agreement: a conflict that began after it
	// may be an agreement ended without a source saying so.
	LastListed string `json:"last_listed,omitempty"`
	Verified   bool   `json:"verified"`
}

// MissingRequired is an agency a mandate to enter an agreement reaches that holds none.
type MissingRequired struct {
	Agency     string `json:"agency"`
	AgencyName string `json:"agency_name"`
	Law        string `json:"law"`
	Citation   string `json:"citation"`
	URL        string `json:"url"`
	Since      string `json:"since"`
}

// BypassedPolicy is a locality policy that agencies outside its reach bypass.
type BypassedPolicy struct {
	Locality     string      `json:"locality"`
	LocalityName string      `json:"locality_name"`
	Policy       string      `json:"policy"`
	Citation     string      `json:"citation"`
	By           []BypassVia `json:"by"`
}

// BypassVia is one agency's agreement that bypasses a policy, and its channel.
type BypassVia struct {
	Agency     string `json:"agency"`
	AgencyName string `json:"agency_name"`
	Model      string `json:"model"`
	Channel    string `json:"channel"`
}

// ReportSummary counts the report and gives each state's posture.
type ReportSummary struct {
	AsOf     string `json:"as_of"`
	State    string `json:"state,omitempty"`
	Revision string `json:"revision"`
	Version  string `json:"version"`
	// SourcesEnd is the date of the newest agreement source the facts hold (ICE's lists and its
	// list of MOA documents): agreements signed after it are not in the facts.
	SourcesEnd        string                  `json:"sources_end"`
	AgreementsInForce int                     `json:"agreements_in_force"`
	Conflicts         int                     `json:"conflicts"`
	MissingRequired   int                     `json:"missing_required"`
	Bypassed          int                     `json:"bypassed"`
	Postures          map[string]int          `json:"postures"`
	States            map[string]StatePosture `json:"states"`
}

// StatePosture is a state's stance on 287(g) on the date (bans, requires, bans-some,
// restricts, neither, or not-researched), with the laws in force that make it and the survey
// behind it.
type StatePosture struct {
	Name     string        `json:"name"`
	Posture  string        `json:"posture"`
	Laws     []StateLaw    `json:"laws"`
	Coverage CoverageEntry `json:"coverage"`
}

// StateLaw is a state law in force that bears on 287(g) agreements.
type StateLaw struct {
	Law      string `json:"law"`
	Citation string `json:"citation"`
	URL      string `json:"url"`
	Effect   string `json:"effect"`
	Duty     string `json:"duty,omitempty"`
	Verified bool   `json:"verified"`
	// Reaches says whom the law reaches: "all agencies", or its narrowing.
	Reaches string `json:"reaches"`
}
