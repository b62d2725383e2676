# The landscape report: on a date, for the nation or one state,
#   conflicts         agreements in force that a law in force forbids;
#   missing_required  agencies a mandate to enter an agreement reaches that hold none;
#   bypassed          localities whose policy an agency outside its reach bypasses;
#   summary           counts, and each state's posture with its citations.
package juris

report_errors contains msg if some msg in stats_errors

# report answers {as_of, state}: exactly the four keys, or {"errors": [...]}.
report := {"errors": sort(report_errors)} if {
	count(report_errors) > 0
} else := {
	"conflicts": report_conflicts,
	"missing_required": report_missing,
	"bypassed": report_bypassed,
	"summary": report_summary,
}

# ---------------------------------------------------------------- conflicts

report_conflicts := sort([c |
	some g in stats_in_force
	v := agency_verdict(g.agency, g.model, as_of)
	not v.allowed
	not v.unresolved
	some r in v.winners
	r.effect == "prohibits"
	c := {
		"agency": g.agency,
		"agency_name": data.facts.agencies[g.agency].name,
		"model": g.model,
		"agreement": g.id,
		"law": r.norm,
		"citation": r.citation,
		"url": r.url,
		"since": max({r.since, agreement_start(g)}),
		"last_listed": object.get(g, "last_listed", ""),
		"verified": g.verified,
	}
])

# ---------------------------------------------------------------- unmet mandates

# mandates are the effects in force that require agencies to enter an agreement.
mandates := [[n, e] |
	some n in data.facts.norms
	some e in n.effects
	e.type == "requires"
	e.duty == "enter"
	effect_active(n, e, as_of)
]

# mandate_candidates are the agencies bound and reached by a mandate, in scope.
mandate_candidates := {[aid, e.models[0]] |
	some [n, e] in mandates
	prefix := concat("", [n.jurisdiction, "/"])
	sid := concat("/", array.slice(split(n.jurisdiction, "/"), 0, 2))
	some aid in object.get(object.get(data.facts.index.by_state, sid, {}), "agencies", [])
	startswith(aid, prefix)
	in_scope(aid)
	a := data.facts.agencies[aid]
	binds(a, n)
	reaches(a, e)
}

report_missing := sort([m |
	some [aid, model] in mandate_candidates
	v := agency_verdict(aid, model, as_of)
	v.required
	not v.satisfied
	some r in v.winners
	r.effect == "requires"
	r.duty == "enter"
	m := {
		"agency": aid,
		"agency_name": data.facts.agencies[aid].name,
		"law": r.norm,
		"citation": r.citation,
		"url": r.url,
		"since": r.since,
	}
])

# ---------------------------------------------------------------- bypassed localities

# report_localities are the jurisdictions below the states that made a limiting policy.
report_localities := {lid |
	some lid, _ in data.facts.index.norms_by_jurisdiction
	jurisdiction_level(lid) == 2
	in_scope(lid)
	count(policy_ids(lid)) > 0
}

# locality_bypasses are the bypasses of lid's standing policies on d (the locality decision
# without its could_bypass list, which the report does not need).
locality_bypasses(lid, d) := [e |
	policies := [policy_view(lid, nid, d) | some nid in policy_ids(lid)]
	standing := [p | some p in policies; p.status in {"in-force", "unresolved"}]
	count(standing) > 0
	some aid in outsiders(lid, standing)
	some gid in object.get(data.facts.index.agreements_by_agency, aid, [])
	g := agreement_view(gid, d)
	g.in_force
	channel_of[g.model] in channels(lid, aid)
	e := bypass_entry(aid, gid, d, standing)
]

report_bypassed := sort([b |
	some lid in report_localities
	bs := locality_bypasses(lid, as_of)
	some pid in {p | some x in bs; some p in x.policies}
	b := {
		"locality": lid,
		"locality_name": data.facts.jurisdictions[lid].name,
		"policy": pid,
		"citation": data.facts.norms[pid].citation,
		"by": sort([{"agency": x.agency, "agency_name": x.agency_name, "model": x.model, "channel": x.channel} | some x in bs; pid in x.policies]),
	}
])

# ---------------------------------------------------------------- summary

posture_effects := {"prohibits": "bans", "requires": "requires", "restricts": "restricts"}

# state_laws are the state-level effects in force on the date that bear on 287(g) agreements.
state_laws(sid) := sort([l |
	some nid in object.get(data.facts.index.norms_by_jurisdiction, sid, [])
	n := data.facts.norms[nid]
	some e in n.effects
	posture_effects[e.type]
	effect_active(n, e, as_of)
	l := {"law": nid, "citation": n.citation, "url": n.url, "effect": e.type, "duty": object.get(e, "duty", ""), "verified": n.verified}
])

posture(laws) := "bans" if {
	some l in laws
	l.effect == "prohibits"
} else := "requires" if {
	some l in laws
	l.effect == "requires"
} else := "restricts" if {
	some l in laws
	l.effect == "restricts"
} else := "neither"

report_states := {usps: s |
	some sid in scope_states
	j := data.facts.jurisdictions[sid]
	usps := j.usps
	laws := state_laws(sid)
	s := {"name": j.name, "posture": posture(laws), "laws": laws}
}

report_summary := {
	"as_of": as_of,
	"state": object.get(input, "state", ""),
	"revision": data.facts.revision,
	"agreements_in_force": count(stats_in_force),
	"conflicts": count(report_conflicts),
	"missing_required": count(report_missing),
	"bypassed": count(report_bypassed),
	"postures": count_by([s.posture | some s in report_states]),
	"states": report_states,
}
