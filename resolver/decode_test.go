package resolver

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestDecodeErrorNamesThePath: a value of the wrong kind is an error naming where it is.
func TestDecodeErrorNamesThePath(t *testing.T) {
	type inner struct {
		Flags []bool `json:"flags"`
	}
	var out struct {
		Items map[string]inner `json:"items"`
		Name  string           `json:"name"`
	}
	v := map[string]any{"name": "x", "items": map[string]any{"k": map[string]any{"flags": []any{true, json.Number("1")}}}}
	err := decodeValue(v, &out, nil)
	require.EqualError(t, err, "decoding decision: items.k.flags[1]: a json.Number cannot fill a bool")
	require.NoError(t, decodeValue(map[string]any{"name": "2026-01-02"}, &out, replacer("2026-01-02", "2026-01-05")))
	require.Equal(t, "2026-01-05", out.Name)
}
