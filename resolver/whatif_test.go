package resolver

import (
	"context"
	"encoding/json"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/jurisproject/juris/jurisdictions"
)

const assumedSheriff = `
agreements:
  - {agency: us/oh/franklin-county/sheriff, model: jail-enforcement, signed: 2026-10-01, until: 2027-01-01}
`

// TestAssumedAgreementNeedsNoSource: a what-if's agreement needs only agency, model and signed
// (and optionally until); it is marked assumed in the answer and ends at until.
func TestAssumedAgreementNeedsNoSource(t *testing.T) {
	ctx := context.Background()
	base, err := New(ctx, WithStates("OH"))
	require.NoError(t, err)
	f, err := jurisdictions.ParseFile("whatif.yaml", []byte(assumedSheriff))
	require.NoError(t, err)
	r, err := base.Layer(ctx, f)
	require.NoError(t, err)

	d, err := r.Locality(ctx, LocalityQuery{Locality: "us/oh/columbus", AsOf: "2026-12-01"})
	require.NoError(t, err)
	require.Equal(t, []string{"us/oh/franklin-county/sheriff"}, d.BypassedBy)
	require.True(t, d.Bypasses[0].Assumed)
	require.Contains(t, d.Bypasses[0].Sentence, "assumed signed 2026-10-01 (a what-if, not a fact)")
	b, err := json.Marshal(d)
	require.NoError(t, err)
	require.Contains(t, string(b), `"assumed":true`)

	a, err := r.Agency(ctx, AgencyQuery{Agency: "us/oh/franklin-county/sheriff", Model: "jail-enforcement", AsOf: "2026-12-01"})
	require.NoError(t, err)
	require.Len(t, a.Agreements, 1)
	require.True(t, a.Agreements[0].Assumed)
	require.True(t, a.Agreements[0].InForce)

	after, err := r.Locality(ctx, LocalityQuery{Locality: "us/oh/columbus", AsOf: "2027-01-01"})
	require.NoError(t, err)
	require.False(t, after.Bypassed, "the assumed agreement ends at until")

	// The same file laid as facts (not a what-if) must cite its source, and may not use until.
	_, err = New(ctx, WithStates("OH"), WithFactFiles(f))
	require.Error(t, err)
	require.Contains(t, err.Error(), "whatif.yaml:3: source: required")
	require.Contains(t, err.Error(), "whatif.yaml:3: until: applies to assumed agreements")
}

// TestConcurrentLayerSharesNothing: Layer is documented safe for concurrent use; eight goroutines
// laying one parsed file over one resolver must not race (run with -race), and the caller's file
// is left as it was (the dataset fills in agreement ids on its own copies).
func TestConcurrentLayerSharesNothing(t *testing.T) {
	ctx := context.Background()
	base, err := New(ctx, WithStates("OH"))
	require.NoError(t, err)
	f, err := jurisdictions.ParseFile("whatif.yaml", []byte(assumedSheriff))
	require.NoError(t, err)
	var wg sync.WaitGroup
	errs := make([]error, 8)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := base.Layer(ctx, f)
			if err == nil {
				_, err = r.Locality(ctx, LocalityQuery{Locality: "us/oh/columbus", AsOf: "2026-12-01"})
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	for _, err := range errs {
		require.NoError(t, err)
	}
	require.Empty(t, f.Agreements[0].ID, "Layer wrote into the caller's file")
	require.False(t, f.Agreements[0].Assumed, "Layer wrote into the caller's file")
}

// TestQuestionsByORIAndWrongKinds: the library accepts an FBI ORI wherever juris explain does, and
// an id of the wrong kind gets an InputError that says what to ask instead.
func TestQuestionsByORIAndWrongKinds(t *testing.T) {
	ctx := context.Background()
	r, err := New(ctx, WithStates("TX"))
	require.NoError(t, err)
	d, err := r.Agency(ctx, AgencyQuery{Agency: "TX2270100", Model: "task-force", AsOf: "2026-06-01"})
	require.NoError(t, err)
	require.Equal(t, "us/tx/austin/police", d.Agency)

	_, err = r.Agency(ctx, AgencyQuery{Agency: "us/tx/austin", Model: "task-force"})
	var ie *InputError
	require.ErrorAs(t, err, &ie)
	require.Contains(t, ie.Msg, "is a jurisdiction (city), not an agency")
	require.Contains(t, ie.Valid, "us/tx/austin/police")

	_, err = r.Locality(ctx, LocalityQuery{Locality: "us/tx/austin/police"})
	require.ErrorAs(t, err, &ie)
	require.Equal(t, []string{"us/tx/austin"}, ie.Valid)

	// InputError.Valid is the caller's to change: the package's vocabularies stay as they were
	_, err = r.Agency(ctx, AgencyQuery{Agency: "us/tx/austin/police", Model: "no-such-model"})
	require.ErrorAs(t, err, &ie)
	ie.Valid[0] = "changed"
	require.Equal(t, "jail-enforcement", jurisdictions.Models()[0])
}

// TestNamesFindTheOneRightThing: the names researchers type find one government or agency; an
// alias id (a county a consolidated government absorbed) names the government; a typo gets
// candidates; an ambiguous name lists governments before agencies.
func TestNamesFindTheOneRightThing(t *testing.T) {
	r := newResolver(t)
	for q, want := range map[string]string{
		"New York City":                 "us/ny/new-york",
		"NYC":                           "us/ny/new-york",
		"NYPD":                          "us/ny/new-york/police",
		"Nashville, TN":                 "us/tn/nashville-davidson",
		"Louisville, KY":                "us/ky/louisville",
		"Denver Sheriff":                "us/co/denver/sheriff",
		"us/tn/davidson-county":         "us/tn/nashville-davidson",
		"us/tn/davidson-county/sheriff": "us/tn/nashville-davidson/sheriff",
		"us/ny/kings-county":            "us/ny/new-york",
		"MNPD":                          "us/tn/nashville-davidson/police",
	} {
		ms := r.Find(q)
		require.Len(t, ms, 1, "%q: %v", q, ms)
		require.Equal(t, want, ms[0].ID, q)
	}
	require.Empty(t, r.Find("Austn, TX"))
	near := r.Nearest("Austn, TX", 5)
	require.NotEmpty(t, near)
	require.Equal(t, "us/tx/austin", near[0].ID)
	// A mistyped id: the closest ids first, and only the close ones.
	sugg := r.Suggest("us/tx/austn", "jurisdiction")
	require.NotEmpty(t, sugg)
	require.Equal(t, "us/tx/austin", sugg[0])
	require.NotContains(t, sugg, "us/tx/abbott")
	require.Equal(t, "us/tx/travis-county/sheriff", r.Suggest("us/tx/travis-county/sherif", "agency")[0])
	ms := r.Find("Louisville")
	require.Greater(t, len(ms), 1)
	require.Equal(t, "jurisdiction", ms[0].Type)
	require.Equal(t, "us/ky/louisville", ms[0].ID, "the most populous Louisville first")
	require.Equal(t, "us/tn/nashville-davidson/sheriff", r.Canonical("us/tn/davidson-county/sheriff"))
}
