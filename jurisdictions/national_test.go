package jurisdictions

import (
	"fmt"
	"maps"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestCuratedKeepsGeneratedCodes: a hand-curated entity replaces the generated one with its id
// as a whole, so it must carry the same Census and FBI codes, kind and parent: nothing the
// generated layer knew may be lost or contradicted by a curated override.
func TestCuratedKeepsGeneratedCodes(t *testing.T) {
	national, err := ReadFS(NationalFS(), "jurisdictions/national")
	require.NoError(t, err)
	curated, err := ReadFS(EmbeddedFS(), "jurisdictions/data")
	require.NoError(t, err)
	genJ := map[string]*Jurisdiction{}
	genA := map[string]*Agency{}
	for _, f := range national {
		for _, j := range f.Jurisdictions {
			genJ[j.ID] = j
		}
		for _, a := range f.Agencies {
			genA[a.ID] = a
		}
	}
	var problems []string
	overrides := 0
	for _, f := range curated {
		for _, j := range f.Jurisdictions {
			g, ok := genJ[j.ID]
			if !ok {
				continue
			}
			overrides++
			if j.Population != g.Population || !maps.Equal(j.CountyShares, g.CountyShares) {
				problems = append(problems, fmt.Sprintf("%s:%d: %s: curated population %d shares %v; generated %d %v", j.pos.at.File, j.pos.at.Line, j.ID, j.Population, j.CountyShares, g.Population, g.CountyShares))
			}
			if j.GEOID != g.GEOID || j.Kind != g.Kind || j.Parent != g.Parent {
				problems = append(problems, fmt.Sprintf("%s:%d: %s: curated geoid %q kind %s parent %s; generated geoid %q kind %s parent %s", j.pos.at.File, j.pos.at.Line, j.ID, j.GEOID, j.Kind, j.Parent, g.GEOID, g.Kind, g.Parent))
			}
		}
		for _, a := range f.Agencies {
			g, ok := genA[a.ID]
			if !ok {
				continue
			}
			overrides++
			if a.ORI != g.ORI || a.Kind != g.Kind || a.Jurisdiction != g.Jurisdiction {
				problems = append(problems, fmt.Sprintf("%s:%d: %s: curated ori %q kind %s owner %s; generated ori %q kind %s owner %s", a.pos.at.File, a.pos.at.Line, a.ID, a.ORI, a.Kind, a.Jurisdiction, g.ORI, g.Kind, g.Jurisdiction))
			}
		}
	}
	require.Empty(t, problems)
	require.Greater(t, overrides, 50, "the curated states and case studies override generated entities")
}
