package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/jurisproject/juris/resolver"
)

// cmdTimeline prints how the answer for an agency or a locality changed over time.
func cmdTimeline(ctx context.Context, o *options, pos []string, w io.Writer) (int, error) {
	if len(pos) != 1 {
		return 2, errors.New("want one id: juris timeline ID [--model MODEL]")
	}
	r, err := o.resolver(ctx, pos[0])
	if err != nil {
		return 1, err
	}
	id, err := resolveID(r, pos[0], "")
	if err != nil {
		return 1, err
	}
	ch, err := r.Timeline(ctx, resolver.TimelineQuery{ID: id, Model: o.model})
	if err != nil {
		return 1, err
	}
	out := struct {
		ID      string            `json:"id"`
		Changes []resolver.Change `json:"changes"`
	}{id, ch}
	return 0, emit(w, o.format, out, func() {
		fmt.Fprintf(w, "How the answer for %s changed, date by date\n", id)
		for _, c := range ch {
			model := ""
			if c.Model != "" {
				model = " [" + c.Model + "]"
			}
			fmt.Fprintf(w, "  %s%s: %s\n", c.Date, model, strings.Join(c.Changed, "; "))
			for _, b := range c.Because {
				fmt.Fprintf(w, "      because: %s\n", b)
			}
			fmt.Fprintf(w, "      %s\n", c.Summary)
			if c.Note != "" {
				fmt.Fprintf(w, "      note: %s\n", c.Note)
			}
		}
	})
}
