package jurisdictions

import (
	"encoding/json"
	"fmt"
	"time"

	"go.yaml.in/yaml/v3"
)

// Date is a calendar date written YYYY-MM-DD. Its string form sorts in date order, which the
// policy relies on.
type Date string

// ParseDate checks that s is a real calendar date written YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	if len(s) != 10 {
		return "", fmt.Errorf("date %q: want YYYY-MM-DD", s)
	}
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		return "", fmt.Errorf("date %q: want a real date written YYYY-MM-DD", s)
	}
	return Date(s), nil
}

// Today returns the current date in UTC.
func Today() Date { return Date(time.Now().UTC().Format(time.DateOnly)) }

// String returns the date as YYYY-MM-DD.
func (d Date) String() string { return string(d) }

// UnmarshalYAML reads a date, refusing anything but YYYY-MM-DD.
func (d *Date) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("line %d: want a date YYYY-MM-DD, got a %s", n.Line, kindName(n.Kind))
	}
	v, err := ParseDate(n.Value)
	if err != nil {
		return fmt.Errorf("line %d: %w", n.Line, err)
	}
	*d = v
	return nil
}

// MarshalJSON writes the date as a JSON string.
func (d Date) MarshalJSON() ([]byte, error) { return json.Marshal(string(d)) }

func kindName(k yaml.Kind) string {
	switch k {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	case yaml.ScalarNode:
		return "scalar"
	case yaml.AliasNode:
		return "alias"
	case yaml.DocumentNode:
		return "document"
	}
	return "node"
}
