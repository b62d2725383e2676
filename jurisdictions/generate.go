package jurisdictions

// The national layer (national/) is generated from the public files in sources/; rerun after
// changing them or the importer. CI fails when it is stale (`juris import --check`).
//go:generate go run ../cmd/juris import --sources sources --out national
