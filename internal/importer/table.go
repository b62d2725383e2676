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

// tableSource is what every entry of a curated table says of its source: the citation, its URL,
// other sources, whether it was verified, with what confidence, and a note.
type tableSource struct {
	Citation   string   `yaml:"citation"`
	URL        string   `yaml:"url"`
	Sources    []string `yaml:"sources"`
	Verified   bool     `yaml:"verified"`
	Confidence string   `yaml:"confidence"`
	Note       string   `yaml:"note"`
}
