# The landscape counts: agreements in force on a date, by state, model and agency kind, and the
# size of the dataset; for the nation or one state.
package juris

stats_errors contains msg if some msg in date_errors

stats_errors contains sprintf("unknown state %v: give a USPS code such as TX", [input.state]) if {
	input.state
	not data.facts.jurisdictions[state_id(input.state)]
}

state_id(usps) := concat("/", ["us", lower(usps)])

# in_scope holds for an id in the state asked about, or for any id when no state is given.
in_scope(_) if not input.state

in_scope(id) if startswith(id, concat("", [state_id(input.state), "/"]))

in_scope(id) if id == state_id(input.state)

usps_of(id) := upper(split(id, "/")[1])

state_kinds := {"state", "district", "territory"}

# county_level holds for counties and county-equivalents (an independent city has a county GEOID).
county_level(j) if j.kind == "county"

county_level(j) if {
	j.kind == "city-county"
	count(object.get(j, "geoid", "")) == 5
}

# county_equivalents is how many Census county-equivalents jurisdiction j is: a consolidated
# government counts each county it absorbed (New York City is five), a county or independent
# city one, anything else none.
county_equivalents(j) := count(j.county_geoids) if {
	count(object.get(j, "county_geoids", [])) > 0
} else := 1 if {
	county_level(j)
} else := 0

# scope_states are the states asked about: the one named, or all.
scope_states := [state_id(input.state)] if {
	input.state
} else := [sid | some sid, _ in data.facts.index.by_state]

# scoped lists the ids of one kind (jurisdictions, agencies, agreements) in the states asked about.
scoped(kind) := [id |
	some sid in scope_states
	some id in object.get(object.get(data.facts.index.by_state, sid, {}), kind, [])
]

stats_in_force := [g |
	some gid in scoped("agreements")
	g := data.facts.agreements[gid]
	agreement_in_force(g, as_of)
]

count_by(xs) := {k: n |
	some k in {x | some x in xs}
	n := count([1 | some x in xs; x == k])
}

stats_result := {
	"as_of": as_of,
	"state": object.get(input, "state", ""),
	"agreements": count(stats_in_force),
	"agencies_with_agreements": count({g.agency | some g in stats_in_force}),
	"states_with_agreements": count({usps_of(g.agency) | some g in stats_in_force}),
	"by_state": count_by([usps_of(g.agency) | some g in stats_in_force]),
	"by_model": count_by([g.model | some g in stats_in_force]),
	"by_agency_kind": count_by([data.facts.agencies[g.agency].kind | some g in stats_in_force]),
	"jurisdictions": {
		"states": count([1 | some id in scoped("jurisdictions"); data.facts.jurisdictions[id].kind in state_kinds]),
		"counties": sum([county_equivalents(data.facts.jurisdictions[id]) | some id in scoped("jurisdictions")]),
		"places": count([1 |
			some id in scoped("jurisdictions")
			j := data.facts.jurisdictions[id]
			not j.kind in state_kinds
			county_equivalents(j) == 0
		]),
	},
	"agencies": count(scoped("agencies")),
	"revision": data.facts.revision,
}

# stats answers {as_of, state}: the counts, or {"errors": [...]}.
stats := {"errors": sort(stats_errors)} if {
	count(stats_errors) > 0
} else := stats_result
