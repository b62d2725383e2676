// Package importer builds juris's generated national layer (states, territories, counties,
// incorporated places, consolidated governments, law-enforcement agencies and ICE 287(g)
// agreements) from public source files (Census, FBI and ICE files, laid out as the project's
// shared data folder is: census/, agencies/, ice287g/) and the project's own curated tables
// (jurisdictions/sources: aliases, jails, consolidated governments, sheriffs), and writes it byte
// for byte the same on every run.
//
// It decides no legal question: it records who exists, who owns whom, and which agreements
// ICE listed on which dates.
package importer

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/jurisproject/juris/jurisdictions"
)

// Result is the generated layer: file contents by path relative to the output folder.
type Result struct {
	Files  map[string][]byte
	Report *Report
}

// Agreements parses the generated fact files and returns the agreements they hold.
func (r *Result) Agreements() ([]*jurisdictions.Agreement, error) {
	var out []*jurisdictions.Agreement
	for _, name := range slices.Sorted(maps.Keys(r.Files)) {
		if !strings.HasSuffix(name, ".yaml") {
			continue
		}
		f, err := jurisdictions.ParseFile(name, r.Files[name])
		if err != nil {
			return nil, err
		}
		out = append(out, f.Agreements...)
	}
	return out, nil
}

// aliasFile lists source names the rules cannot place, each mapped by hand to an agency id.
type aliasFile struct {
	Aliases []struct {
		State  string `yaml:"state"`
		Name   string `yaml:"name"`
		Agency string `yaml:"agency"`
		Reason string `yaml:"reason"`
		Owner  string `yaml:"owner"`
		Kind   string `yaml:"kind"`
	} `yaml:"aliases"`
	// FBI places FBI rows the rules would misplace, by ORI, with the source that says where.
	FBI []fbiPlacement `yaml:"fbi"`
	// Same lists FBI rows that are an agency already in the dataset under another name (or
	// another id): the row's ORI joins that agency's.
	Same []fbiSame `yaml:"same"`
}

// fbiPlacement puts one FBI agency under a given id and kind.
type fbiPlacement struct {
	ORI    string `yaml:"ori"`
	Agency string `yaml:"agency"`
	// Name replaces the FBI's name where the FBI writes only a place's ("Charlotte-Mecklenburg").
	Name       string   `yaml:"name"`
	Kind       string   `yaml:"kind"`
	OperatesIn []string `yaml:"operates_in"`
	Reason     string   `yaml:"reason"`
	Citation   string   `yaml:"citation"`
	URL        string   `yaml:"url"`
}

// fbiSame merges one FBI row into an agency: its ORI is kept among the agency's (first where the
// row is the statewide one), and the row makes the agency where the dataset lacks it.
type fbiSame struct {
	ORI    string `yaml:"ori"`
	Agency string `yaml:"agency"`
	Kind   string `yaml:"kind"`
	Reason string `yaml:"reason"`
	URL    string `yaml:"url"`
}

// Run reads the public files under dir (census/, agencies/, ice287g/) and the curated tables
// under curated (aliases.yaml, jails.yaml, consolidated.yaml, sheriffs.yaml), and builds the
// national layer.
func Run(ctx context.Context, dir, curated string) (*Result, error) {
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("the sources folder %q is not a folder (it holds census/, agencies/ and ice287g/): %v", dir, err)
	}
	n := &national{juris: map[string]*jurisdictions.Jurisdiction{}, agencies: map[string]*jurisdictions.Agency{}, report: &Report{StateFixes: map[string]int{}}, aliases: map[string]string{}}
	var err error
	if n.states, err = readStates(dir); err != nil {
		return nil, err
	}
	n.report.States = len(n.states)
	counties, err := readCounties(dir)
	if err != nil {
		return nil, err
	}
	g, err := readGeocorr(dir)
	if err != nil {
		return nil, err
	}
	if err := n.buildJurisdictions(g, counties); err != nil {
		return nil, err
	}
	cf, cpath, err := readConsolidated(curated)
	if err != nil {
		return nil, err
	}
	if err := n.consolidate(cf, cpath); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	af, aliasPath, err := readAliasFile(curated)
	if err != nil {
		return nil, err
	}
	if err := n.fbiPlacements(af, aliasPath); err != nil {
		return nil, err
	}
	rows, path, err := readFBI(dir)
	if err != nil {
		return nil, err
	}
	n.importFBI(rows, path)
	if err := n.applyAliases(af, aliasPath); err != nil {
		return nil, err
	}
	recs, err := n.importICE(dir)
	if err != nil {
		return nil, err
	}
	sf, spath, err := readSheriffs(curated)
	if err != nil {
		return nil, err
	}
	if err := n.sheriffs(sf, spath); err != nil {
		return nil, err
	}
	jf, err := readJails(curated)
	if err != nil {
		return nil, err
	}
	if err := n.applyJails(jf); err != nil {
		return nil, err
	}
	agreements := n.buildAgreements(recs)
	n.reconcile(agreements)
	n.report.Agencies = len(n.agencies)
	n.report.Agreements = len(agreements)
	return n.emit(agreements), ctx.Err()
}

func readAliasFile(dir string) (*aliasFile, string, error) {
	return readTable[aliasFile](dir, "aliases.yaml")
}

func (n *national) fbiPlacements(af *aliasFile, path string) error {
	n.fbiPlace = map[string]fbiPlacement{}
	for i, p := range af.FBI {
		if to := n.rehome(p.Agency); to != p.Agency {
			return fmt.Errorf("%s: fbi[%d]: agency %s lies in a consolidated government; write %s", path, i, p.Agency, to)
		}
		owner := p.Agency[:max(strings.LastIndex(p.Agency, "/"), 0)]
		if p.ORI == "" || n.juris[owner] == nil || !slices.Contains(jurisdictions.AgencyKinds(), p.Kind) || p.Reason == "" || p.Citation == "" || !strings.HasPrefix(p.URL, "http") {
			return fmt.Errorf("%s: fbi[%d]: ori, an agency id under a known jurisdiction, a kind (%v), reason, citation and url are required", path, i, jurisdictions.AgencyKinds())
		}
		for _, j := range p.OperatesIn {
			if n.juris[j] == nil {
				return fmt.Errorf("%s: fbi[%d]: operates_in: unknown jurisdiction %q", path, i, j)
			}
		}
		if _, dup := n.fbiPlace[p.ORI]; dup {
			return fmt.Errorf("%s: fbi[%d]: ORI %s is placed twice", path, i, p.ORI)
		}
		n.fbiPlace[p.ORI] = p
	}
	n.fbiSame = map[string]fbiSame{}
	for i, m := range af.Same {
		owner := m.Agency[:max(strings.LastIndex(m.Agency, "/"), 0)]
		if m.ORI == "" || n.juris[owner] == nil || !slices.Contains(jurisdictions.AgencyKinds(), m.Kind) || m.Reason == "" {
			return fmt.Errorf("%s: same[%d]: ori, an agency id under a known jurisdiction, a kind (%v) and reason are required", path, i, jurisdictions.AgencyKinds())
		}
		if m.URL != "" && !strings.HasPrefix(m.URL, "http") {
			return fmt.Errorf("%s: same[%d]: url %q is not an http(s) URL", path, i, m.URL)
		}
		if _, dup := n.fbiPlace[m.ORI]; dup {
			return fmt.Errorf("%s: same[%d]: ORI %s is also under fbi", path, i, m.ORI)
		}
		n.fbiSame[m.ORI] = m
	}
	return nil
}

func (n *national) applyAliases(af *aliasFile, path string) error {
	for i, a := range af.Aliases {
		if a.Reason == "" || a.Agency == "" || n.byState[a.State] == nil {
			return fmt.Errorf("%s: aliases[%d]: state, name, agency and reason are required", path, i)
		}
		if to := n.rehome(a.Agency); to != a.Agency {
			return fmt.Errorf("%s: aliases[%d]: agency %s lies in a consolidated government; write %s", path, i, a.Agency, to)
		}
		n.aliases[a.State+"|"+foldName(a.Name)] = a.Agency
		n.report.Aliases++
		if _, ok := n.agencies[a.Agency]; !ok && a.Owner != "" {
			if n.juris[a.Owner] == nil || !strings.HasPrefix(a.Agency, a.Owner+"/") || !slices.Contains(jurisdictions.AgencyKinds(), a.Kind) {
				return fmt.Errorf("%s: aliases[%d]: owner %q must be a jurisdiction the agency id sits under, and kind one of %v", path, i, a.Owner, jurisdictions.AgencyKinds())
			}
			ag := &jurisdictions.Agency{Name: a.Name, Kind: a.Kind, Jurisdiction: a.Owner, Note: "Not in the FBI agency list; named by ICE. " + a.Reason}
			n.addAgency(ag, a.Agency)
			n.report.CreatedAgencies = append(n.report.CreatedAgencies, a.Agency)
		}
	}
	return nil
}

func stateOfID(id string) string {
	parts := strings.SplitN(id, "/", 3)
	if len(parts) < 2 {
		return ""
	}
	return strings.ToUpper(parts[1])
}

func (n *national) emit(agreements []*jurisdictions.Agreement) *Result {
	js := map[string][]*jurisdictions.Jurisdiction{}
	as := map[string][]*jurisdictions.Agency{}
	gs := map[string][]*jurisdictions.Agreement{}
	for _, j := range n.juris {
		js[stateOfID(j.ID)] = append(js[stateOfID(j.ID)], j)
	}
	for _, a := range n.agencies {
		as[stateOfID(a.ID)] = append(as[stateOfID(a.ID)], a)
	}
	for _, g := range agreements {
		gs[stateOfID(g.Agency)] = append(gs[stateOfID(g.Agency)], g)
	}
	out := &Result{Files: map[string][]byte{}, Report: n.report}
	for _, s := range n.states {
		u := s.USPS
		j := js[u]
		slices.SortFunc(j, func(a, b *jurisdictions.Jurisdiction) int {
			if (a.Kind == "state" || a.Kind == "district" || a.Kind == "territory") != (b.Kind == "state" || b.Kind == "district" || b.Kind == "territory") {
				if a.Kind == "state" || a.Kind == "district" || a.Kind == "territory" {
					return -1
				}
				return 1
			}
			return strings.Compare(a.ID, b.ID)
		})
		slices.SortFunc(as[u], func(a, b *jurisdictions.Agency) int { return strings.Compare(a.ID, b.ID) })
		slices.SortFunc(gs[u], func(a, b *jurisdictions.Agreement) int { return strings.Compare(a.ID, b.ID) })
		out.Files["us/"+strings.ToLower(u)+".yaml"] = emitState(u, j, as[u], gs[u])
	}
	out.Files["sources.yaml"] = n.sourceFiles()
	out.Files["REPORT.md"] = []byte(n.report.Markdown())
	out.Files["matches.csv"] = n.report.MatchesCSV()
	return out
}

// Write writes the result under dir, removing generated files the result no longer has.
func (r *Result) Write(dir string) error {
	if err := os.MkdirAll(filepath.Join(dir, "us"), 0o755); err != nil {
		return fmt.Errorf("writing the national layer: %w", err)
	}
	old, _ := filepath.Glob(filepath.Join(dir, "us", "*.yaml"))
	for _, p := range old {
		rel, _ := filepath.Rel(dir, p)
		if _, keep := r.Files[filepath.ToSlash(rel)]; !keep {
			if err := os.Remove(p); err != nil {
				return fmt.Errorf("writing the national layer: %w", err)
			}
		}
	}
	for _, name := range slices.Sorted(mapsKeys(r.Files)) {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), r.Files[name], 0o644); err != nil {
			return fmt.Errorf("writing the national layer: %w", err)
		}
	}
	return nil
}

// Check reports every file under dir that differs from the result: the generated layer is
// stale when the sources changed and `juris import` was not run.
func (r *Result) Check(dir string) error {
	var stale []string
	for _, name := range slices.Sorted(mapsKeys(r.Files)) {
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil || !bytes.Equal(got, r.Files[name]) {
			stale = append(stale, name)
		}
	}
	old, _ := filepath.Glob(filepath.Join(dir, "us", "*.yaml"))
	for _, p := range old {
		rel, _ := filepath.Rel(dir, p)
		if _, ok := r.Files[filepath.ToSlash(rel)]; !ok {
			stale = append(stale, filepath.ToSlash(rel)+" (not generated)")
		}
	}
	if len(stale) > 0 {
		return fmt.Errorf("the national layer in %s is not what `juris import` makes from the sources; rerun it: %s", dir, strings.Join(stale, ", "))
	}
	return nil
}

func mapsKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}
