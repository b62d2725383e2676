package suite

import (
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/jurisproject/juris/jurisdictions"
	"github.com/jurisproject/juris/resolver"
)

// ByState returns a Picker over the embedded dataset that runs a case naming ids of one state
// only over that state's facts (resolver.WithStates), and any other case over the nation. A
// state's answers are the nation's (resolver's TestOneStateAnswersAsTheNation checks it), and
// assumed facts are laid over far less, so a suite of hundreds of cases runs in seconds. Each
// resolver is made once, on first use, and shared by the cases that need it.
func ByState(ctx context.Context) Picker {
	var mu sync.Mutex
	made := map[string]*resolver.Resolver{}
	return func(c *Case) (*resolver.Resolver, error) {
		st := CaseState(c)
		mu.Lock()
		defer mu.Unlock()
		if r, ok := made[st]; ok {
			return r, nil
		}
		var opts []resolver.Option
		if st != "" {
			opts = append(opts, resolver.WithStates(st))
		}
		r, err := resolver.New(ctx, opts...)
		if err != nil {
			return nil, err
		}
		made[st] = r
		return r, nil
	}
}

// CaseState is the USPS code of the one state whose national layer holds every id a case names
// ("us", the nation, goes with any state), or "" when the ids span states or name none.
func CaseState(c *Case) string {
	st := ""
	for _, id := range c.IDs() {
		if id == "" || id == "us" {
			continue
		}
		parts := strings.SplitN(id, "/", 3)
		if len(parts) < 2 || parts[0] != "us" {
			return ""
		}
		code := strings.ToUpper(parts[1])
		if st != "" && code != st {
			return ""
		}
		st = code
	}
	if !slices.Contains(jurisdictions.NationalStates(), st) {
		return ""
	}
	return st
}
