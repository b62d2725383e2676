package main

import (
	"context"
	"fmt"
	"io"

	"github.com/jurisproject/juris/jurisdictions"
	"github.com/jurisproject/juris/resolver"
)

// validate checks fact files: a curated dataset (files holding the nation) over the embedded
// national layer, any other files over the embedded dataset; with no path, the embedded dataset
// itself.
func cmdValidate(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		// the embedded dataset: the national layer with the curated facts over it
		ds, err := jurisdictions.Default()
		if err == nil {
			_, err = resolver.New(context.Background(), resolver.WithDataset(ds))
		}
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
		var ds *jurisdictions.Dataset
		if err == nil {
			ds, err = buildOrLayer(files)
		}
		if err == nil {
			// the policy's own checks: facts it cannot use as written
			_, err = resolver.New(context.Background(), resolver.WithDataset(ds))
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

// buildOrLayer lays files that hold the nation (a curated dataset such as jurisdictions/data)
// over the embedded generated national layer, in place of the embedded curated facts; other
// files are laid over the whole embedded dataset.
func buildOrLayer(files []*jurisdictions.File) (*jurisdictions.Dataset, error) {
	for _, f := range files {
		for _, j := range f.Jurisdictions {
			if j != nil && j.Kind == "nation" {
				national, err := jurisdictions.ReadFS(jurisdictions.NationalFS(), "jurisdictions/national")
				if err != nil {
					return nil, fmt.Errorf("embedded national layer: %w", err)
				}
				return jurisdictions.BuildLayers(national, files)
			}
		}
	}
	base, err := jurisdictions.Default()
	if err != nil {
		return nil, fmt.Errorf("embedded dataset: %w", err)
	}
	return base.Layer(files...)
}
