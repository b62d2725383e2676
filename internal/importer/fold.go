package importer

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// fold lower-cases s, strips accents and apostrophes, and turns other punctuation into single
// spaces: the form names are compared in.
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r), r == '\'', r == '’', r == '.':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		case r == '&':
			b.WriteString(" and ")
		default:
			b.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// foldName folds an agency name and evens out spellings that differ between sources:
// "Sheriff's Office", "Sheriffs Office" and the MOA index's "sheriff s office" all give
// "sheriffs office"; "Dept." gives "department".
func foldName(s string) string {
	f := " " + fold(s) + " "
	for _, r := range [][2]string{
		{" sheriff s ", " sheriffs "}, {" sheriff ", " sheriffs "},
		{" dept ", " department "}, {" departent ", " department "}, {" departement ", " department "}, {" twp ", " township "},
		{" co ", " county "}, {" pd ", " police department "}, {" so ", " sheriffs office "},
		{" saint ", " st "}, {" ft ", " fort "}, {" mt ", " mount "},
	} {
		for strings.Contains(f, r[0]) {
			f = strings.ReplaceAll(f, r[0], r[1])
		}
	}
	return strings.TrimSpace(f)
}

// nameSuffixes are words that differ between sources' names for one agency.
var nameSuffixes = []string{" police department", " police services department", " board of trustees", " department", " police", " office"}

// nameVariants are the keys an agency name is matched under, most exact first: the folded name,
// then without the state's name in front, then without a trailing "police department",
// "department" or "board of trustees" ("Florida A&M University Board of Trustees" matches the
// FBI's "Florida A&M University").
func nameVariants(name, stateName string) []string {
	f := foldName(name)
	out := []string{f}
	add := func(v string) {
		if v != "" && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	st := fold(stateName)
	bare := strings.TrimPrefix(f, st+" ")
	add(bare)
	for _, v := range []string{f, bare} {
		for _, s := range nameSuffixes {
			if strings.HasSuffix(v, s) {
				add(strings.TrimSuffix(v, s))
			}
		}
	}
	// The MOA index drops "&" ("florida a m university", "fish wildlife"): match without "and".
	for _, v := range slices.Clone(out) {
		add(strings.ReplaceAll(" "+v+" ", " and ", " ")[1:])
	}
	for i, v := range out {
		out[i] = strings.TrimSpace(v)
	}
	return out
}
