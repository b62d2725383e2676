package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/jurisproject/juris/internal/importer"
)

// cmdImport rebuilds the generated national layer from the public source files (--sources, or
// $JURIS_SOURCES) and the curated tables in jurisdictions/sources.
func cmdImport(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	sources := fs.String("sources", os.Getenv("JURIS_SOURCES"), "folder of the public files (census/, agencies/, ice287g/), e.g. ../shared/data; default $JURIS_SOURCES")
	curated := fs.String("curated", "jurisdictions/sources", "folder of the project's curated tables (aliases.yaml, jails.yaml, consolidated.yaml, sheriffs.yaml)")
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
	if *sources == "" {
		fmt.Fprintln(stderr, "juris import: --sources is required (or set $JURIS_SOURCES): the folder of the public Census, FBI and ICE files, laid out as census/, agencies/, ice287g/ (e.g. --sources ../shared/data); jurisdictions/sources/README.md says where each file is published")
		return 2
	}
	res, err := importer.Run(ctx, *sources, *curated)
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
