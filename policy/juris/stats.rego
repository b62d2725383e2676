# The landscape counts: agreements in force on a date, by state, model and agency kind, and the
# size of the dataset; for the nation or one state.
package juris

_state_id(usps) := concat("/", ["us", lower(usps)])

# _in_scope holds for an id in the state asked about, or for any id when no state is given.
_in_scope(_) if not input.state

_in_scope(id) if startswith(id, concat("", [_state_id(input.state), "/"]))

_in_scope(id) if id == _state_id(input.state)

_usps_of(id) := upper(split(id, "/")[1])

_state_kinds := {"state", "district", "territory"}

# _county_level holds for counties and county-equivalents (an independent city has a county GEOID).
_county_level(jid) if data.facts.jurisdictions[jid].kind == "county"

_county_level(jid) if {
	data.facts.jurisdictions[jid].kind == "city-county"
	count(object.get(data.facts.jurisdictions[jid], "geoid", "")) == 5
}

# _county_equivalents is how many Census county-equivalents jurisdiction jid is: a consolidated
# government counts each county it absorbed (New York City is five), a county or independent
# city one, anything else none.
_county_equivalents(jid) := count(data.facts.jurisdictions[jid].county_geoids) if {
	count(object.get(data.facts.jurisdictions[jid], "county_geoids", [])) > 0
} else := 1 if {
	_county_level(jid)
} else := 0

# _scope_states are the states asked about: the one named, or all.
_scope_states := [_state_id(input.state)] if {
	input.state
} else := [sid | some sid, _ in data.facts.index.by_state]

# _scoped lists the ids of one kind (jurisdictions, agencies, agreements) in the states asked about.
_scoped(kind) := [id |
	some sid in _scope_states
	some id in object.get(object.get(data.facts.index.by_state, sid, {}), kind, [])
]

# _in_force_by_state are the ids of the agreements in force on the date, by state (of the
# agency that holds each), for the states asked about.
_in_force_by_state[sid] := [gid |
	some gid in object.get(object.get(data.facts.index.by_state, sid, {}), "agreements", [])
	_agreement_in_force(gid, _as_of)
] if {
	some sid in _scope_states
}

# _agreements_in_force are the ids of the agreements in force on the date, in the states asked
# about.
_agreements_in_force := [gid | some gids in _in_force_by_state; some gid in gids]

# _count_by counts the occurrences of each value in xs.
_count_by(xs) := {k: n |
	some k in {x | some x in xs}
	n := count([1 | some x in xs; x == k])
}

# _of_kind are the ids of the jurisdictions of kind k in the states asked about.
_of_kind(k) := [id |
	some sid in _scope_states
	some id in object.get(object.get(data.facts.index.kinds_by_state, sid, {}), k, [])
]

# _scoped_count is how many ids of one kind (jurisdictions, agencies) the states asked about hold.
_scoped_count(kind) := sum([count(object.get(object.get(data.facts.index.by_state, sid, {}), kind, [])) |
	some sid in _scope_states
])

# _jurisdiction_counts are the states, the county-equivalents (a consolidated government counts
# each county it absorbed) and the places (everything else) in the states asked about.
_jurisdiction_counts := {"states": states, "counties": counties, "places": places} if {
	states := sum([count(_of_kind(k)) | some k in _state_kinds])
	candidates := {id | some k in {"county", "city-county", "consolidated"}; some id in _of_kind(k)}
	counties := sum([_county_equivalents(id) | some id in candidates])
	county_level := count({id |
		some id in candidates
		not data.facts.jurisdictions[id].kind in _state_kinds
		_county_equivalents(id) > 0
	})
	places := (_scoped_count("jurisdictions") - states) - county_level
}

_stats_result := {
	"as_of": _as_of,
	"state": object.get(input, "state", ""),
	"agreements": count(_agreements_in_force),
	"agencies_with_agreements": count({data.facts.agreements[gid].agency | some gid in _agreements_in_force}),
	"states_with_agreements": count({_usps_of(data.facts.agreements[gid].agency) | some gid in _agreements_in_force}),
	"by_state": {_usps_of(sid): count(gids) | some sid, gids in _in_force_by_state; count(gids) > 0},
	"by_model": _count_by([data.facts.agreements[gid].model | some gid in _agreements_in_force]),
	"by_agency_kind": _count_by([data.facts.agencies[data.facts.agreements[gid].agency].kind |
		some gid in _agreements_in_force
	]),
	"jurisdictions": _jurisdiction_counts,
	"agencies": _scoped_count("agencies"),
	"revision": data.facts.revision,
}
