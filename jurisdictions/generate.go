package jurisdictions

// The national layer (national/) is generated from the public Census, FBI and ICE files (the
// project's shared data folder, ../shared/data from the repository root; see
// sources/README.md for where each is published) and the curated tables in sources/; rerun after
// changing them or the importer. CI fails when it is stale (`juris import --check`).
//go:generate go run ../cmd/juris import --sources ../../shared/data --curated sources --out national
