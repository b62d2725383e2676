package importer

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/jurisproject/juris/jurisdictions"
)

// readTable reads one of the curated tables in dir (aliases.yaml, jails.yaml, consolidated.yaml,
// sheriffs.yaml) strictly: an unknown key or a value of the wrong type is an error naming the
// file, line and field. It returns the table and its path.
func readTable[T any](dir, name string) (*T, string, error) {
	path := filepath.Join(dir, name)
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, path, fmt.Errorf("reading %s: %w", path, err)
	}
	var t T
	if _, err := jurisdictions.Decode(path, data, &t); err != nil {
		return nil, path, err
	}
	return &t, path, nil
}
