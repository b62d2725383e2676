package main

import (
	"context"
	"fmt"
	"io"
)

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, "usage: juris validate PATH...")
		return 2
	}
	switch args[0] {
	case "validate":
		return cmdValidate(args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "juris: unknown command %q\n", args[0])
	return 2
}
