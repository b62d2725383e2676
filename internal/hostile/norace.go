//go:build !race

package hostile

// Race reports whether the race detector is on.
const Race = false

// slowdown is how much slower the race detector makes the loader, about.
const slowdown = 1
