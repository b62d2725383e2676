package main

import (
	"context"
	"errors"
	"io"

	"github.com/jurisproject/juris/resolver"
)

func renderHTML(ctx context.Context, r *resolver.Resolver, w io.Writer, rep *resolver.Report) error {
	return errors.New("html: not wired yet")
}
