package main

import (
	"regexp"
	"strings"
)

// stateNames maps the states, DC and Puerto Rico to their USPS codes.
var stateNames = map[string]string{
	"alabama": "AL", "alaska": "AK", "arizona": "AZ", "arkansas": "AR", "california": "CA",
	"colorado": "CO", "connecticut": "CT", "delaware": "DE", "district of columbia": "DC",
	"florida": "FL", "georgia": "GA", "hawaii": "HI", "idaho": "ID", "illinois": "IL",
	"indiana": "IN", "iowa": "IA", "kansas": "KS", "kentucky": "KY", "louisiana": "LA",
	"maine": "ME", "maryland": "MD", "massachusetts": "MA", "michigan": "MI", "minnesota": "MN",
	"mississippi": "MS", "missouri": "MO", "montana": "MT", "nebraska": "NE", "nevada": "NV",
	"new hampshire": "NH", "new jersey": "NJ", "new mexico": "NM", "new york": "NY",
	"north carolina": "NC", "north dakota": "ND", "ohio": "OH", "oklahoma": "OK", "oregon": "OR",
	"pennsylvania": "PA", "puerto rico": "PR", "rhode island": "RI", "south carolina": "SC",
	"south dakota": "SD", "tennessee": "TN", "texas": "TX", "utah": "UT", "vermont": "VT",
	"virginia": "VA", "washington": "WA", "west virginia": "WV", "wisconsin": "WI", "wyoming": "WY",
}

var (
	idState  = regexp.MustCompile(`^us/([a-z]{2})(/|$)`)
	oriState = regexp.MustCompile(`^([A-Z]{2})[0-9A-Z]{7}$`)
	nonWord  = regexp.MustCompile(`[^a-z]+`)
)

func isCode(c string) bool {
	for _, v := range stateNames {
		if v == c {
			return true
		}
	}
	return false
}

// stateOf names the one state a query is about ("us/tx/austin", "Austin, TX", "Travis County,
// Texas", the ORI "TX0080000"), or "" when the query does not say. A question about one state
// loads only that state's national layer.
func stateOf(q string) string {
	q = strings.TrimSpace(q)
	if m := idState.FindStringSubmatch(q); m != nil {
		return strings.ToUpper(m[1])
	}
	if m := oriState.FindStringSubmatch(q); m != nil {
		if m[1] == "NB" { // the FBI's code for Nebraska
			return "NE"
		}
		if isCode(m[1]) {
			return m[1]
		}
		return ""
	}
	words := strings.Fields(nonWord.ReplaceAllString(strings.ToLower(q), " "))
	if len(words) < 2 {
		return ""
	}
	for n := 3; n >= 1; n-- {
		if len(words) <= n {
			continue
		}
		tail := strings.Join(words[len(words)-n:], " ")
		if c, ok := stateNames[tail]; ok {
			return c
		}
		if n == 1 && len(tail) == 2 && isCode(strings.ToUpper(tail)) {
			return strings.ToUpper(tail)
		}
	}
	return ""
}
