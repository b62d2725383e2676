package importer

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/text/encoding/charmap"

	"github.com/jurisproject/juris/jurisdictions"
)

// state is one row of states.csv.
type state struct {
	FIPS, USPS, Name string
	Counties         int
}

// county is a county-equivalent from counties_2020.csv, with its population summed from Geocorr.
type county struct {
	GEOID, USPS, Name string
	ID                string
	Kind              string
	Population        int
	base              string // folded name without the legal suffix, for matching
}

// place is an incorporated place from Geocorr: its pairs with the counties it lies in.
type place struct {
	GEOID, USPS string
	Name        string // without the legal suffix
	Suffix      string // the legal suffix ("city", "town", ...), "" where the name has none
	Kind        string
	ID          string
	Population  int
	Pairs       []placePair
}

type placePair struct {
	County string // county GEOID
	Pop    int
	Share  float64 // place-to-county allocation factor
}

// readCSV reads every record of a CSV file, decoding latin-1 when asked.
func readCSV(path string, latin1 bool) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	defer f.Close()
	var r io.Reader = f
	if latin1 {
		r = charmap.ISO8859_1.NewDecoder().Reader(f)
	}
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	recs, err := cr.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	return recs, nil
}

// header maps column names to indexes and checks the wanted columns are there.
func header(path string, rec []string, want ...string) (map[string]int, error) {
	h := map[string]int{}
	for i, c := range rec {
		h[strings.TrimSpace(strings.TrimPrefix(c, "\ufeff"))] = i
	}
	for _, w := range want {
		if _, ok := h[w]; !ok {
			return nil, fmt.Errorf("%s: missing column %q (have %s)", path, w, strings.Join(rec, ", "))
		}
	}
	return h, nil
}

func readStates(dir string) ([]state, error) {
	path := filepath.Join(dir, "census", "states.csv")
	recs, err := readCSV(path, false)
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("%s: empty", path)
	}
	h, err := header(path, recs[0], "state_fips", "state_usps", "state_name", "county_equivalents_2020")
	if err != nil {
		return nil, err
	}
	var out []state
	have := map[string]bool{}
	for i, r := range recs[1:] {
		n, err := strconv.Atoi(r[h["county_equivalents_2020"]])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: county_equivalents_2020: %w", path, i+2, err)
		}
		out = append(out, state{FIPS: r[h["state_fips"]], USPS: r[h["state_usps"]], Name: r[h["state_name"]], Counties: n})
		have[r[h["state_usps"]]] = true
	}
	for _, t := range territories {
		if !have[t.USPS] {
			out = append(out, t)
		}
	}
	return out, nil
}

// territories are the island areas ICE and the FBI list agencies in, which states.csv (the 50
// states, DC and Puerto Rico) leaves out: FIPS state codes from the Census Bureau's ANSI/FIPS code
// lists (https://www.census.gov/library/reference/code-lists/ansi.html). The county-equivalents
// file has none of their counties (Guam's villages, the islands' municipalities, districts), so
// they have none here.
var territories = []state{
	{FIPS: "60", USPS: "AS", Name: "American Samoa"},
	{FIPS: "66", USPS: "GU", Name: "Guam"},
	{FIPS: "69", USPS: "MP", Name: "Northern Mariana Islands"},
	{FIPS: "78", USPS: "VI", Name: "U.S. Virgin Islands"},
}

// isTerritory reports whether usps is a territory: Puerto Rico or an island area.
func isTerritory(usps string) bool {
	if usps == "PR" {
		return true
	}
	for _, t := range territories {
		if t.USPS == usps {
			return true
		}
	}
	return false
}

// countySuffixes are the legal suffixes of county-equivalent names, longest first.
var countySuffixes = []string{" City and Borough", " Census Area", " Municipality", " Municipio", " Borough", " County", " Parish", " city"}

func countyBase(name string) string {
	for _, s := range countySuffixes {
		if strings.HasSuffix(name, s) {
			return strings.TrimSuffix(name, s)
		}
	}
	return name
}

func countyKind(name string) string {
	switch {
	case strings.HasSuffix(name, " city"), name == "Carson City", strings.HasSuffix(name, " City and Borough"), strings.HasSuffix(name, " Municipality"):
		return "city-county"
	}
	return "county"
}

func readCounties(dir string) ([]*county, error) {
	path := filepath.Join(dir, "census", "counties_2020.csv")
	recs, err := readCSV(path, false)
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("%s: empty", path)
	}
	h, err := header(path, recs[0], "geoid", "state_usps", "county_name")
	if err != nil {
		return nil, err
	}
	var out []*county
	for _, r := range recs[1:] {
		name := strings.TrimSpace(r[h["county_name"]])
		usps := r[h["state_usps"]]
		out = append(out, &county{
			GEOID: r[h["geoid"]], USPS: usps, Name: name, Kind: countyKind(name),
			ID:   "us/" + strings.ToLower(usps) + "/" + jurisdictions.Slug(name),
			base: fold(countyBase(name)),
		})
	}
	return out, nil
}

// placeSuffixes are Geocorr's legal suffixes of incorporated places, longest first, with the
// kind each gives. Places with other suffixes (CDP, comunidad, zona urbana) are not incorporated.
var placeSuffixes = []struct{ suffix, kind string }{
	{" consolidated government (balance)", "city-county"},
	{" metropolitan government (balance)", "city-county"},
	{" unified government (balance)", "city-county"},
	{" metro government (balance)", "city-county"},
	{" consolidated government", "city-county"},
	{" metropolitan government", "city-county"},
	{" unified government", "city-county"},
	{" city and borough", "city-county"},
	{" city (balance)", "city"},
	{" metro township", "town"},
	{" urban county", "city-county"},
	{" (balance)", "city"},
	{" municipality", "city"},
	{" corporation", "town"},
	{" borough", "borough"},
	{" village", "village"},
	{" city", "city"},
	{" town", "town"},
}

var unincorporated = []string{" CDP", " comunidad", " zona urbana"}

// geocorr holds what readGeocorr found: places, county populations, and rows left out.
type geocorr struct {
	places    []*place
	countyPop map[string]int // county GEOID -> 2020 population
	rows      int
	skipped   map[string]int // reason -> rows
	nameless  []string       // place GEOIDs Geocorr gives no name for
}

func readGeocorr(dir string) (*geocorr, error) {
	path := filepath.Join(dir, "census", "geocorr2022_county_to_place_2020.csv")
	recs, err := readCSV(path, true)
	if err != nil {
		return nil, err
	}
	if len(recs) < 2 {
		return nil, fmt.Errorf("%s: too short", path)
	}
	h, err := header(path, recs[0], "county", "state", "place", "stab", "PlaceName", "pop20", "afact2")
	if err != nil {
		return nil, err
	}
	g := &geocorr{countyPop: map[string]int{}, skipped: map[string]int{}}
	byGEOID := map[string]*place{}
	for i, r := range recs[2:] { // the second row holds labels
		line := i + 3
		g.rows++
		pop, err := strconv.Atoi(strings.TrimSpace(r[h["pop20"]]))
		if err != nil {
			return nil, fmt.Errorf("%s:%d: pop20: %w", path, line, err)
		}
		share := 0.0 // Geocorr leaves the factor empty for pairs with no population
		if f := strings.TrimSpace(r[h["afact2"]]); f != "" {
			if share, err = strconv.ParseFloat(f, 64); err != nil {
				return nil, fmt.Errorf("%s:%d: afact2: %w", path, line, err)
			}
		}
		cty := r[h["county"]]
		g.countyPop[cty] += pop
		code := r[h["place"]]
		if code == "99999" {
			g.skipped["not in a place"]++
			continue
		}
		full := strings.TrimSpace(r[h["PlaceName"]])
		name, _, _ := strings.Cut(full, ", ")
		if idx := strings.LastIndex(full, ", "); idx >= 0 {
			name = full[:idx]
		}
		geoid := r[h["state"]] + code
		if name == "" || name == geoid || isDigits(name) {
			g.skipped["place with no name in Geocorr"]++
			g.nameless = append(g.nameless, geoid)
			continue
		}
		if hasAnySuffix(name, unincorporated) {
			g.skipped["census-designated or unincorporated place"]++
			continue
		}
		p := byGEOID[geoid]
		if p == nil {
			base, suffix, kind := name, "", "city"
			for _, s := range placeSuffixes {
				if strings.HasSuffix(name, s.suffix) {
					base, suffix, kind = strings.TrimSuffix(name, s.suffix), strings.TrimSpace(s.suffix), s.kind
					break
				}
			}
			p = &place{GEOID: geoid, USPS: r[h["stab"]], Name: base, Suffix: suffix, Kind: kind}
			byGEOID[geoid] = p
			g.places = append(g.places, p)
		}
		p.Population += pop
		p.Pairs = append(p.Pairs, placePair{County: cty, Pop: pop, Share: share})
	}
	return g, nil
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

func hasAnySuffix(s string, suffixes []string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}
