package resolver

import (
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// OPA caches the value of every rule and function call within one evaluation. Most of the
// policy reads no input: its values depend only on the facts and on the arguments (an agency,
// a model, a date), so they hold for every query over the same facts. sharedCache keeps those
// values across queries, so the work one question does (an agency's candidate norms, a
// county's preemption laws, a state's coverage) serves the next. Rules that read input, or the
// clock, or depend on a rule that does, are never shared: they are found from the compiled
// policy's dependency graph.

// maxShared bounds the shared cache: past it, it starts afresh.
const maxShared = 400000

// sharedCache is the part of OPA's virtual cache kept across queries.
type sharedCache struct {
	mu        sync.RWMutex
	vc        topdown.VirtualCache
	n         int
	inputFree map[string]bool // rule names under data.juris whose values read no input
}

// newSharedCache finds the rules of package juris that read no input, directly or through the
// rules they depend on.
func newSharedCache(comp *ast.Compiler) *sharedCache {
	dependent := map[*ast.Rule]bool{}
	var mark func(r *ast.Rule)
	mark = func(r *ast.Rule) {
		if dependent[r] {
			return
		}
		dependent[r] = true
		for d := range comp.Graph.Dependents(r) {
			if dr, ok := d.(*ast.Rule); ok {
				mark(dr)
			}
		}
	}
	names := map[string][]*ast.Rule{}
	for _, m := range comp.Modules {
		if !m.Package.Path.Equal(ast.MustParseRef("data.juris")) {
			continue
		}
		for _, r := range m.Rules {
			names[ruleName(r)] = append(names[ruleName(r)], r)
			if readsInputOrClock(r) {
				mark(r)
			}
		}
	}
	free := map[string]bool{}
	for name, rs := range names {
		ok := true
		for _, r := range rs {
			if dependent[r] {
				ok = false
			}
		}
		free[name] = ok
	}
	return &sharedCache{vc: topdown.NewVirtualCache(), inputFree: free}
}

func ruleName(r *ast.Rule) string {
	ref := r.Head.Ref()
	if len(ref) == 0 {
		return ""
	}
	if s, ok := ref[0].Value.(ast.Var); ok {
		return string(s)
	}
	return ref[0].String()
}

// readsInputOrClock reports whether a rule refers to input or calls a non-deterministic built-in
// (time.now_ns, which gives as_of its default).
func readsInputOrClock(r *ast.Rule) bool {
	found := false
	ast.WalkRefs(r, func(ref ast.Ref) bool {
		if ref.HasPrefix(ast.InputRootRef) {
			found = true
		}
		return found
	})
	ast.WalkExprs(r, func(e *ast.Expr) bool {
		if e.IsCall() {
			if name := e.Operator().String(); name == ast.NowNanos.Name {
				found = true
			}
		}
		return found
	})
	return found
}

// shareable reports whether a cached ref is a rule of package juris whose value reads no input:
// data.juris.NAME... for a rule, or a function call, which OPA keys as [data.juris.NAME, args...].
func (s *sharedCache) shareable(ref ast.Ref) bool {
	if len(ref) > 0 {
		if fn, ok := ref[0].Value.(ast.Ref); ok {
			ref = fn
		}
	}
	if len(ref) < 3 || !ref[0].Equal(ast.DefaultRootDocument) {
		return false
	}
	pkg, ok := ref[1].Value.(ast.String)
	if !ok || pkg != "juris" {
		return false
	}
	name, ok := ref[2].Value.(ast.String)
	return ok && s.inputFree[string(name)]
}

func (s *sharedCache) get(ref ast.Ref) (*ast.Term, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.vc.Get(ref)
}

func (s *sharedCache) put(ref ast.Ref, v *ast.Term) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.n >= maxShared {
		s.vc, s.n = topdown.NewVirtualCache(), 0
	}
	s.vc.Put(ref, v)
	s.n++
}

// reset empties the shared cache.
func (s *sharedCache) reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.vc, s.n = topdown.NewVirtualCache(), 0
}

// forget empties the decision cache and the shared rule cache: the resolver answers its next
// question as if it had answered none before. The cold benchmarks use it.
func (r *Resolver) forget() {
	r.cache.reset()
	r.shared.reset()
}

// evalCache is one evaluation's virtual cache: OPA's own, falling back to (and filling) the
// shared cache for input-free rules when no `with` frame is active.
type evalCache struct {
	local  topdown.VirtualCache
	shared *sharedCache
	depth  int
}

func (s *sharedCache) forEval() *evalCache {
	return &evalCache{local: topdown.NewVirtualCache(), shared: s}
}

func (c *evalCache) Push() { c.local.Push(); c.depth++ }

func (c *evalCache) Pop() { c.local.Pop(); c.depth-- }

func (c *evalCache) Get(ref ast.Ref) (*ast.Term, bool) {
	if v, undefined := c.local.Get(ref); v != nil || undefined {
		return v, undefined
	}
	if c.depth == 0 && c.shared.shareable(ref) {
		return c.shared.get(ref)
	}
	return nil, false
}

func (c *evalCache) Put(ref ast.Ref, v *ast.Term) {
	c.local.Put(ref, v)
	if c.depth == 0 && c.shared.shareable(ref) {
		for _, t := range ref {
			settle(t)
		}
		settle(v)
		c.shared.put(ref.Copy(), v)
	}
}

// settle sorts the keys of every object inside t now. OPA sorts an object's keys lazily, on
// first comparison, under a sync.Once, but copies an object by reading its keys without it; a
// value shared between goroutines (a function's arguments from the facts, a cached value) could
// be copied by one while another sorts it. Once settled, an object is only read.
func settle(t *ast.Term) {
	if t == nil {
		return
	}
	switch v := t.Value.(type) {
	case ast.Object:
		v.Foreach(func(k, x *ast.Term) {
			settle(k)
			settle(x)
		})
	case ast.Set:
		v.Foreach(settle)
	case *ast.Array:
		v.Foreach(settle)
	case ast.Call:
		for _, x := range v {
			settle(x)
		}
	case ast.Ref:
		for _, x := range v {
			settle(x)
		}
	}
}

func (c *evalCache) Keys() []ast.Ref { return c.local.Keys() }

var _ topdown.VirtualCache = (*evalCache)(nil)
