package main

import (
	"fmt"
	"io"

	"github.com/jurisproject/juris/jurisdictions"
)

// validate checks fact files: each path alone when it is a full dataset, else layered on the
// embedded dataset; with no path, the embedded dataset itself.
func cmdValidate(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		// the embedded dataset: the national layer with the curated facts over it
		ds, err := jurisdictions.Default()
		if err != nil {
			fmt.Fprintf(stderr, "embedded dataset: %v\n", err)
			return 1
		}
		fmt.Fprintf(stdout, "embedded dataset: ok (%d files; %d jurisdictions, %d agencies, %d norms, %d agreements)\n",
			len(ds.Files), len(ds.Jurisdictions), len(ds.Agencies), len(ds.Norms), len(ds.Agreements))
		return 0
	}
	bad := 0
	for _, p := range args {
		files, err := jurisdictions.ReadPath(p)
		if err == nil {
			_, err = buildOrLayer(files)
		}
		if err != nil {
			fmt.Fprintf(stderr, "%v\n", err)
			bad++
			continue
		}
		fmt.Fprintf(stdout, "%s: ok (%d files)\n", p, len(files))
	}
	if bad > 0 {
		return 1
	}
	return 0
}

// buildOrLayer builds files as a dataset of their own when they hold the nation, else lays them
// over the embedded dataset.
func buildOrLayer(files []*jurisdictions.File) (*jurisdictions.Dataset, error) {
	for _, f := range files {
		for _, j := range f.Jurisdictions {
			if j != nil && j.Kind == "nation" {
				return jurisdictions.Build(files...)
			}
		}
	}
	base, err := jurisdictions.Default()
	if err != nil {
		return nil, fmt.Errorf("embedded dataset: %w", err)
	}
	return base.Layer(files...)
}
