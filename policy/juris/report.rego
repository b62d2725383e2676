# The landscape report: on a date, for the nation or one state,
#   conflicts         agreements in force that a law in force forbids;
#   missing_required  agencies a mandate to enter an agreement reaches that hold none;
#   bypassed          localities whose policy an agency outside its reach bypasses;
#   summary           counts, and each state's posture with its citations.
# It reads the agency verdict (_verdict) and the locality bypasses (_bypasses) without their
# sentences.
package juris

# ---------------------------------------------------------------- conflicts

# _report_conflicts are the agreements in force whose agency may not hold them: each with the
# law in force that forbids it, and since when the two have stood together.
_report_conflicts := sort([c |
	some gid in _agreements_in_force
	g := data.facts.agreements[gid]
	_under_a_ban(g.agency)
	v := _verdict(g.agency, g.model, _as_of)
	not v.allowed
	not v.unresolved
	some x in v.winners
	_effect(x).type == "prohibits"
	c := {
		"agency": g.agency,
		"agency_name": data.facts.agencies[g.agency].name,
		"model": g.model,
		"agreement": gid,
		"law": x[0],
		"citation": data.facts.norms[x[0]].citation,
		"url": data.facts.norms[x[0]].url,
		"since": max({_effect_start(x[0], x[1]), _agreement_start(gid)}),
		"last_listed": object.get(g, "last_listed", ""),
		"verified": g.verified,
	}
])

# _under_a_ban holds when a government whose norms may bear on agency aid (one it lies under, or
# one its bound_by names) has banned 287(g) agreements for some agency: only then can a law
# forbid the agency's agreement, so only then is the verdict worth asking for.
_under_a_ban(aid) if {
	a := data.facts.agencies[aid]
	some j in array.concat(data.facts.index.ancestors[a.jurisdiction], object.get(a, "bound_by", []))
	j in _banning_governments
}

# _banning_governments are the governments that made a norm with a prohibits effect.
_banning_governments contains n.jurisdiction if {
	some n in data.facts.norms
	some e in n.effects
	e.type == "prohibits"
}

# ---------------------------------------------------------------- unmet mandates

# _mandates are the effects in force, as [nid, i], that require agencies to enter an agreement.
_mandates contains [nid, i] if {
	some nid, n in data.facts.norms
	some i, e in n.effects
	e.type == "requires"
	e.duty == "enter"
	_effect_active(nid, i, _as_of)
}

# _mandated are the agencies bound and reached by a mandate, in scope, each with one model the
# mandate covers: any qualifying model satisfies it, so one verdict is enough, and a model the
# agency may hold is chosen where there is one (a ban on one model leaves the others).
_mandated contains [aid, m] if {
	some [nid, i] in _mandates
	some aid in _within_reach(nid, i)
	_in_scope(aid)
	_reaches(aid, nid, i)
	_binds(aid, nid)
	m := _mandate_model(aid, _effect([nid, i]).models, _as_of)
}

# _within_reach are the agencies under the government that made norm nid that effect i may
# reach: those it names, or those of the kinds and the jail it names (whether it reaches them
# is _reaches).
_within_reach(nid, i) := {aid |
	some aid in _effect([nid, i]).reaches.agencies
	startswith(aid, concat("", [data.facts.norms[nid].jurisdiction, "/"]))
	data.facts.agencies[aid]
} if {
	_effect([nid, i]).reaches.agencies
} else := {aid |
	jid := data.facts.norms[nid].jurisdiction
	r := object.get(_effect([nid, i]), "reaches", {})
	some aid in object.get(object.get(data.facts.index.by_state, _state_of(jid), {}), "agencies", [])
	startswith(aid, concat("", [jid, "/"]))
	a := data.facts.agencies[aid]
	a.kind in object.get(r, "kinds", {a.kind})
	a.runs_jail == object.get(r, "runs_jail", a.runs_jail)
}

# _mandate_model is the first of the models (in sorted order) the agency may hold on the date,
# or the first model where it may hold none.
_mandate_model(aid, ms, d) := min({m | some m in ms; _verdict(aid, m, d).allowed}) if {
	some m in ms
	_verdict(aid, m, d).allowed
} else := min({m | some m in ms})

# _report_missing lists the agencies past their deadline (or under a mandate with none) that
# hold no qualifying agreement.
_report_missing := sort([r |
	some [aid, model] in _mandated
	v := _verdict(aid, model, _as_of)
	v.required
	_compliance(v.duty, _satisfied(aid, v.mandates, _as_of), v.due_by, _as_of) == "unmet"
	some x in v.winners
	_effect(x).type == "requires"
	_effect(x).duty == "enter"
	r := {
		"agency": aid,
		"agency_name": data.facts.agencies[aid].name,
		"law": x[0],
		"citation": data.facts.norms[x[0]].citation,
		"url": data.facts.norms[x[0]].url,
		"since": v.unmet_since,
	}
])

# ---------------------------------------------------------------- bypassed localities

# _report_localities are the jurisdictions below the states that made a limiting policy.
_report_localities contains lid if {
	some lid, _ in data.facts.index.norms_by_jurisdiction
	_jurisdiction_level(lid) == 2
	_in_scope(lid)
	count(_policy_ids(lid)) > 0
}

# _report_bypassed lists each standing policy that an agreement bypasses, with the agreements;
# contested bypasses are left out: whether they bypass is unresolved.
_report_bypassed := sort([r |
	some lid in _report_localities
	bypasses := [b | some b in _bypasses(lid, _as_of); not b.contested]
	count(bypasses) > 0
	some pid in _standing(lid, _as_of)
	r := {
		"locality": lid,
		"locality_name": data.facts.jurisdictions[lid].name,
		"policy": pid,
		"citation": data.facts.norms[pid].citation,
		"by": sort([{
			"agency": b.agency,
			"agency_name": data.facts.agencies[b.agency].name,
			"model": data.facts.agreements[b.agreement].model,
			"channel": b.channel,
		} |
			some b in bypasses
		]),
	}
])

# ---------------------------------------------------------------- summary

# The effect types that give a state's posture, and the posture each stands for.
_posture_effects := {
	"prohibits": "bans",
	"requires": "requires",
	"restricts": "restricts",
	"vests": "vests",
	"preempts": "preempts",
}

# _state_laws are the state-level effects in force on d that bear on 287(g) agreements, each
# with whom it reaches.
_state_laws(sid, d) := sort([l |
	some nid in object.get(data.facts.index.norms_by_jurisdiction, sid, [])
	n := data.facts.norms[nid]
	some i, e in n.effects
	_posture_effects[e.type]
	_effect_active(nid, i, d)
	l := {
		"law": nid,
		"citation": n.citation,
		"url": n.url,
		"effect": e.type,
		"duty": object.get(e, "duty", ""),
		"verified": n.verified,
		"reaches": _reach_text(object.get(e, "reaches", {})),
		"general": _general_reach(object.get(e, "reaches", {})),
	}
])

# _general_reach holds for an effect that reaches the agencies a state's 287(g) policy is about:
# every agency, or at least its sheriffs, city police and state police, with no other narrowing.
default _general_reach(_) := false

_general_reach(r) if {
	count({k | some k in ["levels", "runs_jail", "jurisdictions", "agencies"]; k in object.keys(r)}) == 0
	every k in {"sheriff", "municipal-police", "state-police"} {
		k in object.get(r, "kinds", [k])
	}
}

# _posture names a state's stance from its laws in force: a ban of every agency, a mandate, a
# ban of some agencies only (Virginia's 2026 directive: four state agencies), conditions or
# restrictions, only the voiding of local limits on cooperation, or none of these.
_posture(laws) := "bans" if {
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

# _state_posture is the posture of a state's laws, or not-researched where no law is in the
# facts and the state's law was never surveyed.
_state_posture(coverage, laws) := "not-researched" if {
	count(laws) == 0
	coverage.outcome == "not-researched"
} else := _posture(laws)

_report_states[j.usps] := {
	"name": j.name,
	"posture": _state_posture(coverage, laws),
	"laws": laws,
	"coverage": coverage,
} if {
	some sid in _scope_states
	j := data.facts.jurisdictions[sid]
	laws := _state_laws(sid, _as_of)
	coverage := _coverage_entry(sid)
}

_report_summary := {
	"as_of": _as_of,
	"state": object.get(input, "state", ""),
	"revision": data.facts.revision,
	"agreements_in_force": count(_agreements_in_force),
	"conflicts": count(_report_conflicts),
	"missing_required": count(_report_missing),
	"bypassed": count(_report_bypassed),
	"postures": _count_by([s.posture | some s in _report_states]),
	"states": _report_states,
}
