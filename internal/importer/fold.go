package importer

import (
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
