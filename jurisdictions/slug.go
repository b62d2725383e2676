package jurisdictions

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Slug makes the id segment for a name, by the id scheme of docs/design.md: ASCII-folded, lower-case,
// apostrophes dropped, every other run of non-alphanumerics turned into one hyphen.
// "Doña Ana County" gives "dona-ana-county", "St. Mary's County" gives "st-marys-county".
func Slug(name string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFKD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r), r == '\'', r == '’', r == 'ʼ':
			// accents and apostrophes vanish
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(unicode.ToLower(r))
		default:
			hyphen = true
		}
	}
	return b.String()
}
