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
	aliases map[string]string // an alias id -> the jurisdiction it names
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
	x := &nameIndex{ds: ds, byName: map[string][]Match{}, byORI: map[string]Match{}, states: map[string]string{}, aliases: aliasMap(ds)}
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
		add(m, append([]string{j.Name}, j.OtherNames...)...)
		if j.Kind == "state" || j.Kind == "district" {
			x.states[fold(j.Name)] = j.USPS
			x.states[strings.ToLower(j.USPS)] = j.USPS
		}
	}
	for _, id := range sortedIDs(ds.Agencies) {
		a := ds.Agencies[id]
		m := Match{ID: id, Type: "agency", Kind: a.Kind, Name: a.Name, State: stateOf(id)}
		names := append([]string{a.Name}, a.OtherNames...)
		if len(strings.Fields(a.Name)) >= 3 {
			names = append(names, acronym(a.Name)) // "Louisville Metro Police Department": LMPD
		}
		if owner, ok := ds.Jurisdictions[a.Jurisdiction]; ok {
			for _, on := range append([]string{owner.Name}, owner.OtherNames...) {
				switch a.Kind {
				case "sheriff":
					names = append(names, on+" sheriff", on+" sheriffs office", on+" sheriff office", on+" sheriff department")
				case "municipal-police":
					names = append(names, on+" police", on+" police department", on+" pd")
				}
			}
		}
		add(m, names...)
		if a.ORI != "" {
			x.byORI[strings.ToUpper(a.ORI)] = m
		}
	}
	return x
}

// acronym is the initials of a name's words, "of", "and", "the", "city" and "county" left out:
// "Metropolitan Nashville Police Department" -> "mnpd". A name of fewer than two such words has
// none.
func acronym(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(fold(name)) {
		switch w {
		case "of", "and", "the", "city", "county":
			continue
		}
		b.WriteByte(w[0])
	}
	if b.Len() < 2 {
		return ""
	}
	return b.String()
}

// aliasMap maps each alias id of a jurisdiction (a county a consolidated government absorbed) to
// the jurisdiction's id.
func aliasMap(ds *jurisdictions.Dataset) map[string]string {
	m := map[string]string{}
	for id, j := range ds.Jurisdictions {
		for _, a := range j.Aliases {
			m[a] = id
		}
	}
	return m
}

// canonical returns the id an id names: itself, or, for an id at or under an alias
// (us/tn/davidson-county/sheriff), the same id under the jurisdiction the alias names
// (us/tn/nashville-davidson/sheriff).
func (x *nameIndex) canonical(id string) string {
	if t, ok := x.aliases[id]; ok {
		return t
	}
	for i := strings.LastIndex(id, "/"); i > 0; i = strings.LastIndex(id[:i], "/") {
		if t, ok := x.aliases[id[:i]]; ok {
			return t + id[i:]
		}
	}
	return id
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
	id := x.canonical(q)
	if j, ok := x.ds.Jurisdictions[id]; ok {
		return []Match{{ID: id, Type: "jurisdiction", Kind: j.Kind, Name: j.Name, State: stateOf(id)}}
	}
	if a, ok := x.ds.Agencies[id]; ok {
		return []Match{{ID: id, Type: "agency", Kind: a.Kind, Name: a.Name, State: stateOf(id)}}
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
		return x.governmentsFirst(exact)
	}
	// "Austin" names the city: a county is "Austin County". Try the place reading first.
	words := strings.Fields(key)
	var partial []Match
	for i, n := range x.norms {
		if containsAll(n, words) {
			partial = append(partial, x.entries[i])
		}
	}
	return x.governmentsFirst(inState(partial))
}

// governmentsFirst orders matches so that governments come before agencies of the same name,
// and within each, the more populous places (an agency: its owner's population) first; the list
// stays a list of candidates, never a pick.
func (x *nameIndex) governmentsFirst(ms []Match) []Match {
	pop := func(m Match) int {
		id := m.ID
		if m.Type == "agency" {
			id = x.ds.Agencies[m.ID].Jurisdiction
		}
		if j := x.ds.Jurisdictions[id]; j != nil {
			return j.Population
		}
		return 0
	}
	out := slices.Clone(ms)
	slices.SortStableFunc(out, func(a, b Match) int {
		if (a.Type == "jurisdiction") != (b.Type == "jurisdiction") {
			if a.Type == "jurisdiction" {
				return -1
			}
			return 1
		}
		return pop(b) - pop(a)
	})
	return out
}

// nearest returns up to n names close to a query that matched nothing (a typo: "Austn, TX"),
// by edit distance over the names in the query's state, closest first.
func (x *nameIndex) nearest(q string, n int) []Match {
	name, st := x.splitState(q)
	key := fold(name)
	if key == "" {
		return nil
	}
	type cand struct {
		m Match
		d int
	}
	var cs []cand
	limit := max(2, len(key)/4)
	for k, ms := range x.byName {
		if d := editDistance(key, k, limit); d <= limit {
			for _, m := range ms {
				if st == "" || m.State == st {
					cs = append(cs, cand{m, d})
				}
			}
		}
	}
	slices.SortFunc(cs, func(a, b cand) int {
		if a.d != b.d {
			return a.d - b.d
		}
		return strings.Compare(a.m.ID, b.m.ID)
	})
	var out []Match
	for _, c := range cs {
		if !slices.Contains(out, c.m) {
			out = append(out, c.m)
		}
		if len(out) == n {
			break
		}
	}
	return out
}

// editDistance is the Levenshtein distance of a and b, or limit+1 once it must exceed limit.
func editDistance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
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

// Find returns the jurisdictions and agencies a query names: an id (or an alias id, such as a
// county a consolidated government absorbed), an FBI ORI, or a name with an optional state
// ("Austin, TX", "Travis County, Texas", "Franklin County Sheriff OH", "NYPD"). More than one
// match means the query is ambiguous, governments listed before agencies; none means nothing
// matched (see Nearest).
func (r *Resolver) Find(query string) []Match { return r.nameIndex().find(query) }

// Nearest returns up to n entities whose names are close to a query that matched nothing: the
// "did you mean" of a typo.
func (r *Resolver) Nearest(query string, n int) []Match { return r.nameIndex().nearest(query, n) }

// Canonical returns the id an id names: itself, or the same id under the government an alias
// names (us/tn/davidson-county/sheriff is us/tn/nashville-davidson/sheriff).
func (r *Resolver) Canonical(id string) string { return r.nameIndex().canonical(id) }
