package jurisdictions

import (
	"reflect"
	"slices"
	"strings"
)

// Document renders the dataset as the data document the policy reads under data.facts: every
// entity keyed by id, defaults filled in, plus indexes that spare the policy a search:
//
//	index.ancestors[j]             j and its legal ancestors, nearest first, ending with "us"
//	index.agreements_by_agency[a]  ids of a's agreements, sorted
//	index.operating_in[j]          ids of agencies whose operates_in names j, sorted
//	index.norms_by_jurisdiction[j] ids of the norms j made, sorted
//	index.by_state[s]              ids of the jurisdictions, agencies and agreements in state s
//	index.kinds_by_state[s][k]     ids of the jurisdictions of kind k in state s; under the key
//	                               "consolidated", those with county_geoids
//	index.acted_on[n]              {norm, effect_index} of the effects that void, suspend or
//	                               sustain norm n
//	index.aliases[a]               the jurisdiction alias id a names (a county a consolidated
//	                               government absorbed)
//
// The indexes are lookups only: the legal reading of them is the policy's.
func (ds *Dataset) Document() (map[string]any, error) {
	return plain(reflect.ValueOf(ds.typedDocument())).(map[string]any), nil
}

// typedDocument is the data document before it is turned into plain values.
func (ds *Dataset) typedDocument() map[string]any {
	juris := map[string]any{}
	for id, j := range ds.Jurisdictions {
		juris[id] = j
	}
	agencies := map[string]any{}
	operating := map[string][]string{}
	for id, a := range ds.Agencies {
		c := *a
		c.OperatesIn = a.Operates()
		agencies[id] = &c
		for _, j := range c.OperatesIn {
			operating[j] = append(operating[j], id)
		}
	}
	norms := map[string]any{}
	byJuris := map[string][]string{}
	actedOn := map[string][]map[string]any{}
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
				ec.Models = slices.Clone(models)
			}
			c.Effects[i] = &ec
		}
		norms[id] = &c
		byJuris[c.Jurisdiction] = append(byJuris[c.Jurisdiction], id)
		for i, e := range n.Effects {
			for _, target := range e.Norms {
				actedOn[target] = append(actedOn[target], map[string]any{"norm": id, "effect_index": i})
			}
		}
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
		if c.Until != nil && c.Terminated == nil {
			c.Terminated = c.Until // an assumed agreement's end
		}
		agreements[id] = &c
		byAgency[c.Agency] = append(byAgency[c.Agency], id)
	}
	ancestors := map[string][]string{}
	aliases := map[string]string{}
	for id, j := range ds.Jurisdictions {
		ancestors[id] = ds.Ancestors(id)
		for _, a := range j.Aliases {
			aliases[a] = id
		}
	}
	// by_state lists, per state, the ids in it: the landscape questions for one state read these
	// instead of scanning the nation.
	byState := map[string]map[string][]string{}
	put := func(kind, id string) {
		parts := strings.SplitN(id, "/", 3)
		if len(parts) < 2 {
			return
		}
		sid := parts[0] + "/" + parts[1]
		if byState[sid] == nil {
			byState[sid] = map[string][]string{"jurisdictions": {}, "agencies": {}, "agreements": {}}
		}
		byState[sid][kind] = append(byState[sid][kind], id)
	}
	kindsByState := map[string]map[string][]string{}
	for id, j := range ds.Jurisdictions {
		put("jurisdictions", id)
		if parts := strings.SplitN(id, "/", 3); len(parts) >= 2 {
			sid := parts[0] + "/" + parts[1]
			if kindsByState[sid] == nil {
				kindsByState[sid] = map[string][]string{}
			}
			kindsByState[sid][j.Kind] = append(kindsByState[sid][j.Kind], id)
			if len(j.CountyGEOIDs) > 0 {
				kindsByState[sid]["consolidated"] = append(kindsByState[sid]["consolidated"], id)
			}
		}
	}
	for id := range ds.Agencies {
		put("agencies", id)
	}
	for id, g := range ds.Agreements {
		if parts := strings.SplitN(g.Agency, "/", 3); len(parts) >= 2 {
			sid := parts[0] + "/" + parts[1]
			if byState[sid] == nil {
				byState[sid] = map[string][]string{"jurisdictions": {}, "agencies": {}, "agreements": {}}
			}
			byState[sid]["agreements"] = append(byState[sid]["agreements"], id)
		}
	}
	for _, m := range byState {
		for _, v := range m {
			slices.Sort(v)
		}
	}
	for _, m := range kindsByState {
		for _, v := range m {
			slices.Sort(v)
		}
	}
	for _, m := range []map[string][]string{operating, byJuris, byAgency} {
		for _, v := range m {
			slices.Sort(v)
		}
	}
	for _, refs := range actedOn {
		slices.SortFunc(refs, func(a, b map[string]any) int {
			if c := strings.Compare(a["norm"].(string), b["norm"].(string)); c != 0 {
				return c
			}
			return a["effect_index"].(int) - b["effect_index"].(int)
		})
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
			"acted_on":              actedOn,
			"aliases":               aliases,
			"by_state":              byState,
			"kinds_by_state":        kindsByState,
		},
		"revision": ds.Revision,
	}
	return doc
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
