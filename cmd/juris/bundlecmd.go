package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/jurisproject/juris/bundle"
	"github.com/jurisproject/juris/jurisdictions"
	"github.com/jurisproject/juris/policy"
)

// cmdBundle writes an OPA bundle of the policy and the facts.
func cmdBundle(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bundle", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "", "the bundle file to write (.tar.gz)")
	var facts, pol multi
	fs.Var(&facts, "facts", "fact directory laid over the embedded dataset (repeatable)")
	fs.Var(&pol, "policy", "extra Rego policy directory (repeatable)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *out == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: juris bundle -o FILE [--facts DIR] [--policy DIR]")
		return 2
	}
	ds, err := jurisdictions.Default()
	if err != nil {
		fmt.Fprintf(stderr, "juris bundle: embedded dataset: %v\n", err)
		return 1
	}
	for _, f := range facts {
		files, err := jurisdictions.ReadPath(f)
		if err == nil {
			ds, err = ds.Layer(files...)
		}
		if err != nil {
			fmt.Fprintf(stderr, "juris bundle: %v\n", err)
			return 1
		}
	}
	extra := map[string]string{}
	for _, d := range pol {
		mods, err := policy.ReadDir(d)
		if err != nil {
			fmt.Fprintf(stderr, "juris bundle: %v\n", err)
			return 1
		}
		for k, v := range mods {
			extra[k] = v
		}
	}
	f, err := os.Create(*out)
	if err != nil {
		fmt.Fprintf(stderr, "juris bundle: %v\n", err)
		return 1
	}
	rev, err := bundle.Write(ctx, f, ds, extra)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(*out)
		fmt.Fprintf(stderr, "juris bundle: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s (revision %s): serve it with `opa run --server --bundle %s`\n", *out, rev, *out)
	return 0
}
