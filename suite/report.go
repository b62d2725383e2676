package suite

import (
	"fmt"
	"strings"
)

// Report describes a failed case for a person: what did not match and the decision's reasons.
func Report(r *Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "FAIL %s:%d: %s\n", r.File, r.Line, r.Name)
	if r.Err != nil {
		fmt.Fprintf(&b, "  error: %v\n", r.Err)
		return b.String()
	}
	for _, f := range r.Failures {
		fmt.Fprintf(&b, "  %s\n", f)
	}
	if d := r.Agency; d != nil {
		fmt.Fprintf(&b, "  decision: %s\n", d.Summary)
		for _, x := range d.Reasons {
			fmt.Fprintf(&b, "    because: %s\n", x.Sentence)
		}
		for _, x := range d.SetAside {
			fmt.Fprintf(&b, "    set aside: %s: %s\n", x.Citation, x.Sentence)
		}
	}
	if d := r.Locality; d != nil {
		fmt.Fprintf(&b, "  decision: %s\n", d.Summary)
		for _, p := range d.Policies {
			fmt.Fprintf(&b, "    policy %s: %s: %s\n", p.Norm, p.Status, p.Sentence)
		}
		for _, x := range d.Bypasses {
			fmt.Fprintf(&b, "    bypass: %s\n", x.Sentence)
		}
	}
	return b.String()
}
