package resolver

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/jurisproject/juris/jurisdictions"
)

// Match is an entity found by Find.
type Match struct {
	ID   string `json:"id"`
	Type string `json:"type"` // jurisdiction or agency
	Kind string `json:"kind"`
	Name string `json:"name"`
	// State is the USPS code of the state the entity is in.
	State string `json:"state"`
}

type nameIndex struct {
	ds      *jurisdictions.Dataset
	byName  map[string][]Match // normalized name -> matches
	byORI   map[string]Match
	states  map[string]string // normalized state name or code -> USPS code
	entries []Match
	norms   []string // normalized names, parallel to entries
}

// fold lower-cases s, strips accents and turns punctuation into spaces.
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == '\'' || r == '’' || r == '.':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteRune(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func stateOf(id string) string {
	parts := strings.Split(id, "/")
	if len(parts) < 2 {
		return ""
	}
	return strings.ToUpper(parts[1])
}

func newNameIndex(ds *jurisdictions.Dataset) *nameIndex {
	x := &nameIndex{ds: ds, byName: map[string][]Match{}, byORI: map[string]Match{}, states: map[string]string{}}
	add := func(m Match, names ...string) {
		x.entries = append(x.entries, m)
		x.norms = append(x.norms, fold(m.Name))
		for _, n := range names {
			k := fold(n)
			if k != "" && !slices.Contains(x.byName[k], m) {
				x.byName[k] = append(x.byName[k], m)
			}
		}
	}
	for _, id := range sortedIDs(ds.Jurisdictions) {
		j := ds.Jurisdictions[id]
		m := Match{ID: id, Type: "jurisdiction", Kind: j.Kind, Name: j.Name, State: stateOf(id)}
		add(m, j.Name)
		if j.Kind == "state" || j.Kind == "district" {
			x.states[fold(j.Name)] = j.USPS
			x.states[strings.ToLower(j.USPS)] = j.USPS
		}
	}
	for _, id := range sortedIDs(ds.Agencies) {
		a := ds.Agencies[id]
		m := Match{ID: id, Type: "agency", Kind: a.Kind, Name: a.Name, State: stateOf(id)}
		names := []string{a.Name}
		if owner, ok := ds.Jurisdictions[a.Jurisdiction]; ok {
			switch a.Kind {
			case "sheriff":
				names = append(names, owner.Name+" sheriff", owner.Name+" sheriffs office", owner.Name+" sheriff office")
			case "municipal-police":
				names = append(names, owner.Name+" police", owner.Name+" police department", owner.Name+" pd")
			}
		}
		add(m, names...)
		if a.ORI != "" {
			x.byORI[strings.ToUpper(a.ORI)] = m
		}
	}
	return x
}

func sortedIDs[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// splitState takes a trailing state ("Austin, TX", "Travis County, Texas", "Franklin County
// Sheriff OH") off a query, returning the rest and the USPS code.
func (x *nameIndex) splitState(q string) (string, string) {
	if i := strings.LastIndex(q, ","); i >= 0 {
		if st, ok := x.states[fold(q[i+1:])]; ok {
			return q[:i], st
		}
	}
	words := strings.Fields(fold(q))
	for n := 1; n <= 3 && n < len(words); n++ {
		tail := strings.Join(words[len(words)-n:], " ")
		if st, ok := x.states[tail]; ok {
			return strings.Join(words[:len(words)-n], " "), st
		}
	}
	return q, ""
}

// find returns the entities a query names: an id, an FBI ORI, or a name with an optional state.
// An exact name beats a partial one; within exact names a place beats a county of the same name
// only when the query does not say "county".
func (x *nameIndex) find(q string) []Match {
	q = strings.TrimSpace(q)
	if q == "" {
		return nil
	}
	if j, ok := x.ds.Jurisdictions[q]; ok {
		return []Match{{ID: q, Type: "jurisdiction", Kind: j.Kind, Name: j.Name, State: stateOf(q)}}
	}
	if a, ok := x.ds.Agencies[q]; ok {
		return []Match{{ID: q, Type: "agency", Kind: a.Kind, Name: a.Name, State: stateOf(q)}}
	}
	if m, ok := x.byORI[strings.ToUpper(q)]; ok {
		return []Match{m}
	}
	name, st := x.splitState(q)
	key := fold(name)
	inState := func(ms []Match) []Match {
		var out []Match
		for _, m := range ms {
			if st == "" || m.State == st {
				out = append(out, m)
			}
		}
		return out
	}
	if exact := inState(x.byName[key]); len(exact) > 0 {
		return exact
	}
	// "Austin" names the city: a county is "Austin County". Try the place reading first.
	words := strings.Fields(key)
	var partial []Match
	for i, n := range x.norms {
		if containsAll(n, words) {
			partial = append(partial, x.entries[i])
		}
	}
	return inState(partial)
}

func containsAll(name string, words []string) bool {
	if len(words) == 0 {
		return false
	}
	have := strings.Fields(name)
	for _, w := range words {
		// a word matches a name word it begins: "sheriff" matches "sheriffs" (Sheriff's)
		if !slices.ContainsFunc(have, func(h string) bool { return strings.HasPrefix(h, w) }) {
			return false
		}
	}
	return true
}

// Find returns the jurisdictions and agencies a query names: an id, an FBI ORI, or a name with
// an optional state ("Austin, TX", "Travis County, Texas", "Franklin County Sheriff OH"). More
// than one match means the query is ambiguous; none means nothing matched.
func (r *Resolver) Find(query string) []Match { return r.nameIndex().find(query) }
