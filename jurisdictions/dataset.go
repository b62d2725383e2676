package jurisdictions

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
)

//go:embed data national
var embedded embed.FS

// Dataset is a validated, indexed set of facts. A Dataset is read-only once built and safe for
// concurrent use.
type Dataset struct {
	Jurisdictions map[string]*Jurisdiction
	Agencies      map[string]*Agency
	Norms         map[string]*Norm
	Agreements    map[string]*Agreement
	SourceFiles   map[string]*SourceFile

	// Revision identifies the facts: a hash of every file's name and bytes, layers included.
	Revision string
	// Files lists the fact files the dataset was built from, in load order.
	Files []string
}

var (
	defaultOnce sync.Once
	defaultDS   *Dataset
	defaultErr  error
)

// Default returns the embedded default dataset, loaded once: the generated national layer
// (jurisdictions/national: every state, county, incorporated place and law-enforcement agency,
// and ICE's 287(g) agreements) with the hand-curated facts (jurisdictions/data: the laws and
// policies, and corrections to the generated layer) laid over it.
func Default() (*Dataset, error) {
	defaultOnce.Do(func() { defaultDS, defaultErr = LoadEmbedded() })
	return defaultDS, defaultErr
}

// LoadEmbedded loads the embedded dataset afresh (Default loads it once and keeps it).
func LoadEmbedded() (*Dataset, error) {
	national, err := ReadFS(NationalFS(), "jurisdictions/national")
	if err != nil {
		return nil, err
	}
	curated, err := ReadFS(EmbeddedFS(), "jurisdictions/data")
	if err != nil {
		return nil, err
	}
	ds, err := BuildLayers(national, curated)
	if err != nil {
		return nil, err
	}
	ds.Revision = EmbeddedRevision()
	return ds, nil
}

var (
	embeddedRevOnce sync.Once
	embeddedRev     string
)

// EmbeddedRevision identifies the embedded dataset: a hash of every embedded fact file's name and
// bytes. A dataset loaded from it, whole or for some states only, carries this revision, so an
// answer's receipt is the same however much of the nation was loaded.
func EmbeddedRevision() string {
	embeddedRevOnce.Do(func() {
		h := sha256.New()
		_ = fs.WalkDir(embedded, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) {
				return err
			}
			b, err := fs.ReadFile(embedded, p)
			if err != nil {
				return err
			}
			fmt.Fprintf(h, "\x00%s\x00%d\x00", p, len(b))
			h.Write(b)
			return nil
		})
		embeddedRev = hex.EncodeToString(h.Sum(nil))[:16]
	})
	return embeddedRev
}

// DefaultStates returns the embedded dataset with the national layer and the curated facts of
// the named states only (USPS codes), and the nation's curated facts. A question about one place needs
// only its state: this loads in a fraction of the time Default takes. An unknown code is an error.
func DefaultStates(usps ...string) (*Dataset, error) {
	var national []*File
	for _, u := range usps {
		name := "us/" + strings.ToLower(u) + ".yaml"
		if _, err := fs.Stat(NationalFS(), name); err != nil || len(u) != 2 {
			return nil, fmt.Errorf("no jurisdiction us/%s: valid states: %s", strings.ToLower(u), strings.Join(NationalStates(), ", "))
		}
		data, err := readCapped(NationalFS(), name, path.Join("jurisdictions/national", name))
		if err != nil {
			return nil, err
		}
		f, err := ParseFile(path.Join("jurisdictions/national", name), data)
		if err != nil {
			return nil, err
		}
		national = append(national, f)
	}
	if data, err := readCapped(NationalFS(), sourcesFile, path.Join("jurisdictions/national", sourcesFile)); err == nil {
		f, err := ParseFile(path.Join("jurisdictions/national", sourcesFile), data)
		if err != nil {
			return nil, err
		}
		national = append(national, f)
	}
	// The curated facts of the nation (us.yaml) and of the named states only: a state's folder
	// may name agencies of its own national layer, which a load of other states lacks.
	data, err := readCapped(EmbeddedFS(), "us.yaml", "jurisdictions/data/us.yaml")
	if err != nil {
		return nil, err
	}
	nation, err := ParseFile("jurisdictions/data/us.yaml", data)
	if err != nil {
		return nil, err
	}
	curated := []*File{nation}
	for _, u := range usps {
		dir := "us/" + strings.ToLower(u)
		sub, err := fs.Sub(EmbeddedFS(), dir)
		if err != nil {
			return nil, fmt.Errorf("curated facts of %s: %w", u, err)
		}
		if _, err := fs.Stat(EmbeddedFS(), dir); err != nil {
			continue // no curated facts for this state
		}
		files, err := ReadFS(sub, path.Join("jurisdictions/data", dir))
		if err != nil {
			return nil, err
		}
		curated = append(curated, files...)
	}
	ds, err := BuildLayers(national, curated)
	if err != nil {
		return nil, err
	}
	ds.Revision = EmbeddedRevision() // the same answer, the same revision, however much was loaded
	return ds, nil
}

// sourcesFile is the national layer's list of the public files it was read from; a one-state
// load reads it too, so that every answer can say how current its sources are.
const sourcesFile = "sources.yaml"

// EmbeddedFS returns the embedded hand-curated fact files (their root holds us.yaml).
func EmbeddedFS() fs.FS {
	sub, _ := fs.Sub(embedded, "data")
	return sub
}

// NationalFS returns the embedded generated national layer (one file per state under us/).
func NationalFS() fs.FS {
	sub, _ := fs.Sub(embedded, "national")
	return sub
}

// LoadFS loads and validates every .yaml file under fsys. prefix is prepended to file names in
// error messages.
func LoadFS(fsys fs.FS, prefix string) (*Dataset, error) {
	files, err := ReadFS(fsys, prefix)
	if err != nil {
		return nil, err
	}
	return Build(files...)
}

// LoadDir loads and validates the fact files under a directory (or a single file) on disk.
func LoadDir(dir string) (*Dataset, error) {
	files, err := ReadPath(dir)
	if err != nil {
		return nil, err
	}
	return Build(files...)
}

// ReadPath parses the fact files at path: a .yaml file, or every .yaml file below a directory.
func ReadPath(p string) ([]*File, error) {
	st, err := os.Stat(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, &notFoundError{path: p}
	}
	if err != nil {
		return nil, fmt.Errorf("reading facts: %w", err)
	}
	if !st.IsDir() && !strings.HasSuffix(p, ".yaml") && !strings.HasSuffix(p, ".yml") {
		return nil, fmt.Errorf("%s: not a folder or a .yaml fact file", p)
	}
	if !st.IsDir() {
		data, err := readCapped(os.DirFS(filepath.Dir(p)), filepath.Base(p), p)
		if err != nil {
			return nil, err
		}
		f, err := ParseFile(p, data)
		if err != nil {
			return nil, err
		}
		return []*File{f}, nil
	}
	return ReadFS(os.DirFS(p), p)
}

// notFoundError says that a fact path does not exist, in one line (errors.Is(err,
// fs.ErrNotExist) holds).
type notFoundError struct{ path string }

func (e *notFoundError) Error() string { return e.path + ": no such folder or file" }
func (e *notFoundError) Unwrap() error { return fs.ErrNotExist }

// NationalStates returns the USPS codes of the states, DC and territories the embedded national
// layer covers, sorted.
func NationalStates() []string {
	names, _ := fs.Glob(NationalFS(), "us/*.yaml")
	out := make([]string, 0, len(names))
	for _, n := range names {
		out = append(out, strings.ToUpper(strings.TrimSuffix(path.Base(n), ".yaml")))
	}
	slices.Sort(out)
	return out
}

// ReadFS parses every .yaml and .yml file below fsys, in lexical order, reporting all errors.
func ReadFS(fsys fs.FS, prefix string) ([]*File, error) {
	var names []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && (strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) {
			names = append(names, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading facts under %s: %w", prefix, err)
	}
	slices.Sort(names)
	// Parse on every core; results keep the lexical order.
	parsed := make([]*File, len(names))
	fails := make([]error, len(names))
	var wg sync.WaitGroup
	work := make(chan int)
	for range max(1, min(runtime.GOMAXPROCS(0), len(names))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				shown := path.Join(prefix, names[i])
				data, err := readCapped(fsys, names[i], shown)
				if err == nil {
					parsed[i], err = ParseFile(shown, data)
				}
				fails[i] = err
			}
		}()
	}
	for i := range names {
		work <- i
	}
	close(work)
	wg.Wait()
	var files []*File
	var errs Errors
	for i, err := range fails {
		if err != nil {
			if es, ok := err.(Errors); ok {
				errs = append(errs, es...)
				continue
			}
			return nil, err
		}
		files = append(files, parsed[i])
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return files, nil
}

func readCapped(fsys fs.FS, name, shown string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", shown, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", shown, err)
	}
	if st.Size() > MaxFileSize {
		return nil, Errors{{File: shown, Msg: fmt.Sprintf("file is %d bytes, over the %d-byte (8 MiB) cap", st.Size(), MaxFileSize)}}
	}
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", shown, err)
	}
	return data, nil
}

// Build makes a validated dataset from parsed files. Ids must be unique across the files.
func Build(files ...*File) (*Dataset, error) {
	return BuildLayers(files)
}

// BuildLayers makes a validated dataset from layers of files, lowest first: an entity in a layer
// replaces the one with the same id in the layers below it; within one layer ids must be unique.
// The dataset is validated once, as a whole.
func BuildLayers(layers ...[]*File) (*Dataset, error) {
	ds := &Dataset{
		Jurisdictions: map[string]*Jurisdiction{},
		Agencies:      map[string]*Agency{},
		Norms:         map[string]*Norm{},
		Agreements:    map[string]*Agreement{},
		SourceFiles:   map[string]*SourceFile{},
	}
	var errs Errors
	rev := ""
	for _, files := range layers {
		errs = append(errs, ds.add(files)...)
		rev = revision(rev, files)
	}
	errs = append(errs, ds.Validate()...)
	if len(errs) > 0 {
		return nil, errs
	}
	ds.Revision = rev
	return ds, nil
}

// Layer returns a new dataset: ds with the files laid on top. An entity in the files replaces the
// one with the same id in ds; within the files themselves ids must be unique. ds is unchanged.
func (ds *Dataset) Layer(files ...*File) (*Dataset, error) { return ds.layer(false, files) }

// LayerAssumed is Layer for a what-if: the agreements in files are assumptions, which need only
// agency, model and signed (and optionally until), and are marked assumed in every answer.
func (ds *Dataset) LayerAssumed(files ...*File) (*Dataset, error) { return ds.layer(true, files) }

func (ds *Dataset) layer(assumed bool, files []*File) (*Dataset, error) {
	out := &Dataset{
		Jurisdictions: cloneMap(ds.Jurisdictions),
		Agencies:      cloneMap(ds.Agencies),
		Norms:         cloneMap(ds.Norms),
		Agreements:    cloneMap(ds.Agreements),
		SourceFiles:   cloneMap(ds.SourceFiles),
		Files:         slices.Clone(ds.Files),
	}
	errs := out.addFiles(files, assumed)
	errs = append(errs, out.Validate()...)
	if len(errs) > 0 {
		return nil, errs
	}
	out.Revision = revision(ds.Revision, files)
	return out, nil
}

func cloneMap[V any](m map[string]V) map[string]V {
	out := make(map[string]V, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func revision(base string, files []*File) string {
	h := sha256.New()
	h.Write([]byte(base))
	for _, f := range files {
		fmt.Fprintf(h, "\x00%s\x00", f.Name)
		b, _ := json.Marshal(f) // deterministic: struct fields in order, no maps
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// add puts copies of the files' entities into ds: an id already in ds is replaced (that is how
// a layer overrides), but an id written twice within files is an error. The dataset keeps no
// pointer into the files, so callers may share them across goroutines.
func (ds *Dataset) add(files []*File) Errors { return ds.addFiles(files, false) }

// addFiles is add, marking the agreements assumed when they are a what-if's.
func (ds *Dataset) addFiles(files []*File, assumed bool) Errors {
	var errs Errors
	seen := map[string]Pos{}
	dup := func(kind, id string, p Pos) bool {
		key := kind + "\x00" + id
		if prev, ok := seen[key]; ok {
			errs = append(errs, &Error{File: p.File, Line: p.Line, Field: "id", Msg: fmt.Sprintf("%s id %q is already defined at %s:%d", kind, id, prev.File, prev.Line)})
			return true
		}
		seen[key] = p
		return false
	}
	for _, f := range files {
		ds.Files = append(ds.Files, f.Name)
		for i, j := range f.Jurisdictions {
			if j == nil {
				errs = append(errs, &Error{File: f.Name, Field: fmt.Sprintf("jurisdictions[%d]", i), Msg: "empty entry"})
				continue
			}
			if dup("jurisdiction", j.ID, j.pos.at) {
				continue
			}
			ds.Jurisdictions[j.ID] = j.clone()
		}
		for i, a := range f.Agencies {
			if a == nil {
				errs = append(errs, &Error{File: f.Name, Field: fmt.Sprintf("agencies[%d]", i), Msg: "empty entry"})
				continue
			}
			if dup("agency", a.ID, a.pos.at) {
				continue
			}
			ds.Agencies[a.ID] = a.clone()
		}
		for i, n := range f.Norms {
			if n == nil {
				errs = append(errs, &Error{File: f.Name, Field: fmt.Sprintf("norms[%d]", i), Msg: "empty entry"})
				continue
			}
			if dup("norm", n.ID, n.pos.at) {
				continue
			}
			ds.Norms[n.ID] = n.clone()
		}
		for i, g := range f.Agreements {
			if g == nil {
				errs = append(errs, &Error{File: f.Name, Field: fmt.Sprintf("agreements[%d]", i), Msg: "empty entry"})
				continue
			}
			g = g.clone() // the id is filled in on the dataset's copy, never on the caller's
			g.Assumed = assumed
			if g.ID == "" && g.Agency != "" {
				signed := "pending"
				if g.Signed != nil {
					signed = string(*g.Signed)
				}
				g.ID = g.Agency + "#" + g.Model + "#" + signed
			}
			if dup("agreement", g.ID, g.pos.at) {
				continue
			}
			ds.Agreements[g.ID] = g
		}
		for i, sf := range f.SourceFiles {
			if sf == nil {
				errs = append(errs, &Error{File: f.Name, Field: fmt.Sprintf("source_files[%d]", i), Msg: "empty entry"})
				continue
			}
			if dup("source file", sf.ID, sf.pos.at) {
				continue
			}
			c := *sf
			ds.SourceFiles[sf.ID] = &c
		}
	}
	return errs
}
