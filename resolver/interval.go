package resolver

import (
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/jurisproject/juris/jurisdictions"
)

// The answer to a question can change only on a date the facts name: the policy compares the
// question's date with fact dates (x <= d, d <= x) and does no date arithmetic. Cutting the
// calendar at every fact date x and the day after it gives intervals within which every such
// comparison, and so every answer, is the same. A question is therefore evaluated on one date of
// its interval and cached under it:
//
//   - an interval of one day holds only the question's own date, which is used as it is;
//   - a longer interval is evaluated on its second day, which is no fact date (every fact date
//     starts an interval), so every occurrence of it in the answer is the question's date and is
//     replaced by the date asked.
//
// TestIntervalAnswersEqualUncached holds the policy to this: answers from the cache equal
// answers evaluated directly, on every fact date, the day before it, and random dates.

// intervals are the sorted cut points of the calendar for one dataset.
type intervals struct {
	cuts []string
}

// newIntervals cuts the calendar at every date the data document holds and the day after it.
func newIntervals(doc map[string]any) *intervals {
	set := map[string]bool{}
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for _, e := range x {
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		case string:
			if len(x) == 10 && x[4] == '-' && x[7] == '-' {
				if t, err := time.Parse(time.DateOnly, x); err == nil {
					set[x] = true
					set[t.AddDate(0, 0, 1).Format(time.DateOnly)] = true
				}
			}
		}
	}
	walk(doc)
	cuts := make([]string, 0, len(set))
	for d := range set {
		cuts = append(cuts, d)
	}
	slices.Sort(cuts)
	return &intervals{cuts: cuts}
}

// evalDate is the date a question dated d is evaluated on: the second day of d's interval
// (a date no fact names), or d itself when its interval is that one day.
func (iv *intervals) evalDate(d string) string {
	n, _ := slices.BinarySearch(iv.cuts, nextDay(d)) // cuts on or before d
	if n == 0 {
		if len(iv.cuts) == 0 {
			return d
		}
		return prevDay(iv.cuts[0]) // before every fact: the day before the first cut
	}
	e := nextDay(iv.cuts[n-1])
	if n < len(iv.cuts) && e >= iv.cuts[n] {
		return d // a one-day interval: d is its day
	}
	return e
}

func nextDay(d string) string {
	t, err := time.Parse(time.DateOnly, d)
	if err != nil {
		return d
	}
	return t.AddDate(0, 0, 1).Format(time.DateOnly)
}

func prevDay(d string) string {
	t, err := time.Parse(time.DateOnly, d)
	if err != nil {
		return d
	}
	return t.AddDate(0, 0, -1).Format(time.DateOnly)
}

// maxCached bounds the decision cache: past it the cache starts afresh. An agency decision
// holds a few kilobytes, a locality's a few tens; 20,000 entries stay well under 200 MB.
const maxCached = 20000

// decisionCache keeps the policy's results by question and evaluation date.
type decisionCache struct {
	mu sync.RWMutex
	m  map[string]any
}

func (c *decisionCache) get(key string) (any, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.m[key]
	return v, ok
}

func (c *decisionCache) put(key string, v any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) >= maxCached {
		c.m = map[string]any{}
	}
	c.m[key] = v
}

// replacer rewrites the evaluation date e into the question's date d in every string of an
// answer; nil when they are the same.
func replacer(e, d string) func(string) string {
	if e == d {
		return nil
	}
	return func(s string) string {
		if !strings.Contains(s, e) {
			return s
		}
		return strings.ReplaceAll(s, e, d)
	}
}

// validDate reports whether d is a date the cache can cut: one jurisdictions.ParseDate accepts.
func validDate(d string) bool {
	_, err := jurisdictions.ParseDate(d)
	return err == nil
}

// reset empties the cache.
func (c *decisionCache) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m = nil
}
