package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/jurisproject/juris/resolver"
)

// cmdReport prints the landscape report.
func cmdReport(ctx context.Context, o *options, pos []string, w io.Writer) (int, error) {
	if len(pos) != 0 {
		return 2, errors.New("juris report takes no arguments: juris report [--as-of D] [--state ST] [--format F] [-o FILE]")
	}
	var scope []string
	if o.state != "" {
		if !isCode(strings.ToUpper(o.state)) {
			return 2, fmt.Errorf("--state %q: give a state's USPS code, such as TX", o.state)
		}
		scope = append(scope, "us/"+strings.ToLower(o.state))
	}
	r, err := o.resolver(ctx, scope...)
	if err != nil {
		return 1, err
	}
	rep, err := r.Report(ctx, resolver.ReportQuery{AsOf: o.asOf, State: o.state})
	if err != nil {
		return 1, err
	}
	return 0, writeJSON(w, rep)
}
