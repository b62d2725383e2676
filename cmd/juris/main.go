// Command juris answers, with citations and as of a date, whether an agency may or must sign a
// 287(g) agreement and whose local policy such an agreement overrides or bypasses.
package main

import (
	"context"
	"os"
)

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}
