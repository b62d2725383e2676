package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/jurisproject/juris/suite"
)

func cmdTest(ctx context.Context, o *options, pos []string, w io.Writer) (int, error) {
	if len(pos) == 0 {
		return 2, errors.New("want case files: juris test FILE...")
	}
	if o.asOf != "" || o.model != "" || o.format != "text" {
		return 2, errors.New("--as-of, --model and --format do not apply to juris test: each case says its own")
	}
	r, err := o.resolver(ctx)
	if err != nil {
		return 1, err
	}
	passed, failed := 0, 0
	for _, f := range pos {
		s, err := suite.ParseFile(f)
		if err != nil {
			fmt.Fprintf(w, "ERROR %v\n", err)
			failed++
			continue
		}
		for _, res := range suite.Run(ctx, r, s) {
			if res.Passed() {
				passed++
				continue
			}
			failed++
			fmt.Fprint(w, suite.Report(res))
		}
	}
	fmt.Fprintf(w, "%d passed, %d failed\n", passed, failed)
	if failed > 0 {
		return 1, nil
	}
	return 0, nil
}
