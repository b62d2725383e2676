package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/jurisproject/juris/internal/importer"
)

// cmdImport rebuilds the generated national layer from the source files.
func cmdImport(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	sources := fs.String("sources", "jurisdictions/sources", "folder of source files (Census, FBI, ICE) and their curated companions")
	out := fs.String("out", "jurisdictions/national", "folder the generated layer is written to")
	check := fs.Bool("check", false, "write nothing; fail if the folder differs from what the sources give")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "juris import: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	res, err := importer.Run(ctx, *sources)
	if err != nil {
		fmt.Fprintf(stderr, "juris import: %v\n", err)
		return 1
	}
	if *check {
		if err := res.Check(*out); err != nil {
			fmt.Fprintf(stderr, "juris import --check: %v\n", err)
			return 1
		}
		fmt.Fprintf(stdout, "%s: up to date (%d files)\n", *out, len(res.Files))
		return 0
	}
	if err := res.Write(*out); err != nil {
		fmt.Fprintf(stderr, "juris import: %v\n", err)
		return 1
	}
	r := res.Report
	fmt.Fprintf(stdout, "wrote %d files to %s: %d counties, %d places, %d municipalities, %d agencies, %d agreements\n",
		len(res.Files), *out, r.Counties, r.Places, r.Municipalities, r.Agencies, r.Agreements)
	return 0
}
