// Package hostile holds the hostile fact files the loader's robustness tests feed it (alias bombs,
// deep nesting, oversized and binary files, and the everyday mistakes), and a helper that runs a
// function under the robustness bounds: done within 5 s, with the heap grown by under 1 GB.
// It is used by the tests of jurisdictions and cmd/juris only.
package hostile

import (
	"runtime"
	"strings"
	"testing"
	"time"
)

// Bounds every hostile input must be refused within. They are robustness bounds, not speed
// benchmarks: a loader that hangs or expands an alias bomb blows through them by far. The race
// detector slows the loader about tenfold; MaxTime allows for it.
const (
	MaxTime = 5 * time.Second * slowdown
	MaxHeap = 1 << 30
)

// Input is one hostile fact file.
type Input struct {
	Name string // a file name: the error must name it
	Data []byte
	Want string // a substring of the error message
	Line int    // the line the error must name; 0 when the error has none
	// Heavy inputs take the loader near its limits (a second or two of parsing, hundreds of
	// megabytes). Tests run them once, and not at all under the race detector.
	Heavy bool
}

// MaxFileSize mirrors jurisdictions.MaxFileSize (this package cannot import jurisdictions, whose
// tests use it); a test in jurisdictions checks the two agree.
const MaxFileSize = 8 << 20

// laughs is the classic "billion laughs": nine levels of nine aliases, 9^9 lols once expanded.
func laughs(indent string) string {
	var b strings.Builder
	b.WriteString(indent + "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	prev := "a"
	for _, n := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		b.WriteString(indent + n + ": &" + n + " [" + strings.Repeat("*"+prev+", ", 8) + "*" + prev + "]\n")
		prev = n
	}
	return b.String()
}

// Inputs returns the hostile fact files, each with the error it must give.
func Inputs() []Input {
	// A bomb in a shape the loader accepts: 3,000 jurisdictions, each an alias of one whose
	// counties list has 1,000 entries, is 3 million values from a 42 KB file.
	var bomb strings.Builder
	bomb.WriteString("jurisdictions:\n  - &j {id: us/tx/x, name: X, kind: city, parent: us/tx, counties: [" +
		strings.Repeat("us/tx/travis-county, ", 999) + "us/tx/travis-county]}\n")
	for range 3000 {
		bomb.WriteString("  - *j\n")
	}
	deepBlock := func(depth int) string {
		var b strings.Builder
		b.WriteString("agencies:\n  - id: us/tx/x\n    note:\n")
		for i := range depth {
			b.WriteString(strings.Repeat(" ", 6+i) + "a:\n")
		}
		return b.String()
	}
	var unknown strings.Builder
	unknown.WriteString("agreements:\n")
	for range 5000 {
		unknown.WriteString("  - {agency: us/tx/travis-county/sheriff, sauce: ICE}\n")
	}
	return []Input{
		{Name: "laughs.yaml", Data: []byte(laughs("")), Want: `unknown key "a"`, Line: 1},
		{Name: "laughs-in-note.yaml", Data: []byte("agencies:\n  - id: us/tx/x\n    note:\n" + laughs("      ")),
			Want: "agencies[0].note: want a single value, got a mapping", Line: 4},
		{Name: "alias-bomb.yaml", Data: []byte(bomb.String()), Want: "more than 2000000 YAML nodes (an alias bomb?)", Line: 2, Heavy: true},
		{Name: "deep-flow.yaml", Data: []byte("jurisdictions: " + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + "\n"),
			Want: "jurisdictions[0]: want a mapping", Line: 1},
		{Name: "deeper-flow.yaml", Data: []byte("norms: " + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "\n"),
			Want: "exceeded max depth of 10000"},
		{Name: "deep-block.yaml", Data: []byte(deepBlock(2000)), Want: "agencies[0].note: want a single value, got a mapping", Line: 4},
		{Name: "deep-braces.yaml", Data: []byte("agencies:\n  - note: " + strings.Repeat("{a: ", 5000) + "1" + strings.Repeat("}", 5000) + "\n"),
			Want: "agencies[0].note: want a single value, got a mapping", Line: 2},
		{Name: "huge.yaml", Data: []byte("jurisdictions: []\n# " + strings.Repeat("x", MaxFileSize) + "\n"),
			Want: "over the 8388608-byte (8 MiB) cap"},
		{Name: "dense.yaml", Data: []byte("jurisdictions:\n  - id: us/tx/x\n    counties: [" + strings.Repeat("a,", 1_200_000) + "a]\n"),
			Want: "YAML separators"},
		{Name: "nearly-dense.yaml", Data: []byte("jurisdictions:\n  - id: us/tx/x\n    counties: [" + strings.Repeat("a,", 990_000) + "a]\n    sauce: x\n"),
			Want: `jurisdictions[0].sauce: unknown key "sauce"`, Line: 4, Heavy: true},
		{Name: "alias-fanout.yaml", Data: []byte("jurisdictions: [&a {id: us/tx/x, name: X}, " + strings.Repeat("*a, ", 200_000) + "*a]\n"),
			Want: "document contains excessive aliasing", Heavy: true},
		{Name: "nul.yaml", Data: []byte("jurisdictions:\n  - id: us/tx/x\x00\n"), Want: "binary data (a NUL byte)"},
		{Name: "utf16.yaml", Data: []byte("\xff\xfej\x00u\x00r\x00"), Want: "binary data"},
		{Name: "png.yaml", Data: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), Want: "binary data"},
		{Name: "latin1.yaml", Data: []byte("jurisdictions:\n  - id: us/nm/dona-ana-county\n    name: Do\xf1a Ana County\n"),
			Want: "byte 0xF1 is not UTF-8", Line: 3},
		{Name: "duplicate.yaml", Data: []byte("jurisdictions:\n  - id: us/tx/x\n    name: X\n    id: us/tx/y\n"),
			Want: `jurisdictions[0].id: key "id" written twice (first at line 2)`, Line: 4},
		{Name: "duplicate-top.yaml", Data: []byte("norms: []\nagencies: []\nnorms: []\n"), Want: `key "norms" written twice`, Line: 3},
		{Name: "tabs.yaml", Data: []byte("jurisdictions:\n\t- id: us/tx/x\n"), Want: "found character that cannot start any token", Line: 2},
		{Name: "scalar-for-mapping.yaml", Data: []byte("jurisdictions:\n  - us/tx/austin\n"), Want: "jurisdictions[0]: want a mapping", Line: 2},
		{Name: "scalar-file.yaml", Data: []byte("just some text\n"), Want: "want a mapping (key: value lines), got a scalar", Line: 1},
		{Name: "unknown-key.yaml", Data: []byte("agreements:\n  - agency: us/tx/travis-county/sheriff\n    sauce: ICE\n"),
			Want: `agreements[0].sauce: unknown key "sauce"; valid keys here:`, Line: 3},
		{Name: "unknown-top.yaml", Data: []byte("laws:\n  - id: us/tx/x\n"), Want: `unknown key "laws"`, Line: 1},
		{Name: "many-unknown.yaml", Data: []byte(unknown.String()), Want: "and 4900 more problems not shown", Line: 2},
		{Name: "wrong-bool.yaml", Data: []byte("agencies:\n  - id: us/tx/x\n    runs_jail: maybe\n"), Want: "cannot unmarshal !!str `maybe` into bool", Line: 3},
		{Name: "wrong-int.yaml", Data: []byte("jurisdictions:\n  - id: us/tx/x\n    population: 1e400\n"), Want: "into int", Line: 3},
		{Name: "wrong-list.yaml", Data: []byte("agencies:\n  - id: us/tx/x\n    operates_in: us/tx\n"), Want: "agencies[0].operates_in: want a list, got a scalar", Line: 3},
		{Name: "wrong-date.yaml", Data: []byte("agreements:\n  - agency: us/ut/tooele-county/sheriff\n    signed: 7/72025\n"),
			Want: `date "7/72025": want YYYY-MM-DD`, Line: 3},
		{Name: "two-documents.yaml", Data: []byte("norms: []\n---\nagencies: []\n"), Want: "more than one YAML document", Line: 2},
	}
}

// Measure is what a bounded run took.
type Measure struct {
	Elapsed  time.Duration
	HeapGrow uint64 // the peak heap in use, above what it was before the run
}

// Bounded runs f and fails tb unless f returns within MaxTime with the heap grown by under
// MaxHeap. The heap is sampled with runtime.ReadMemStats every few milliseconds while f runs.
func Bounded(tb testing.TB, f func()) Measure {
	tb.Helper()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	done, stop := make(chan struct{}), make(chan struct{})
	peakc := make(chan uint64, 1)
	go func() {
		peak := base
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapAlloc)
			select {
			case <-stop:
				peakc <- peak
				return
			case <-tick.C:
			}
		}
	}()
	start := time.Now()
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(MaxTime):
		close(stop)
		tb.Fatalf("still running after %v", MaxTime)
	}
	m := Measure{Elapsed: time.Since(start)}
	close(stop)
	m.HeapGrow = <-peakc - base
	if m.HeapGrow > MaxHeap {
		tb.Fatalf("heap grew by %d MB, over the %d MB bound", m.HeapGrow>>20, MaxHeap>>20)
	}
	return m
}
