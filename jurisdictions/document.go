package jurisdictions

import (
	"encoding/json"
	"fmt"
	"slices"
)

// Document renders the dataset as the data document the policy reads under data.facts: every
// entity keyed by id, defaults filled in, plus indexes that spare the policy a search:
//
//	index.ancestors[j]             j and its legal ancestors, nearest first, ending with "us"
//	index.agreements_by_agency[a]  ids of a's agreements, sorted
//	index.operating_in[j]          ids of agencies whose operates_in names j, sorted
//	index.norms_by_jurisdiction[j] ids of the norms j made, sorted
//
// The indexes are lookups only: the legal reading of them is the policy's.
func (ds *Dataset) Document() (map[string]any, error) {
	juris := map[string]any{}
	for id, j := range ds.Jurisdictions {
		juris[id] = j
	}
	agencies := map[string]any{}
	operating := map[string][]string{}
	for id, a := range ds.Agencies {
		c := *a
		if len(c.OperatesIn) == 0 && c.Kind != "tribal-police" {
			// By default an agency operates throughout the jurisdiction that owns it. Tribal police
			// operate on tribal land, which the facts do not map: only where operates_in says.
			c.OperatesIn = []string{c.Jurisdiction}
		}
		if c.OperatesIn == nil {
			c.OperatesIn = []string{}
		}
		agencies[id] = &c
		for _, j := range c.OperatesIn {
			operating[j] = append(operating[j], id)
		}
	}
	norms := map[string]any{}
	byJuris := map[string][]string{}
	for id, n := range ds.Norms {
		c := *n
		t := true
		if c.Verified == nil {
			c.Verified = &t
		}
		c.Effects = make([]*Effect, len(n.Effects))
		for i, e := range n.Effects {
			ec := *e
			if len(ec.Models) == 0 {
				ec.Models = slices.Clone(Models)
			}
			c.Effects[i] = &ec
		}
		norms[id] = &c
		byJuris[c.Jurisdiction] = append(byJuris[c.Jurisdiction], id)
	}
	agreements := map[string]any{}
	byAgency := map[string][]string{}
	for id, g := range ds.Agreements {
		c := *g
		t := true
		if c.Verified == nil {
			c.Verified = &t
		}
		if c.Status == "" {
			c.Status = "active"
		}
		agreements[id] = &c
		byAgency[c.Agency] = append(byAgency[c.Agency], id)
	}
	ancestors := map[string][]string{}
	for id := range ds.Jurisdictions {
		ancestors[id] = ds.Ancestors(id)
	}
	for _, m := range []map[string][]string{operating, byJuris, byAgency} {
		for _, v := range m {
			slices.Sort(v)
		}
	}
	doc := map[string]any{
		"jurisdictions": juris,
		"agencies":      agencies,
		"norms":         norms,
		"agreements":    agreements,
		"index": map[string]any{
			"ancestors":             ancestors,
			"agreements_by_agency":  byAgency,
			"operating_in":          operating,
			"norms_by_jurisdiction": byJuris,
		},
		"revision": ds.Revision,
	}
	// Round-trip through JSON so the document holds only plain values.
	b, err := json.Marshal(doc)
	if err != nil {
		return nil, fmt.Errorf("rendering facts: %w", err)
	}
	var out map[string]any
	if err := json.Unmarshal(b, &out); err != nil {
		return nil, fmt.Errorf("rendering facts: %w", err)
	}
	return out, nil
}

// Ancestors returns id and its legal ancestors, nearest first.
func (ds *Dataset) Ancestors(id string) []string {
	var out []string
	seen := map[string]bool{}
	for cur := ds.Jurisdictions[id]; cur != nil && !seen[cur.ID]; cur = ds.Jurisdictions[cur.Parent] {
		seen[cur.ID] = true
		out = append(out, cur.ID)
	}
	return out
}
