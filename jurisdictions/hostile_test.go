package jurisdictions

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/jurisproject/juris/internal/hostile"
)

// TestHostileInputs feeds the loader alias bombs, deep nesting, an oversized file, binary data and
// the everyday mistakes (duplicate keys, tabs, a scalar for a mapping, unknown keys, wrong types).
// Each must be refused with an error naming the file, and the line where there is one, within
// 5 s and with the heap grown by under 1 GB; the light ones also through ReadPath from a file on
// disk.
func TestHostileInputs(t *testing.T) {
	require.Equal(t, MaxFileSize, hostile.MaxFileSize)
	dir := t.TempDir()
	for _, in := range hostile.Inputs() {
		t.Run(in.Name, func(t *testing.T) {
			if in.Heavy && hostile.Race {
				t.Skip("near the loader's limits: too slow under the race detector")
			}
			var err error
			m := hostile.Bounded(t, func() { _, err = ParseFile(in.Name, in.Data) })
			t.Logf("%s (%d bytes): refused in %v, heap grew %.1f MB", in.Name, len(in.Data), m.Elapsed.Round(100_000), float64(m.HeapGrow)/(1<<20))
			requireRefused(t, err, in.Name, in)
			if in.Heavy {
				return
			}
			path := filepath.Join(dir, in.Name)
			require.NoError(t, os.WriteFile(path, in.Data, 0o644))
			hostile.Bounded(t, func() { _, err = ReadPath(path) })
			requireRefused(t, err, path, in)
		})
	}
}

func requireRefused(t *testing.T, err error, file string, in hostile.Input) {
	t.Helper()
	require.Error(t, err)
	var es Errors
	require.True(t, errors.As(err, &es), "error of type %T: %v", err, err)
	require.LessOrEqual(t, len(es), 101, "errors not capped")
	for _, e := range es {
		require.Equal(t, file, e.File)
	}
	require.Contains(t, err.Error(), in.Want)
	first := es[0].Error()
	if in.Line > 0 {
		require.True(t, strings.HasPrefix(first, fmt.Sprintf("%s:%d: ", file, in.Line)), "%q does not name %s:%d", first, file, in.Line)
	} else {
		require.True(t, strings.HasPrefix(first, file+": "), "%q does not name %s", first, file)
	}
}
