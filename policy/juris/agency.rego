# The agency question
#
# May agency A hold a 287(g) agreement of model M on date D, and must it? Every applicable
# norm is evaluated, then conflicts are settled in a fixed order: federal deference, lex
# superior, lex specialis, lex posterior; two norms still in conflict are reported as
# unresolved, never silently picked. Local bans that a higher law expressly preempts are set
# aside first, unless a court order sustains them. A norm whose binding on the agency is
# contested (its maker says it binds, the agency refuses) leaves the answer unresolved where
# it would change it.
#
# One decision procedure (_verdict) answers for the full answer (_agency_answer), a locality's
# could_bypass list and the landscape report. It depends on the agency only through its
# candidate effects (_candidates), so the ruling on a set of candidates (_ruling) is shared by
# every agency that has the same set, on the same date.
package juris

# The effect types that decide the 287(g) question for an agency.
_deontic_types := {"prohibits", "restricts", "permits", "vests", "requires"}

# The duties a mandate imposes, strongest first: to enter an agreement, to request one, to seek
# one, to explore one.
_duty_rank := {"enter": 4, "request": 3, "seek": 2, "explore": 1}

# ---------------------------------------------------------------- candidates

# _bearing are the effects, as [nid, i], that bear on agency aid whatever the model and the date:
# the 287(g) effects and context measures of every norm that bears on the agency (binds it, or
# whose binding is contested) and that reach it.
#
# Where no norm names the agency, they follow from its profile alone, and every agency of the
# same profile shares them.
_bearing(aid) := _bearing_of_profile(_profile(aid)) if {
	not _named(aid)
} else := {[nid, i] |
	some j in _examined(aid)
	some nid in object.get(data.facts.index.norms_by_jurisdiction, j, [])
	_bears_on(aid, nid)
	some i, e in data.facts.norms[nid].effects
	e.type in _bearing_types
	_reaches(aid, nid, i)
}

# _bearing_of_profile are the effects that bear on an agency of profile p that no norm names:
# those of the norms of the governments that bind it that reach it by its traits.
_bearing_of_profile(p) := {[nid, i] |
	some j in p.governments
	some nid in data.facts.index.norms_by_jurisdiction[j]
	some i, e in data.facts.norms[nid].effects
	e.type in _bearing_types
	not e.reaches.agencies
	_reaches_traits(p.traits, nid, i)
	_reach_jurisdiction(p.jurisdiction, nid, i)
}

_bearing_types := _deontic_types | {"context"}

# _candidates are the effects, as [nid, i], of every norm that bears on agency aid, is about
# 287(g) agreements, covers model m and reaches the agency, whatever the date.
_candidates(aid, m) := _deciding(_bearing(aid), m)

# _deciding are the effects that decide the 287(g) question for model m.
_deciding(effects, m) := {x |
	some x in effects
	_effect(x).type in _deontic_types
	m in _effect(x).models
}

# _contested_candidates are the candidates whose norm's binding on the agency is contested (only
# a norm that names the agency can be).
_contested_candidates(aid, m) := {x |
	_named(aid)
	some x in _candidates(aid, m)
	_contested_binding(aid, x[0])
}

# ---------------------------------------------------------------- the ruling

# _ruling settles the question on date d for the candidates, of which those in contested have a
# contested binding:
#
#   1. Applicability: a candidate not in force on d is set aside (inactive).
#   2. Express preemption: a local ban that a higher law voids is set aside (voided), unless a
#      court order sustains it.
#   3. Federal deference: a permission that yields to state and local law (8 U.S.C.
#      § 1357(g)(1)) is set aside when a norm in force forbids (deferred).
#   4. Lex superior, lex specialis, lex posterior between what forbids and what enables
#      (_outcome); a conflict none of them settles is unresolved.
#   5. Contested binding: a contested norm that would change the outcome leaves it unresolved.
#
# The winning side gives the duty (the strongest mandate in force), its deadline and when it
# went unmet.
_ruling(candidates, contested, d) := {
	"inactive": candidates - active,
	"contested": active & contested,
	"voided": (active - contested) - applicable,
	"applicable": applicable,
	"forbids": forbids,
	"enables": enables,
	"deferred": deferred,
	"outcome": outcome,
	"allowed": allowed,
	"unresolved": outcome.winner == "unresolved",
	"duty": duty,
	"required": duty == "enter",
	"mandates": mandates,
	"due_by": due,
	"unmet_since": _unmet_since(mandates, due),
	"winners": {"forbid": forbids, "enable": enables, "none": set(), "unresolved": set()}[outcome.winner],
	"losers": {"forbid": enables, "enable": forbids, "none": set(), "unresolved": set()}[outcome.winner],
} if {
	active := {x | some x in candidates; _effect_active(x[0], x[1], d)}
	applicable := {x | some x in (active - contested); not _ban_voided(x, d)}
	forbids := {x | some x in applicable; _effect(x).type == "prohibits"}
	deferred := {x | count(forbids) > 0; some x in (applicable - forbids); _effect(x).defers_to_lower}
	enables := (applicable - forbids) - deferred
	outcome := _settled(forbids, enables, active & contested)
	allowed := outcome.winner == "enable"
	mandates := {x | allowed; some x in enables; _effect(x).type == "requires"}
	duty := _strongest_duty(mandates)
	due := _due_by(mandates)
}

# _ban_voided holds when x is a local ban that a higher law in force on d expressly preempts, and
# no court order keeps it in force.
_ban_voided(x, d) if count(_ban_voiders(x, d)) > 0

# _ban_voiders are the preemption laws, as [norm id, citation], that void ban x on d.
_ban_voiders(x, d) := {[pid, data.facts.norms[pid].citation] |
	_effect(x).type == "prohibits"
	count(_sustainers(x[0], d)) == 0
	some [pid, i] in _preemptors(data.facts.norms[x[0]].jurisdiction, d)
	"prohibits" in data.facts.norms[pid].effects[i].voids
}

# _settled is the outcome once the contested bindings are weighed: a contested norm that would
# change the outcome leaves it unresolved, with both sides named.
_settled(forbids, enables, contested) := {"winner": "unresolved", "principle": "contested-binding"} if {
	some k in contested
	_opposes(k, _outcome(forbids, enables).winner)
} else := _outcome(forbids, enables)

# _opposes holds when contested effect k would change an outcome won by winner.
_opposes(k, winner) if {
	_effect(k).type == "prohibits"
	winner in {"enable", "none"}
}

_opposes(k, "forbid") if _effect(k).type != "prohibits"

# _outcome settles the conflict between the effects that forbid and those that enable.
_outcome(forbids, enables) := {"winner": "enable", "principle": "applicability"} if {
	count(forbids) == 0
	count(enables) > 0
} else := {"winner": "forbid", "principle": "applicability"} if {
	count(forbids) > 0
	count(enables) == 0
} else := {"winner": "none", "principle": "applicability"} if {
	count(forbids) == 0
	count(enables) == 0
} else := {"winner": _side(lf < le), "principle": "lex-superior"} if {
	# lex superior: the norm of the higher level of government (the lower rank) prevails
	lf := min({_norm_rank(x[0]) | some x in forbids})
	le := min({_norm_rank(x[0]) | some x in enables})
	lf != le
} else := {"winner": _side(sf > se), "principle": "lex-specialis"} if {
	# lex specialis: of the highest level, the effect aimed more narrowly prevails
	[tf, te] := _top(forbids, enables)
	sf := max({_specificity(x) | some x in tf})
	se := max({_specificity(x) | some x in te})
	sf != se
} else := {"winner": _side(df > de), "principle": "lex-posterior"} if {
	# lex posterior: of the most specific, the later prevails
	[tf, te] := _top(forbids, enables)
	df := max({_effect_start(x[0], x[1]) | some x in _sharpest(tf)})
	de := max({_effect_start(x[0], x[1]) | some x in _sharpest(te)})
	df != de
} else := {"winner": "unresolved", "principle": "unresolved"}

_side(true) := "forbid"

_side(false) := "enable"

# _top keeps, of each side, the effects at the highest level present on either side.
_top(forbids, enables) := [
	{x | some x in forbids; _norm_rank(x[0]) == r},
	{x | some x in enables; _norm_rank(x[0]) == r},
] if {
	r := min({_norm_rank(x[0]) | some x in (forbids | enables)})
}

# _sharpest are the most specific of the effects.
_sharpest(effects) := {x | some x in effects; _specificity(x) == max({_specificity(y) | some y in effects})}

# _strongest_duty is the strongest duty of the mandates in force, or "" for none.
_strongest_duty(mandates) := "" if {
	count(mandates) == 0
} else := duty if {
	r := max({_duty_rank[_effect(x).duty] | some x in mandates})
	some duty, k in _duty_rank
	k == r
}

# _due_by is the deadline of the duty in force: the earliest deadline, when every mandate in
# force sets one; a mandate with no deadline is due at once.
_due_by(mandates) := min({_deadline(x) | some x in mandates}) if {
	count(mandates) > 0
	every x in mandates {
		_deadline(x) != ""
	}
} else := ""

_deadline(x) := object.get(_effect(x), "deadline", "")

# _unmet_since is when an unmet duty became unmet: the deadline, or the earliest mandate's start.
_unmet_since(mandates, due) := due if {
	due != ""
} else := min({_effect_start(x[0], x[1]) | some x in mandates}) if {
	count(mandates) > 0
} else := ""

# ---------------------------------------------------------------- the verdict

# _verdict is the answer to the agency question for agency aid, model m, date d, without its
# explanation: the ruling on the agency's candidates.
_verdict(aid, m, d) := _ruling(_candidates(aid, m), _contested_candidates(aid, m), d)

# _compliance says where an agency stands on d with its duty (the strongest of its mandates, or
# "" for none), given whether it holds a qualifying agreement (satisfied) and the deadline (due,
# "" for none): met (it holds one), due (before or on the deadline), unmet (past the deadline,
# or no deadline, for a duty to enter), or unknown (a duty to request, seek or explore, which the
# facts cannot show was done or not).
_compliance(duty, satisfied, due, d) := "met" if {
	duty != ""
	satisfied == true
} else := "due" if {
	duty != ""
	due != ""
	d <= due
} else := "unmet" if {
	duty == "enter"
} else := "unknown" if {
	duty != ""
} else := ""

# _satisfied holds when agency aid holds an agreement in force on d of a model one of the
# mandates accepts (any qualifying model satisfies a mandate).
default _satisfied(_, _, _) := false

_satisfied(aid, mandates, d) if {
	some x in mandates
	some gid in object.get(data.facts.index.agreements_by_agency, aid, [])
	_agreement_in_force(gid, d)
	data.facts.agreements[gid].model in _effect(x).models
}

# _holds holds when agency aid holds an agreement of model m in force on d.
default _holds(_, _, _) := false

_holds(aid, m, d) if {
	some gid in object.get(data.facts.index.agreements_by_agency, aid, [])
	data.facts.agreements[gid].model == m
	_agreement_in_force(gid, d)
}

# ---------------------------------------------------------------- agreements

# _agreement_in_force holds when agreement gid is in force on d: not pending, started, and
# neither terminated nor delisted.
default _agreement_in_force(_, _) := false

_agreement_in_force(gid, d) if {
	data.facts.agreements[gid].status != "pending"
	_agreement_start(gid) <= d
	not _agreement_ended(gid, d)
}

# _agreement_start is the signed date, or where no source gives one, the first date a source
# (an ICE list, an MOA that ICE posted) showed the agreement.
_agreement_start(gid) := data.facts.agreements[gid].signed

_agreement_start(gid) := data.facts.agreements[gid].first_listed if not data.facts.agreements[gid].signed

default _agreement_ended(_, _) := false

_agreement_ended(gid, d) if data.facts.agreements[gid].terminated <= d

# An agreement that ICE's participating list stopped showing is not in force from that list's date.
_agreement_ended(gid, d) if data.facts.agreements[gid].delisted <= d

# _agreement_view is agreement gid with whether it is in force on d.
_agreement_view(gid, d) := object.union(data.facts.agreements[gid], {"in_force": _agreement_in_force(gid, d)})

# ---------------------------------------------------------------- the full answer

# _agency_answer answers the agency question for agency id aid, model m, date d: the verdict with
# its reasons, the norms set aside and why, the conflicts, the context measures and the coverage.
_agency_answer(aid, m, d) := {
	"agency": aid,
	"agency_name": a.name,
	"agency_kind": a.kind,
	"model": m,
	"as_of": d,
	"allowed": v.allowed,
	"conditional": why.conditional,
	"conditions": why.conditions,
	"required": v.required,
	"duty": v.duty,
	"due_by": v.due_by,
	"compliance": compliance,
	"unresolved": v.unresolved,
	"principle": v.outcome.principle,
	"satisfied": satisfied,
	"agreements": sort([g |
		some gid in object.get(data.facts.index.agreements_by_agency, aid, [])
		data.facts.agreements[gid].model == m
		g := _agreement_view(gid, d)
	]),
	"reasons": why.reasons,
	"restrictions": why.restrictions,
	"set_aside": why.set_aside,
	"conflicts": array.concat(why.conflicts, _contest_conflicts(aid, m, d)),
	"context": _context_in_force(_bearing(aid), d),
	"coverage": _coverage_of_owner(a.jurisdiction),
	"summary": _agency_summary(aid, m, d, {
		"winner": v.outcome.winner,
		"principle": v.outcome.principle,
		"duty": v.duty,
		"due_by": v.due_by,
		"unmet_since": v.unmet_since,
		"compliance": compliance,
		"with_conditions": count(why.conditions) > 0,
	}),
	"revision": data.facts.revision,
} if {
	a := data.facts.agencies[aid]
	candidates := _candidates(aid, m)
	contested := _contested_candidates(aid, m)
	v := _ruling(candidates, contested, d)
	why := _explanation(candidates, contested, m, d)
	satisfied := _satisfied(aid, v.mandates, d)
	compliance := _compliance(v.duty, satisfied, v.due_by, d)
}

# _explanation is the part of the full answer that follows from the candidates alone (and which
# of them are contested) for model m on d, whichever agency has them: the written conditions, the
# reasons, the restrictions, the norms set aside and why, and a conflict no principle settles.
_explanation(candidates, contested, m, d) := {
	"conditional": _conditional(v.allowed, count(conditions)),
	"conditions": conditions,
	"reasons": sort([_reason(x, m, v.outcome.principle) | some x in v.winners]),
	"restrictions": sort([t | some x in v.winners; _effect(x).type == "restricts"; t := _restriction(x); t != ""]),
	"set_aside": _set_aside(candidates, contested, d),
	"conflicts": _conflicts(candidates, contested, d),
} if {
	v := _ruling(candidates, contested, d)
	conditions := _conditions(v.winners)
}

default _conditional(_, _) := false

_conditional(allowed, conditions) if {
	allowed == true
	conditions > 0
}

_restriction(x) := object.get(_effect(x), "restriction", "")

_conditions_of(x) := object.get(_effect(x), "conditions", [])

# _conditions are the written conditions of the effects that won: a restriction's or
# permission's conditions, and for a vests effect, that the one official enters the agreement.
_conditions(winners) := sort(array.concat(
	[c |
		some x in winners
		_effect(x).type in {"restricts", "permits"}
		some t in _conditions_of(x)
		c := _condition_record(x[0], t)
	],
	[c |
		some x in winners
		_effect(x).type == "vests"
		c := _condition_record(x[0], _vested_condition_text(object.get(_effect(x), "official", "")))
	],
))

_condition_record(nid, text) := {
	"norm": nid,
	"citation": data.facts.norms[nid].citation,
	"url": data.facts.norms[nid].url,
	"condition": text,
}

# _reason is the record of an effect that decided the answer, under the principle that did.
_reason(x, m, principle) := object.union(_citing(x[0]), {
	"effect": _effect(x).type,
	"since": _effect_start(x[0], x[1]),
	"principle": principle,
	"sentence": _effect_sentence(x, m),
	"summary": object.get(_effect(x), "sentence", ""),
})

# _aside is the record of an effect set aside, under principle, and why.
_aside(x, principle, why) := object.union(_citing(x[0]), {
	"effect": _effect(x).type,
	"since": _effect_start(x[0], x[1]),
	"principle": principle,
	"sentence": why,
})

# _set_aside lists the candidates the ruling set aside on d, each with the principle and why: the
# losing side; permissions deferring to a norm that forbids; those not in force; local bans a
# higher law voids.
_set_aside(candidates, contested, d) := sort(array.concat(
	array.concat(
		[_aside(x, v.outcome.principle, _set_aside_text(v.outcome.principle)) | some x in v.losers],
		[_aside(x, "federal-deference", _set_aside_text("federal-deference")) | some x in v.deferred],
	),
	array.concat(
		[_aside(x, "applicability", _not_in_force_why(x[0], x[1], d)) | some x in v.inactive],
		[_aside(x, "express-preemption", _voided_text(p[1])) |
			some x in v.voided
			some p in _ban_voiders(x, d)
		],
	),
)) if {
	v := _ruling(candidates, contested, d)
}

# _conflicts names the norms of a conflict no principle settles.
_conflicts(candidates, contested, d) := [{
	"norms": sort([x[0] | some x in (_sharpest(tf) | _sharpest(te))]),
	"sentence": _unresolved_text,
}] if {
	v := _ruling(candidates, contested, d)
	v.outcome.principle == "unresolved"
	[tf, te] := _top(v.forbids, v.enables)
} else := []

# _contest_conflicts names, for an answer left unresolved by a contested binding, each contested
# norm that would change the outcome, with both sides (in the order of their citations).
_contest_conflicts(aid, m, d) := [{"norms": [k[0]], "sentence": _contest_text(aid, k[0])} |
	v := _verdict(aid, m, d)
	v.outcome.principle == "contested-binding"
	some [_, k] in sort([[_contest_order(aid, k), k] | some k in v.contested])
	_opposes(k, _outcome(v.forbids, v.enables).winner)
]

# _contest_order lists contested effects by citation, then by their terms, then by effect: the
# order in which the answer has always named them.
_contest_order(aid, k) := [
	data.facts.norms[k[0]].citation,
	_conditions_of(k),
	_contested_binding(aid, k[0]),
	_deadline(k),
	object.get(_effect(k), "defers_to_lower", false),
	object.get(_effect(k), "duty", ""),
	_effect(k).type,
	k[1],
	data.facts.norms[k[0]].jurisdiction,
	_effect(k).models,
]

# ---------------------------------------------------------------- context and coverage

# _context_in_force lists the context measures of effects (those that bear on an agency) in force
# on d: the measures that bear on the agency without deciding the 287(g) question (detainer
# holds, release notices, jail access, courthouse arrests).
_context_in_force(effects, d) := sort([_context_record(x[0], x[1]) |
	some x in effects
	_effect(x).type == "context"
	_effect_active(x[0], x[1], d)
])

# _context_effects are the indexes of the context measures of norm nid.
_context_effects(nid) := {i | some i, e in data.facts.norms[nid].effects; e.type == "context"}

_context_record(nid, i) := {
	"norm": nid,
	"title": n.title,
	"citation": n.citation,
	"url": n.url,
	"jurisdiction": n.jurisdiction,
	"measure": e.measure,
	"direction": e.direction,
	"since": _effect_start(nid, i),
	"verified": n.verified,
	"sentence": object.get(e, "sentence", ""),
} if {
	n := data.facts.norms[nid]
	e := n.effects[i]
}

# _coverage_entry says whether the law of jurisdiction jid was researched: on a state, its
# state law; on a county or place, its local policies. A record that says not-researched, or
# no record, is reported as not researched, with no date.
_coverage_entry(jid) := {
	"jurisdiction": jid,
	"name": data.facts.jurisdictions[jid].name,
	"outcome": c.outcome,
	"date": c.date,
	"confidence": object.get(c, "confidence", ""),
	"note": c.note,
	"open": object.get(c, "open", []),
} if {
	c := data.facts.jurisdictions[jid].checked
	c.outcome != "not-researched"
} else := {
	"jurisdiction": jid,
	"name": object.get(object.get(data.facts.jurisdictions, jid, {}), "name", jid),
	"outcome": "not-researched",
	"date": "",
	"confidence": "",
	"note": "",
	"open": [],
}

# _coverage_of_owner is what an answer about an agency that jurisdiction jid owns rests on: the
# survey of its state's law, and of the local policies of the local government that owns it.
_coverage_of_owner(jid) := {
	"state_law": _coverage_entry(_state_of(jid)),
	"local_policies": [_coverage_entry(jid) | _jurisdiction_level(jid) == 2],
}
