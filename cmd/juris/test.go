package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"

	"github.com/jurisproject/juris/resolver"
	"github.com/jurisproject/juris/suite"
)

func cmdTest(ctx context.Context, o *options, pos []string, w io.Writer) (int, error) {
	if len(pos) == 0 {
		return 2, errors.New("want case files: juris test FILE...")
	}
	if o.asOf != "" || o.model != "" || o.format != "text" {
		return 2, errors.New("--as-of, --model and --format do not apply to juris test: each case says its own")
	}
	var match *regexp.Regexp
	if o.run != "" {
		var err error
		if match, err = regexp.Compile(o.run); err != nil {
			return 2, fmt.Errorf("--run: %w", err)
		}
	}
	// A case about one state runs over that state's facts (the same answer, a test checks:
	// TestOneStateAnswersAsTheNation), so its assumed facts are laid over far less; the rest over
	// the nation. With --facts or --policy every case runs over the one resolver they make.
	var pick suite.Picker
	if len(o.facts) > 0 || len(o.policy) > 0 {
		r, err := o.resolver(ctx)
		if err != nil {
			return 1, err
		}
		pick = func(*suite.Case) (*resolver.Resolver, error) { return r, nil }
	} else {
		pick = suite.ByState(ctx)
	}
	passed, failed, skipped := 0, 0, 0
	for _, f := range pos {
		s, err := suite.ParseFile(f)
		if err != nil {
			fmt.Fprintf(w, "ERROR %v\n", err)
			failed++
			continue
		}
		if match != nil {
			n := len(s.Cases)
			s.Cases = slices.DeleteFunc(s.Cases, func(c *suite.Case) bool { return !match.MatchString(c.Name) })
			skipped += n - len(s.Cases)
		}
		for _, res := range suite.RunPicked(ctx, pick, s) {
			if res.Passed() {
				passed++
				if o.verbose {
					fmt.Fprintf(w, "ok   %s:%d: %s\n", res.File, res.Line, res.Name)
				}
				continue
			}
			failed++
			fmt.Fprint(w, suite.Report(res))
		}
	}
	if match != nil {
		fmt.Fprintf(w, "%d passed, %d failed (%d not matching --run %q)\n", passed, failed, skipped, o.run)
	} else {
		fmt.Fprintf(w, "%d passed, %d failed\n", passed, failed)
	}
	if failed > 0 {
		return 1, nil
	}
	return 0, nil
}
