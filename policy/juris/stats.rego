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

stats_in_force := [g |
	some g in data.facts.agreements
	in_scope(g.agency)
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
		"states": count([1 | some id, j in data.facts.jurisdictions; j.kind in state_kinds; in_scope(id)]),
		"counties": count([1 | some id, j in data.facts.jurisdictions; county_level(j); in_scope(id)]),
		"places": count([1 |
			some id, j in data.facts.jurisdictions
			not j.kind in state_kinds
			j.kind != "nation"
			not county_level(j)
			in_scope(id)
		]),
	},
	"agencies": count([1 | some id, _ in data.facts.agencies; in_scope(id)]),
	"revision": data.facts.revision,
}

# stats answers {as_of, state}: the counts, or {"errors": [...]}.
stats := {"errors": sort(stats_errors)} if {
	count(stats_errors) > 0
} else := stats_result
