# The words of the answers
#
# Every sentence an answer carries is written here, and only the full answers (agency and
# locality) build them: the verdict, the bypasses and the landscape report carry none.
package juris

# ---------------------------------------------------------------- input errors

_bad_date_text(d) := sprintf("as_of %v is not a date written YYYY-MM-DD", [d])

_missing_agency_text := "agency is required: an agency id such as us/tx/travis-county/sheriff"

_unknown_agency_text(id) := sprintf(
	"unknown agency %v: no agency has that id (find ids with `juris explain NAME`)",
	[id],
)

_missing_model_text := sprintf("model is required; valid models: %s", [concat(", ", sort(_models))])

_unknown_model_text(m) := sprintf("unknown model %v; valid models: %s", [m, concat(", ", sort(_models))])

_missing_locality_text := "locality is required: a jurisdiction id such as us/tx/austin"

_unknown_locality_text(id) := sprintf(
	"unknown locality %v: no jurisdiction has that id (find ids with `juris explain NAME`)",
	[id],
)

_unknown_state_text(usps) := sprintf("unknown state %v: give a USPS code such as TX", [usps])

# ---------------------------------------------------------------- facts the policy cannot use

_unbound_agency_text(aid, nid) := sprintf(
	concat("", [
		"%s is named in reaches.agencies, but %s does not bind it (%s); add a bindings entry ",
		"(status binds or contested) with the source that makes it bind, or leave the agency out",
	]),
	[aid, nid, _why_not_bound_by_text(aid, nid)],
)

_why_not_bound_by_text(aid, nid) := "a sheriff is not bound by its county government's policies" if {
	data.facts.agencies[aid].kind in _independent_kinds
	data.facts.norms[nid].jurisdiction == data.facts.agencies[aid].jurisdiction
} else := sprintf(
	"the norm's maker, %s, is not among the governments whose norms bind the agency",
	[data.facts.norms[nid].jurisdiction],
)

# ---------------------------------------------------------------- norms in time

# _not_in_force_why says why effect i of norm nid does not apply on d (or is undefined if it
# does): it starts later, the norm ended, it is suspended, another norm overrides it, or the
# effect ended.
_not_in_force_why(nid, i, d) := sprintf("not in force on %s: it applies from %s", [d, _effect_start(nid, i)]) if {
	_effect_start(nid, i) > d
} else := sprintf("not in force on %s: %s on %s", [d, ev[1], ev[0]]) if {
	ev := _ended_on(nid, d)
} else := sprintf("not in force on %s: suspended from %s%s by %s", [d, s.from, _until_text(s), s.citation]) if {
	s := _suspension_on(nid, d)
} else := sprintf("not in force on %s: %s by %s (from %s)", [d, _override_verb[o[1]], o[2], o[3]]) if {
	some o in _overriders(nid, d)
} else := sprintf("not in force on %s: its effect ended on %s", [d, data.facts.norms[nid].effects[i].until]) if {
	_effect_over(nid, i, d)
}

_override_verb := {"voids": "voided", "suspends": "overridden without repeal"}

_until_text(s) := sprintf(" until %s", [s.until]) if {
	s.until
} else := ""

# ---------------------------------------------------------------- the agency answer

# The principles that settle the agency question, in words.
_principle_text := {
	"applicability": "no norm in force conflicts with it",
	"lex-superior": "a norm of a higher level of government prevails (lex superior)",
	"lex-specialis": "the norm aimed more narrowly at this agency or model prevails (lex specialis)",
	"lex-posterior": "the later norm of the same level prevails (lex posterior)",
	"federal-deference": concat("", [
		"8 U.S.C. § 1357(g)(1) permits agreements only \"to the extent consistent with State and local law\", ",
		"and (g)(9) requires none",
	]),
	"express-preemption": "a higher law expressly voids it",
	"contested-binding": "its maker says it binds this agency and the agency says it does not",
	"unresolved": "no principle settles the conflict",
}

_set_aside_text(principle) := sprintf("set aside: %s", [_principle_text[principle]])

_voided_text(citation) := sprintf("voided by %s, which preempts local policies that prohibit cooperation", [citation])

_unresolved_text := concat("", [
	"These norms disagree, are of the same level and equally specific, and took effect on the same date: ",
	"the law leaves the conflict open.",
])

_contest_text(aid, nid) := sprintf(
	"%s: its maker says it binds %s (%s); the agency says it does not (%s). Source: %s.",
	[data.facts.norms[nid].citation, data.facts.agencies[aid].name, b.position, b.response, b.citation],
) if {
	b := _contested_binding(aid, nid)
}

_vested_condition_text(official) := sprintf(
	"entered into, modified or extended by %s; the agency may not enter one on its own",
	[official],
)

# _effect_sentence says what effect x provides for an agreement of model m.
_effect_sentence(x, m) := sprintf("%s forbids this agency to hold a %s agreement (%s).", [c, m, since]) if {
	_effect(x).type == "prohibits"
	[c, since] := _citation_since(x)
} else := sprintf("%s permits a %s agreement, only as far as state and local law allow (%s).", [c, m, since]) if {
	_effect(x).type == "permits"
	_effect(x).defers_to_lower
	[c, since] := _citation_since(x)
} else := sprintf("%s permits a %s agreement only under written conditions: %s (%s).", [c, m, conditions, since]) if {
	_effect(x).type == "permits"
	count(_conditions_of(x)) > 0
	[c, since] := _citation_since(x)
	conditions := concat("; ", _conditions_of(x))
} else := sprintf("%s permits a %s agreement (%s).", [c, m, since]) if {
	_effect(x).type == "permits"
	[c, since] := _citation_since(x)
} else := sprintf(
	"%s vests the decision in %s: an agreement for this agency is lawful only if that official enters into it (%s).",
	[c, object.get(_effect(x), "official", ""), since],
) if {
	_effect(x).type == "vests"
	[c, since] := _citation_since(x)
} else := sprintf(
	"%s requires this agency to %s a 287(g) agreement by %s; any of %s satisfies it (%s).",
	[c, object.get(_effect(x), "duty", ""), _deadline(x), concat(", ", sort(_effect(x).models)), since],
) if {
	_effect(x).type == "requires"
	_deadline(x) != ""
	[c, since] := _citation_since(x)
} else := sprintf(
	"%s requires this agency to %s a 287(g) agreement; any of %s satisfies it (%s).",
	[c, object.get(_effect(x), "duty", ""), concat(", ", sort(_effect(x).models)), since],
) if {
	_effect(x).type == "requires"
	[c, since] := _citation_since(x)
} else := sprintf("%s allows the agreement only under written conditions: %s (%s).", [c, conditions, since]) if {
	_effect(x).type == "restricts"
	count(_conditions_of(x)) > 0
	_restriction(x) == ""
	[c, since] := _citation_since(x)
	conditions := concat("; ", _conditions_of(x))
} else := sprintf(
	"%s allows the agreement but restricts it: %s; and only under written conditions: %s (%s).",
	[c, _restriction(x), concat("; ", _conditions_of(x)), since],
) if {
	_effect(x).type == "restricts"
	count(_conditions_of(x)) > 0
	[c, since] := _citation_since(x)
} else := sprintf("%s allows the agreement but restricts it: %s (%s).", [c, _restriction(x), since]) if {
	[c, since] := _citation_since(x)
}

_citation_since(x) := [data.facts.norms[x[0]].citation, sprintf("in force since %s", [_effect_start(x[0], x[1])])]

# _agency_summary is the answer in one sentence, with a warning where the state's law was not
# researched. The gist is what the sentence says of the answer: the outcome's winner and
# principle, the duty with its deadline, when it went unmet and where the agency stands with
# it, and whether the answer has written conditions.
_agency_summary(aid, m, d, gist) := concat("", [
	_agency_answer_text(data.facts.agencies[aid].name, m, d, gist),
	_coverage_warning(_state_of(data.facts.agencies[aid].jurisdiction)),
])

_agency_answer_text(name, m, d, gist) := sprintf(
	"On %s, no norm in force decides whether %s may hold a %s agreement.",
	[d, name, m],
) if {
	gist.winner == "none"
} else := sprintf(
	concat("", [
		"On %s, whether %s may hold a %s agreement is unresolved: a norm's binding on it is contested: ",
		"its maker says it binds the agency, and the agency says it does not.",
	]),
	[d, name, m],
) if {
	gist.principle == "contested-binding"
} else := sprintf(
	concat("", [
		"On %s, the law is in conflict on whether %s may hold a %s agreement: ",
		"norms of the same level, equally specific and of the same date disagree.",
	]),
	[d, name, m],
) if {
	gist.winner == "unresolved"
} else := sprintf("On %s, %s may not hold a %s agreement.", [d, name, m]) if {
	gist.winner == "forbid"
} else := sprintf(
	"On %s, %s may hold a %s agreement only under the conditions listed, and %s.",
	[d, name, m, _duty_text(gist)],
) if {
	gist.duty != ""
	gist.with_conditions == true
} else := sprintf("On %s, %s may hold a %s agreement and %s.", [d, name, m, _duty_text(gist)]) if {
	gist.duty != ""
} else := sprintf(
	"On %s, %s may hold a %s agreement only under the conditions listed; no norm in force requires one.",
	[d, name, m],
) if {
	gist.with_conditions == true
} else := sprintf("On %s, %s may hold a %s agreement; no norm in force requires one.", [d, name, m])

# _duty_text says what the duty of an answer's gist asks, and where the agency stands with it.
_duty_text(gist) := sprintf(
	"must %s one by %s (any qualifying model); it holds none yet",
	[gist.duty, gist.due_by],
) if {
	gist.compliance == "due"
} else := sprintf(
	"must %s one (any qualifying model); unmet since %s: it holds none",
	[gist.duty, gist.unmet_since],
) if {
	gist.compliance == "unmet"
} else := sprintf(
	"must %s one (any qualifying model); it holds none, and the facts cannot show whether it did so",
	[gist.duty],
) if {
	gist.compliance == "unknown"
} else := sprintf("must %s one (any qualifying model), and holds a qualifying agreement", [gist.duty])

# _coverage_warning is the sentence an answer adds when the state's law was not researched.
_coverage_warning(sid) := sprintf(
	concat("", [
		" The state law of %s has not been researched: ",
		"this answer rests on the federal law and on the norms in the facts alone.",
	]),
	[data.facts.jurisdictions[sid].name],
) if {
	_coverage_entry(sid).outcome == "not-researched"
} else := ""

# ---------------------------------------------------------------- the locality answer

# How far a local policy limits cooperation, in the words of a preemption law.
_extent_text := {
	"prohibits": "prohibit cooperation",
	"materially-limits": "materially limit it",
	"procedural": "limit it only in procedure",
}

# How an agreement reaches people inside a locality, by channel.
_channel_text := {
	"jail": "screens people booked into the jail where the locality's arrestees are booked",
	"warrant-service": "serves ICE warrants on people held in the jail where the locality's arrestees are booked",
	"patrol": "uses immigration powers while policing inside the locality",
	"own-arrests": concat("", [
		"books the people its own officers arrest inside the locality into its own jail, ",
		"where its agreement applies to them",
	]),
}

# _policy_status_text says whether policy nid stands on d, and why, under principle.
_policy_status_text(_, nid, d, "applicability") := _not_in_force_text(nid, d) if {
	not _policy_active(nid, d)
} else := sprintf("In force on %s; no higher law in force voids it.", [d])

_policy_status_text(lid, nid, d, "court-order") := sprintf(
	"In force on %s although %s preempts local policies: %s keeps it in force.",
	[
		d,
		concat("; ", sort([data.facts.norms[p[0]].citation | some p in _preemptors(lid, d)])),
		concat("; ", sort([s[1] | some s in _sustainers(nid, d)])),
	],
)

_policy_status_text(lid, nid, d, "express-preemption") := sprintf(
	"Void on %s: %s expressly preempts local policies of this kind.",
	[d, concat("; ", sort([data.facts.norms[p[0]].citation | some p in _policy_voiders(lid, nid, d)]))],
)

_policy_status_text(lid, nid, d, "unresolved") := sprintf(
	concat("", [
		"Unresolved on %s: %s voids local policies that %s, ",
		"and the sources do not settle how far this policy limits cooperation.",
	]),
	[
		d,
		concat("; ", sort([data.facts.norms[p[0]].citation | some p in open])),
		concat(" or ", [_extent_text[v] | some v in sort({v | some p in open; some v in _effect(p).voids})]),
	],
) if {
	open := _policy_open(lid, nid, d)
}

_not_in_force_text(nid, d) := sprintf("%s.", [_upper_first(why)]) if {
	some i in _limiting_effects(nid)
	why := _not_in_force_why(nid, i, d)
} else := sprintf("Not in force on %s: its limiting effects do not apply on that date.", [d])

_upper_first(s) := concat("", [upper(substring(s, 0, 1)), substring(s, 1, -1)])

# _bypass_text says how bypass b goes around the standing policies, or, for an agency whose
# binding is contested, that whether it does is unresolved.
_bypass_text(b, standing) := sprintf(
	concat("", [
		"%s holds a %s agreement %s: it %s. ",
		"Whether %s binds it is contested, so whether this bypasses the policy is unresolved.",
	]),
	[
		data.facts.agencies[b.agency].name, data.facts.agreements[b.agreement].model,
		_agreement_since_text(b.agreement), _channel_text[b.channel], _citations_text(standing),
	],
) if {
	b.contested
} else := sprintf("%s is not bound by %s and holds a %s agreement %s: it %s.", [
	data.facts.agencies[b.agency].name, _citations_text(standing), data.facts.agreements[b.agreement].model,
	_agreement_since_text(b.agreement), _channel_text[b.channel],
])

_citations_text(standing) := concat("; ", sort([data.facts.norms[nid].citation | some nid in standing]))

# _agreement_since_text says where an agreement's time in force starts, and marks an assumed one.
_agreement_since_text(gid) := sprintf("assumed signed %s (a what-if, not a fact)", [g.signed]) if {
	g := data.facts.agreements[gid]
	g.assumed
} else := sprintf("signed %s", [data.facts.agreements[gid].signed]) if {
	data.facts.agreements[gid].signed
} else := sprintf(
	"in force from %s, when a source first showed it (no signed date in the sources)",
	[data.facts.agreements[gid].first_listed],
)

# _why_not_bound_text says why the locality's policies do not bind agency aid.
_why_not_bound_text(lid, aid) := sprintf(
	"its bound_by rule (%s) leaves out %s",
	[a.bound_by_source.citation, data.facts.jurisdictions[lid].name],
) if {
	a := data.facts.agencies[aid]
	a.bound_by
} else := sprintf(
	"a %s answers to the state, not to %s",
	[data.facts.agencies[aid].kind, data.facts.jurisdictions[lid].name],
) if {
	data.facts.agencies[aid].kind in _independent_kinds
} else := sprintf(
	"owned by %s, which %s's policies do not bind",
	[data.facts.jurisdictions[data.facts.agencies[aid].jurisdiction].name, data.facts.jurisdictions[lid].name],
)

# _locality_summary is the answer in one sentence, with a warning where the state's law was not
# researched.
_locality_summary(lid, d, policies, standing, bypasses) := concat("", [
	_locality_answer_text(lid, d, policies, standing, bypasses),
	_coverage_warning(_state_of(lid)),
])

_locality_answer_text(lid, d, policies, standing, bypasses) := sprintf(
	"On %s, the local policies of %s have not been researched: the facts hold none, which does not mean it has none.",
	[d, data.facts.jurisdictions[lid].name],
) if {
	policies == 0
	_coverage_entry(lid).outcome == "not-researched"
} else := sprintf(
	concat("", [
		"On %s, %s has no policy limiting cooperation with immigration enforcement in the facts; ",
		"its local policies were checked on %s.",
	]),
	[d, data.facts.jurisdictions[lid].name, _coverage_entry(lid).date],
) if {
	policies == 0
} else := sprintf(
	"On %s, none of %s's policies limiting cooperation stands: each is not in force or preempted.",
	[d, data.facts.jurisdictions[lid].name],
) if {
	standing == 0
} else := sprintf(
	"On %s, %s's policy is bypassed: %d agreement(s) held by agencies it does not bind reach people inside it.",
	[d, data.facts.jurisdictions[lid].name, bypasses],
) if {
	bypasses > 0
} else := sprintf(
	concat("", [
		"On %s, no agency outside the reach of %s's policies holds an agreement in force that reaches ",
		"people inside it; the agencies that could are listed.",
	]),
	[d, data.facts.jurisdictions[lid].name],
)

# ---------------------------------------------------------------- the report

# _reach_text says in words whom an effect reaches: "all agencies", or its narrowing.
_reach_text(r) := "all agencies" if {
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
