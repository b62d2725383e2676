package jurisdictions

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestPlainMatchesJSON: the data document equals what a JSON round trip of the same values gives,
// for the whole embedded dataset.
func TestPlainMatchesJSON(t *testing.T) {
	ds, err := Default()
	require.NoError(t, err)
	doc, err := ds.Document()
	require.NoError(t, err)
	b, err := json.Marshal(ds.typedDocument())
	require.NoError(t, err)
	var viaJSON map[string]any
	require.NoError(t, json.Unmarshal(b, &viaJSON))
	require.Equal(t, viaJSON, doc)
	// and the typed values themselves, field by field as encoding/json writes them
	for _, v := range []any{ds.Jurisdictions["us/tx/austin"], ds.Agencies["us/tx/travis-county/sheriff"], ds.Norms["us/tx/gov-code-753-051"]} {
		b, err := json.Marshal(v)
		require.NoError(t, err)
		var want any
		require.NoError(t, json.Unmarshal(b, &want))
		require.Equal(t, want, plainOf(v))
	}
}
