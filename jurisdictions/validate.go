package jurisdictions

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

var (
	idPattern   = regexp.MustCompile(`^us(/[a-z0-9]+(-[a-z0-9]+)*)*$`)
	slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
)

type checker struct {
	ds         *Dataset
	errs       Errors
	aliasOwner map[string]string
}

func (c *checker) fail(p *positions, field, format string, args ...any) {
	c.errs = append(c.errs, &Error{File: p.at.File, Line: p.line(field), Field: field, Msg: fmt.Sprintf(format, args...)})
}

func (c *checker) oneOf(p *positions, field, v string, valid []string) {
	if !slices.Contains(valid, v) {
		if v == "" {
			c.fail(p, field, "missing; valid values: %s", strings.Join(valid, ", "))
			return
		}
		c.fail(p, field, "%q is not valid; valid values: %s", v, strings.Join(valid, ", "))
	}
}

func (c *checker) required(p *positions, field, v string) {
	if strings.TrimSpace(v) == "" {
		c.fail(p, field, "required")
	}
}

func (c *checker) url(p *positions, field, v string) {
	if v == "" {
		c.fail(p, field, "required: a URL where the source can be read")
		return
	}
	if !strings.HasPrefix(v, "https://") && !strings.HasPrefix(v, "http://") {
		c.fail(p, field, "%q is not an http(s) URL", v)
	}
}

func (c *checker) jurisdiction(p *positions, field, id string) {
	if _, ok := c.ds.Jurisdictions[id]; !ok {
		c.fail(p, field, "unknown jurisdiction %q", id)
	}
}

func (c *checker) agency(p *positions, field, id string) {
	if _, ok := c.ds.Agencies[id]; !ok {
		c.fail(p, field, "unknown agency %q", id)
	}
}

// Validate checks ids, references, kinds, dates and required fields across the whole dataset.
// It returns every problem found, sorted by file and line.
func (ds *Dataset) Validate() Errors {
	c := &checker{ds: ds, aliasOwner: map[string]string{}}
	for _, id := range sortedKeys(ds.Jurisdictions) {
		c.checkJurisdiction(ds.Jurisdictions[id])
	}
	for _, id := range sortedKeys(ds.Agencies) {
		c.checkAgency(ds.Agencies[id])
	}
	for _, id := range sortedKeys(ds.Norms) {
		c.checkNorm(ds.Norms[id])
	}
	for _, id := range sortedKeys(ds.Agreements) {
		c.checkAgreement(ds.Agreements[id])
	}
	for _, id := range sortedKeys(ds.SourceFiles) {
		c.checkSourceFile(ds.SourceFiles[id])
	}
	slices.SortStableFunc(c.errs, func(a, b *Error) int {
		if a.File != b.File {
			return strings.Compare(a.File, b.File)
		}
		return a.Line - b.Line
	})
	return c.errs
}

func (c *checker) checkJurisdiction(j *Jurisdiction) {
	p := &j.pos
	c.required(p, "name", j.Name)
	c.oneOf(p, "kind", j.Kind, jurisdictionKinds)
	if !idPattern.MatchString(j.ID) {
		c.fail(p, "id", "%q is not a valid id (lower-case, path-like, starting with us: us/tx/travis-county)", j.ID)
		return
	}
	if j.Kind == "nation" {
		if j.Parent != "" {
			c.fail(p, "parent", "a nation has no parent")
		}
	} else {
		if j.Parent == "" {
			c.fail(p, "parent", "required: the jurisdiction's legal parent")
		} else {
			c.jurisdiction(p, "parent", j.Parent)
			if !strings.HasPrefix(j.ID, j.Parent+"/") || !slugPattern.MatchString(strings.TrimPrefix(j.ID, j.Parent+"/")) {
				c.fail(p, "id", "%q must be its parent's id %q followed by /<slug>", j.ID, j.Parent)
			}
		}
	}
	// no cycles in the parent chain
	seen := map[string]bool{j.ID: true}
	for cur := c.ds.Jurisdictions[j.Parent]; cur != nil; cur = c.ds.Jurisdictions[cur.Parent] {
		if seen[cur.ID] {
			c.fail(p, "parent", "the parent chain of %q loops back through %q", j.ID, cur.ID)
			break
		}
		seen[cur.ID] = true
	}
	for i, cid := range j.Counties {
		f := fmt.Sprintf("counties[%d]", i)
		cj, ok := c.ds.Jurisdictions[cid]
		if !ok {
			c.fail(p, "counties", "%s: unknown jurisdiction %q", f, cid)
			continue
		}
		if cj.Kind != "county" && cj.Kind != "city-county" {
			c.fail(p, "counties", "%s: %q is a %s, not a county", f, cid, cj.Kind)
		}
	}
	for _, cid := range sortedKeys(j.CountyShares) { // sorted: errors in a stable order
		share := j.CountyShares[cid]
		if !slices.Contains(j.Counties, cid) {
			c.fail(p, "county_shares", "%q is not among the jurisdiction's counties", cid)
		}
		if !(share >= 0 && share <= 1) { // also refuses NaN
			c.fail(p, "county_shares", "%q: share %v is not between 0 and 1", cid, share)
		}
	}
	if j.Population < 0 {
		c.fail(p, "population", "%d is negative", j.Population)
	}
	for _, aid := range j.BooksInto {
		c.agency(p, "books_into", aid)
	}
	if j.Kind == "state" && j.USPS == "" {
		c.fail(p, "usps", "required for a state")
	}
	if ch := j.Checked; ch != nil {
		if ch.Date == "" {
			c.fail(p, "checked", "date is required: when the survey was made (or recorded)")
		}
		c.oneOf(p, "checked", ch.Outcome, outcomes)
		if ch.Outcome != "not-researched" && strings.TrimSpace(ch.Searched) == "" {
			c.fail(p, "checked", "searched is required: say what was looked at (sites, codes, trackers, terms)")
		}
		if ch.Outcome == "not-researched" && strings.TrimSpace(ch.Searched) != "" {
			c.fail(p, "checked", "an outcome of not-researched cannot say what was searched; give the outcome the search found")
		}
		c.required(p, "checked", ch.Note)
		if ch.Confidence != "" {
			c.oneOf(p, "checked", ch.Confidence, confidences)
		}
		for _, s := range ch.Sources {
			c.url(p, "checked", s)
		}
		for i, q := range ch.Open {
			if strings.TrimSpace(q) == "" {
				c.fail(p, "checked", "open[%d] is empty: say which question was left unresearched", i)
			}
		}
		if ch.Outcome == "not-researched" && len(ch.Open) > 0 {
			c.fail(p, "checked", "open lists what a survey left unresearched; a jurisdiction not researched at all has no survey")
		}
	}
	for _, a := range j.Aliases {
		if !idPattern.MatchString(a) {
			c.fail(p, "aliases", "%q is not a valid id", a)
		} else if _, taken := c.ds.Jurisdictions[a]; taken {
			c.fail(p, "aliases", "%q is the id of a jurisdiction in the facts; an alias must name no other jurisdiction", a)
		} else if other, dup := c.aliasOwner[a]; dup && other != j.ID {
			c.fail(p, "aliases", "%q is already an alias of %s", a, other)
		} else {
			c.aliasOwner[a] = j.ID
		}
	}
	if len(j.CountyGEOIDs) > 0 && j.Consolidated == nil {
		c.fail(p, "consolidated", "required with county_geoids: the citation and url that make it one government")
	}
	if j.Consolidated != nil && (j.Consolidated.Citation == "" || j.Consolidated.URL == "") {
		c.fail(p, "consolidated", "needs both a citation and a url")
	}
}

func (c *checker) checkAgency(a *Agency) {
	p := &a.pos
	c.required(p, "name", a.Name)
	c.oneOf(p, "kind", a.Kind, agencyKinds)
	if a.Jurisdiction == "" {
		c.fail(p, "jurisdiction", "required: the jurisdiction that owns the agency")
		return
	}
	c.jurisdiction(p, "jurisdiction", a.Jurisdiction)
	if !idPattern.MatchString(a.ID) || !strings.HasPrefix(a.ID, a.Jurisdiction+"/") {
		c.fail(p, "id", "%q must be its jurisdiction's id %q followed by /<slug>", a.ID, a.Jurisdiction)
	}
	for _, jid := range a.OperatesIn {
		c.jurisdiction(p, "operates_in", jid)
	}
	for _, jid := range a.BoundBy {
		c.jurisdiction(p, "bound_by", jid)
	}
	if a.RunsJailSource != nil && (a.RunsJailSource.Citation == "" || a.RunsJailSource.URL == "") {
		c.fail(p, "runs_jail_source", "needs both a citation and a url")
	}
	if len(a.BoundBy) > 0 && (a.BoundBySource == nil || a.BoundBySource.Citation == "" || a.BoundBySource.URL == "") {
		c.fail(p, "bound_by_source", "required with bound_by: the citation and url that set which rules bind this agency")
	}
}

func (c *checker) checkNorm(n *Norm) {
	p := &n.pos
	c.required(p, "title", n.Title)
	c.required(p, "citation", n.Citation)
	c.url(p, "url", n.URL)
	c.oneOf(p, "type", n.Type, normTypes)
	if n.Jurisdiction == "" {
		c.fail(p, "jurisdiction", "required: the jurisdiction that made the norm")
	} else {
		c.jurisdiction(p, "jurisdiction", n.Jurisdiction)
		if !idPattern.MatchString(n.ID) || !strings.HasPrefix(n.ID, n.Jurisdiction+"/") {
			c.fail(p, "id", "%q must be its jurisdiction's id %q followed by /<slug>", n.ID, n.Jurisdiction)
		}
	}
	if n.Effective == nil {
		c.fail(p, "effective", "required: the date the norm applies from (YYYY-MM-DD)")
	} else {
		if n.Enacted != nil && *n.Enacted > *n.Effective {
			c.fail(p, "enacted", "%s is after the effective date %s", *n.Enacted, *n.Effective)
		}
		for field, d := range map[string]*Date{"expired": n.Expired, "repealed": n.Repealed, "enjoined": n.Enjoined, "rescinded": n.Rescinded} {
			if d != nil && *d < *n.Effective {
				c.fail(p, field, "%s is before the effective date %s", *d, *n.Effective)
			}
		}
	}
	if !n.IsVerified() && strings.TrimSpace(n.Note) == "" {
		c.fail(p, "note", "required when verified is false: say what could not be verified")
	}
	if n.Confidence != "" {
		c.oneOf(p, "confidence", n.Confidence, confidences)
	}
	for _, x := range n.Suspended {
		if x == nil {
			continue
		}
		sp := &x.pos
		if x.From == nil {
			c.fail(sp, "from", "required: the first day the norm did not apply")
		} else {
			if n.Effective != nil && *x.From < *n.Effective {
				c.fail(sp, "from", "%s is before the norm's effective date %s", *x.From, *n.Effective)
			}
			if x.Until != nil && *x.Until <= *x.From {
				c.fail(sp, "until", "%s is not after from %s", *x.Until, *x.From)
			}
		}
		c.required(sp, "citation", x.Citation)
		c.url(sp, "url", x.URL)
	}
	for _, b := range n.Bindings {
		if b == nil {
			continue
		}
		bp := &b.pos
		c.agency(bp, "agency", b.Agency)
		c.oneOf(bp, "status", b.Status, bindingStatuses)
		c.required(bp, "citation", b.Citation)
		c.url(bp, "url", b.URL)
		if b.Status == "contested" {
			c.required(bp, "position", b.Position)
			c.required(bp, "response", b.Response)
		}
	}
	for _, s := range n.Sources {
		c.url(p, "sources", s)
	}
	if len(n.Effects) == 0 {
		c.fail(p, "effects", "required: at least one effect (%s)", strings.Join(effectTypes, ", "))
	}
	for _, e := range n.Effects {
		if e != nil {
			c.checkEffect(n, e)
		}
	}
}

func (c *checker) checkEffect(n *Norm, e *Effect) {
	p := &e.pos
	c.oneOf(p, "type", e.Type, effectTypes)
	for _, m := range e.Models {
		c.oneOf(p, "models", m, models)
	}
	only := func(field string, set bool, types ...string) {
		if set && !slices.Contains(types, e.Type) {
			c.fail(p, field, "only applies to effects of type %s, not %q", strings.Join(types, ", "), e.Type)
		}
	}
	only("duty", e.Duty != "", "requires")
	only("restriction", e.Restriction != "", "restricts")
	only("defers_to_lower", e.DefersToLower, "permits")
	only("voids", len(e.Voids) > 0, "preempts")
	only("extent", e.Extent != "", "limits-cooperation")
	only("conditions", len(e.Conditions) > 0, "restricts", "permits")
	only("official", e.Official != "", "vests")
	only("deadline", e.Deadline != nil, "requires")
	only("norms", len(e.Norms) > 0, "voids", "suspends", "sustains")
	only("measure", e.Measure != "", "context")
	only("direction", e.Direction != "", "context")
	for _, cond := range e.Conditions {
		if strings.TrimSpace(cond) == "" {
			c.fail(p, "conditions", "an empty condition")
		}
	}
	switch e.Type {
	case "requires":
		c.oneOf(p, "duty", e.Duty, duties)
		if e.Deadline != nil && n.Effective != nil {
			start := *n.Effective
			if e.From != nil {
				start = *e.From
			}
			if *e.Deadline < start {
				c.fail(p, "deadline", "%s is before the duty applies (%s)", *e.Deadline, start)
			}
		}
	case "vests":
		c.required(p, "official", e.Official)
	case "voids", "suspends", "sustains":
		if len(e.Norms) == 0 {
			c.fail(p, "norms", "required for %s: the ids of the norms it acts on", e.Type)
		}
		for _, id := range e.Norms {
			if _, ok := c.ds.Norms[id]; !ok {
				c.fail(p, "norms", "unknown norm %q", id)
			} else if id == n.ID {
				c.fail(p, "norms", "a norm cannot act on itself")
			}
		}
	case "context":
		c.oneOf(p, "measure", e.Measure, measures)
		c.oneOf(p, "direction", e.Direction, directions)
	case "restricts":
		if len(e.Conditions) == 0 {
			c.required(p, "restriction", e.Restriction)
		}
	case "preempts":
		if len(e.Voids) == 0 {
			c.fail(p, "voids", "required for preempts: the extents of local policy it voids (%s)", strings.Join(extents, ", "))
		}
		for _, v := range e.Voids {
			c.oneOf(p, "voids", v, extents)
		}
	case "limits-cooperation":
		if e.Extent != "" {
			c.oneOf(p, "extent", e.Extent, extents)
		}
	}
	if n.Effective != nil {
		if e.From != nil && *e.From < *n.Effective {
			c.fail(p, "from", "%s is before the norm's effective date %s", *e.From, *n.Effective)
		}
	}
	if e.From != nil && e.Until != nil && *e.Until <= *e.From {
		c.fail(p, "until", "%s is not after from %s", *e.Until, *e.From)
	}
	if r := e.Reaches; r != nil {
		for _, k := range r.Kinds {
			c.oneOf(p, "reaches", k, agencyKinds)
		}
		for _, l := range r.Levels {
			c.oneOf(p, "reaches", l, levels)
		}
		for _, jid := range r.Jurisdictions {
			c.jurisdiction(p, "reaches", jid)
		}
		for _, aid := range r.Agencies {
			c.agency(p, "reaches", aid)
		}
		for _, aid := range r.Except {
			c.agency(p, "reaches", aid)
		}
	}
}

func (c *checker) checkAgreement(g *Agreement) {
	p := &g.pos
	if g.Agency == "" {
		c.fail(p, "agency", "required")
	} else {
		c.agency(p, "agency", g.Agency)
	}
	c.oneOf(p, "model", g.Model, models)
	status := g.Status
	if status == "" {
		status = "active" // the default; Document writes it out
	}
	c.oneOf(p, "status", status, agreementStatuses)
	if g.Assumed && g.Signed == nil && status != "pending" {
		c.fail(p, "signed", "required for an assumed agreement: the date the what-if has it signed")
	} else if g.Signed == nil && g.FirstListed == nil && status != "pending" {
		c.fail(p, "signed", "required unless status is pending or first_listed gives the first date a source showed the agreement")
	}
	if g.Until != nil {
		if !g.Assumed {
			c.fail(p, "until", "applies to assumed agreements (a case's assume, a what-if) only; a real agreement's end is terminated, with its source")
		} else if g.Signed != nil && *g.Until <= *g.Signed {
			c.fail(p, "until", "%s is not after the signed date %s", *g.Until, *g.Signed)
		}
	}
	if g.FirstListed != nil && g.LastListed != nil && *g.LastListed < *g.FirstListed {
		c.fail(p, "last_listed", "%s is before first_listed %s", *g.LastListed, *g.FirstListed)
	}
	if g.Delisted != nil && g.LastListed != nil && *g.Delisted <= *g.LastListed {
		c.fail(p, "delisted", "%s is not after last_listed %s", *g.Delisted, *g.LastListed)
	}
	if g.Signed != nil && g.Terminated != nil && *g.Terminated < *g.Signed {
		c.fail(p, "terminated", "%s is before the signed date %s", *g.Terminated, *g.Signed)
	}
	if status == "terminated" && g.Terminated == nil {
		c.fail(p, "terminated", "required when status is terminated: the date the agreement ended")
	}
	if !g.Assumed || g.Source != "" || g.URL != "" {
		// an assumption has nothing to cite; a fact cites its source
		c.required(p, "source", g.Source)
		c.url(p, "url", g.URL)
	}
	if g.Verified != nil && !*g.Verified && strings.TrimSpace(g.Note) == "" {
		c.fail(p, "note", "required when verified is false: say what could not be verified")
	}
}

func (c *checker) checkSourceFile(sf *SourceFile) {
	p := &sf.pos
	if !slugPattern.MatchString(sf.ID) {
		c.fail(p, "id", "%q is not a valid id (lower-case words joined by -)", sf.ID)
	}
	c.oneOf(p, "kind", sf.Kind, sourceKinds)
	if sf.Date == nil {
		c.fail(p, "date", "required: the date the file shows")
	}
	c.required(p, "title", sf.Title)
	c.url(p, "url", sf.URL)
}
