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

# mandate_candidates are the agencies bound and reached by a mandate, in scope, each with one
# model the mandate covers: any qualifying model satisfies it, so one verdict is enough, and a
# model the agency may hold is chosen where there is one (a ban on one model leaves the others).
mandate_candidates := {[aid, m] |
	some [n, e] in mandates
	prefix := concat("", [n.jurisdiction, "/"])
	sid := concat("/", array.slice(split(n.jurisdiction, "/"), 0, 2))
	some aid in object.get(object.get(data.facts.index.by_state, sid, {}), "agencies", [])
	startswith(aid, prefix)
	in_scope(aid)
	a := data.facts.agencies[aid]
	binds(a, n)
	reaches(a, e)
	m := mandate_model(aid, e.models)
}

# mandate_model is the first of the models (in sorted order) the agency may hold on the date,
# or the first model where it may hold none.
mandate_model(aid, ms) := min({m | some m in ms; agency_verdict(aid, m, as_of).allowed}) if {
	some m in ms
	agency_verdict(aid, m, as_of).allowed
} else := min({m | some m in ms})

# report_missing lists the agencies past their deadline (or under a mandate with none) that
# hold no qualifying agreement.
report_missing := sort([m |
	some [aid, model] in mandate_candidates
	v := agency_verdict(aid, model, as_of)
	v.required
	v.compliance == "unmet"
	some r in v.winners
	r.effect == "requires"
	r.duty == "enter"
	m := {
		"agency": aid,
		"agency_name": data.facts.agencies[aid].name,
		"law": r.norm,
		"citation": r.citation,
		"url": r.url,
		"since": v.unmet_since,
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

# report_locality_bypasses are the bypasses of lid's standing policies on d (the locality
# decision without its could_bypass list, which the report does not need); contested ones are
# left out: whether they bypass is unresolved.
report_locality_bypasses(lid, d) := [e |
	standing := standing_of([policy_view(lid, nid, d) | some nid in policy_ids(lid)])
	some e in locality_bypasses(lid, d, standing)
	not e.contested
]

report_bypassed := sort([b |
	some lid in report_localities
	bs := report_locality_bypasses(lid, as_of)
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

posture_effects := {"prohibits": "bans", "requires": "requires", "restricts": "restricts", "vests": "vests", "preempts": "preempts"}

# state_laws are the state-level effects in force on the date that bear on 287(g) agreements,
# each with whom it reaches.
state_laws(sid) := sort([l |
	some nid in object.get(data.facts.index.norms_by_jurisdiction, sid, [])
	n := data.facts.norms[nid]
	some e in n.effects
	posture_effects[e.type]
	effect_active(n, e, as_of)
	l := {
		"law": nid, "citation": n.citation, "url": n.url, "effect": e.type,
		"duty": object.get(e, "duty", ""), "verified": n.verified,
		"reaches": reach_text(object.get(e, "reaches", {})),
		"general": general_reach(object.get(e, "reaches", {})),
	}
])

# general_reach holds for an effect that reaches the agencies a state's 287(g) policy is about:
# every agency, or at least its sheriffs, city police and state police, with no other narrowing.
general_reach(r) if {
	count({k | some k in ["levels", "runs_jail", "jurisdictions", "agencies"]; k in object.keys(r)}) == 0
	every k in {"sheriff", "municipal-police", "state-police"} {
		k in object.get(r, "kinds", [k])
	}
}

default general_reach(_) := false

# reach_text says in words whom an effect reaches: "all agencies", or its narrowing.
reach_text(r) := "all agencies" if {
	count({k | some k in ["kinds", "levels", "runs_jail", "jurisdictions", "agencies"]; k in object.keys(r)}) == 0
} else := sprintf("named agencies: %s", [concat(", ", sort([data.facts.agencies[a].name | some a in r.agencies]))]) if {
	r.agencies
} else := concat(" ", [w |
	some part in [
		[x | r.levels; x := concat(" and ", sort(r.levels))],
		[x | r.runs_jail == true; x := "jail-running"],
		[x | r.kinds; x := concat(", ", sort(r.kinds))],
		[x | not r.kinds; x := "agencies"],
		[x | r.jurisdictions; x := sprintf("in %s", [concat(", ", sort(r.jurisdictions))])],
	]
	some w in part
])

# posture names a state's stance from its laws in force: a ban of every agency, a mandate, a
# ban of some agencies only (Virginia's 2026 directive: four state agencies), conditions or
# restrictions, only the voiding of local limits on cooperation, or none of these; a state
# whose law was not researched says so.
posture(laws) := "bans" if {
	some l in laws
	l.effect == "prohibits"
	l.general
} else := "requires" if {
	some l in laws
	l.effect == "requires"
} else := "bans-some" if {
	some l in laws
	l.effect == "prohibits"
} else := "restricts" if {
	some l in laws
	l.effect in {"restricts", "vests"}
} else := "preempts" if {
	some l in laws
	l.effect == "preempts"
} else := "neither"

report_states := {usps: s |
	some sid in scope_states
	j := data.facts.jurisdictions[sid]
	usps := j.usps
	laws := state_laws(sid)
	cov := coverage_entry(sid)
	s := {"name": j.name, "posture": state_posture(cov, laws), "laws": laws, "coverage": cov}
}

# state_posture is the posture of a state's laws, or not-researched where no law is in the
# facts and the state's law was never surveyed.
state_posture(cov, laws) := "not-researched" if {
	count(laws) == 0
	cov.outcome == "not-researched"
} else := posture(laws)

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
