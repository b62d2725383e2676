# The agency question
#
# May agency A hold a 287(g) agreement of model M on date D, and must it? Every applicable
# norm is evaluated, then conflicts are settled in a fixed order: federal deference, lex
# superior, lex specialis, lex posterior; two norms still in conflict are reported as
# unresolved, never silently picked. Local bans that a higher law expressly preempts are set
# aside first, unless a court order sustains them. A norm whose binding on the agency is
# contested (its maker says it binds, the agency refuses) leaves the answer unresolved where
# it would change it.
package juris

deontic_types := {"prohibits", "restricts", "permits", "vests", "requires"}

duty_rank := {"enter": 4, "request": 3, "seek": 2, "explore": 1}

# bearing holds when norm n bears on agency a: it binds a, or its binding on a is contested.
bearing(a, n) if binds(a, n)

bearing(a, n) if contested(a, n)

contest_record(a, n) := b if {
	b := contested(a, n)
} else := false

# candidates is every effect of every norm that bears on agency a, is about 287(g) agreements,
# covers model m and reaches a, whatever the date.
candidates(a, m) := {x |
	some j in (bound_by(a) | {a.jurisdiction})
	some nid in object.get(data.facts.index.norms_by_jurisdiction, j, [])
	n := data.facts.norms[nid]
	bearing(a, n)
	some i, e in n.effects
	e.type in deontic_types
	m in e.models
	reaches(a, e)
	x := object.union(norm_record(nid, n, i, e), {
		"duty": object.get(e, "duty", ""),
		"models": e.models,
		"defers": object.get(e, "defers_to_lower", false),
		"restriction": object.get(e, "restriction", ""),
		"conditions": object.get(e, "conditions", []),
		"official": object.get(e, "official", ""),
		"deadline": object.get(e, "deadline", ""),
		"specificity": specificity(e),
		"contested": contest_record(a, n),
	})
}

# active holds when candidate x is in force on d.
active(x, d) if {
	n := data.facts.norms[x.norm]
	effect_active(n, n.effects[x.effect_index], d)
}

# applicable are the candidates in force on d, bound without contest and not preempted.
applicable(C, d) := {x |
	some x in C
	x.contested == false
	active(x, d)
	not preempted_on(x, d)
}

# contested_on are the candidates in force on d whose binding on the agency is contested.
contested_on(C, d) := {x |
	some x in C
	x.contested != false
	active(x, d)
}

# inactive are candidates that are not in force on d: the "why not" of applicability.
inactive(C, d) := {object.union(x, {"principle": "applicability", "why": not_in_force_why(n, n.effects[x.effect_index], d)}) |
	some x in C
	not active(x, d)
	n := data.facts.norms[x.norm]
}

# preempted_on holds for a local ban that a higher law expressly preempts on d, unless a court
# order keeps it in force.
preempted_on(x, d) if {
	x.effect == "prohibits"
	count(sustainers(x.norm, d)) == 0
	some p in preemptors(x.jurisdiction, d)
	"prohibits" in p.voids
}

preempted_effects(C, d) := {object.union(x, {"principle": "express-preemption", "why": sprintf("voided by %s, which preempts local policies that prohibit cooperation", [p.citation]), "by": p.norm}) |
	some x in C
	x.contested == false
	active(x, d)
	x.effect == "prohibits"
	count(sustainers(x.norm, d)) == 0
	some p in preemptors(x.jurisdiction, d)
	"prohibits" in p.voids
}

forbids(A) := {x | some x in A; x.effect == "prohibits"}

# deferred are permissions that yield to state and local law, when some such law forbids.
deferred(A) := {x | some x in A; x.effect != "prohibits"; x.defers; count(forbids(A)) > 0}

enables(A) := {x | some x in A; x.effect != "prohibits"} - deferred(A)

# outcome settles the conflict between what forbids and what enables.
outcome(F, E) := {"winner": "enable", "principle": "applicability"} if {
	count(F) == 0
	count(E) > 0
} else := {"winner": "forbid", "principle": "applicability"} if {
	count(F) > 0
	count(E) == 0
} else := {"winner": "none", "principle": "applicability"} if {
	count(F) == 0
	count(E) == 0
} else := {"winner": side(lf < le), "principle": "lex-superior"} if {
	lf := min({x.rank | some x in F})
	le := min({x.rank | some x in E})
	lf != le
} else := {"winner": side(sf > se), "principle": "lex-specialis"} if {
	sf := max({x.specificity | some x in top(F, E)[0]})
	se := max({x.specificity | some x in top(F, E)[1]})
	sf != se
} else := {"winner": side(df > de), "principle": "lex-posterior"} if {
	df := max({x.since | some x in sharpest(top(F, E)[0])})
	de := max({x.since | some x in sharpest(top(F, E)[1])})
	df != de
} else := {"winner": "unresolved", "principle": "unresolved"}

# settled is the outcome once contested bindings are weighed: a contested norm that would
# change the outcome leaves it unresolved, with both sides named.
settled(F, E, K) := {"winner": "unresolved", "principle": "contested-binding"} if {
	some k in K
	opposes(k, outcome(F, E).winner)
} else := outcome(F, E)

opposes(k, winner) if {
	k.effect == "prohibits"
	winner in {"enable", "none"}
}

opposes(k, "forbid") if k.effect != "prohibits"

side(true) := "forbid"

side(false) := "enable"

# top keeps, of each side, the effects at the highest level present on either side.
top(F, E) := [{x | some x in F; x.rank == r}, {x | some x in E; x.rank == r}] if {
	r := min({x.rank | some x in (F | E)})
}

sharpest(S) := {x | some x in S; x.specificity == max({y.specificity | some y in S})}

principle_text := {
	"applicability": "no norm in force conflicts with it",
	"lex-superior": "a norm of a higher level of government prevails (lex superior)",
	"lex-specialis": "the norm aimed more narrowly at this agency or model prevails (lex specialis)",
	"lex-posterior": "the later norm of the same level prevails (lex posterior)",
	"federal-deference": "8 U.S.C. § 1357(g)(1) permits agreements only \"to the extent consistent with State and local law\", and (g)(9) requires none",
	"express-preemption": "a higher law expressly voids it",
	"contested-binding": "its maker says it binds this agency and the agency says it does not",
	"unresolved": "no principle settles the conflict",
}

since_text(x) := sprintf("in force since %s", [x.since])

effect_sentence(x, m) := sprintf("%s forbids this agency to hold a %s agreement (%s).", [x.citation, m, since_text(x)]) if {
	x.effect == "prohibits"
} else := sprintf("%s permits a %s agreement, only as far as state and local law allow (%s).", [x.citation, m, since_text(x)]) if {
	x.effect == "permits"
	x.defers
} else := sprintf("%s permits a %s agreement only under written conditions: %s (%s).", [x.citation, m, concat("; ", x.conditions), since_text(x)]) if {
	x.effect == "permits"
	count(x.conditions) > 0
} else := sprintf("%s permits a %s agreement (%s).", [x.citation, m, since_text(x)]) if {
	x.effect == "permits"
} else := sprintf("%s vests the decision in %s: an agreement for this agency is lawful only if that official enters into it (%s).", [x.citation, x.official, since_text(x)]) if {
	x.effect == "vests"
} else := sprintf("%s requires this agency to %s a 287(g) agreement by %s; any of %s satisfies it (%s).", [x.citation, x.duty, x.deadline, concat(", ", sort(x.models)), since_text(x)]) if {
	x.effect == "requires"
	x.deadline != ""
} else := sprintf("%s requires this agency to %s a 287(g) agreement; any of %s satisfies it (%s).", [x.citation, x.duty, concat(", ", sort(x.models)), since_text(x)]) if {
	x.effect == "requires"
} else := sprintf("%s allows the agreement only under written conditions: %s (%s).", [x.citation, concat("; ", x.conditions), since_text(x)]) if {
	x.effect == "restricts"
	count(x.conditions) > 0
	x.restriction == ""
} else := sprintf("%s allows the agreement but restricts it: %s; and only under written conditions: %s (%s).", [x.citation, x.restriction, concat("; ", x.conditions), since_text(x)]) if {
	x.effect == "restricts"
	count(x.conditions) > 0
} else := sprintf("%s allows the agreement but restricts it: %s (%s).", [x.citation, x.restriction, since_text(x)])

reason(x, m, principle) := {
	"norm": x.norm,
	"title": x.title,
	"citation": x.citation,
	"url": x.url,
	"effect": x.effect,
	"level": x.level,
	"since": x.since,
	"verified": x.verified,
	"principle": principle,
	"sentence": effect_sentence(x, m),
	"summary": x.summary,
}

aside(x, principle, why) := {
	"norm": x.norm,
	"title": x.title,
	"citation": x.citation,
	"url": x.url,
	"effect": x.effect,
	"level": x.level,
	"since": x.since,
	"verified": x.verified,
	"principle": principle,
	"sentence": why,
}

# verdict is the answer to the agency question, without sentences: what the full decision, a
# locality's could_bypass list and the landscape report share.
verdict(aid, m, d) := v if {
	a := data.facts.agencies[aid]
	C := candidates(a, m)
	A := applicable(C, d)
	F := forbids(A)
	E := enables(A)
	K := contested_on(C, d)
	o := settled(F, E, K)
	allowed := o.winner == "enable"
	reqs := {x | some x in E; x.effect == "requires"; allowed}
	duty := max_duty(reqs)
	sat := satisfied(aid, reqs, d)
	due := due_by(reqs)
	v := {
		"agency": a,
		"candidates": C,
		"applicable": A,
		"forbids": F,
		"enables": E,
		"contested": K,
		"outcome": o,
		"allowed": allowed,
		"required": duty == "enter",
		"duty": duty,
		"reqs": reqs,
		"unresolved": o.winner == "unresolved",
		"satisfied": sat,
		"due_by": due,
		"compliance": compliance(duty, sat, due, d),
		"unmet_since": unmet_since(reqs, due),
		"holds": holds_model(aid, m, d),
		"winners": {"forbid": F, "enable": E, "none": set(), "unresolved": set()}[o.winner],
		"losers": {"forbid": E, "enable": F, "none": set(), "unresolved": set()}[o.winner],
	}
}

# due_by is the deadline of the duty in force: the earliest deadline, when every mandate in
# force sets one; a mandate with no deadline is due at once.
due_by(reqs) := min({x.deadline | some x in reqs}) if {
	count(reqs) > 0
	every x in reqs {
		x.deadline != ""
	}
} else := ""

# compliance says where an agency stands with its duty on d: met (it holds a qualifying
# agreement), due (before or on the deadline), unmet (past the deadline, or no deadline, for a
# duty to enter), or unknown (a duty to request, seek or explore, which the facts cannot show
# was done or not).
compliance(duty, sat, due, d) := "met" if {
	duty != ""
	sat
} else := "due" if {
	duty != ""
	due != ""
	d <= due
} else := "unmet" if {
	duty == "enter"
} else := "unknown" if {
	duty != ""
} else := ""

# unmet_since is when an unmet duty became unmet: the deadline, or the earliest mandate's start.
unmet_since(reqs, due) := due if {
	due != ""
} else := min({x.since | some x in reqs}) if {
	count(reqs) > 0
} else := ""

conditions_of(W) := sort(array.concat(
	[c |
		some x in W
		x.effect in {"restricts", "permits"}
		some t in x.conditions
		c := {"norm": x.norm, "citation": x.citation, "url": x.url, "condition": t}
	],
	[c |
		some x in W
		x.effect == "vests"
		c := {"norm": x.norm, "citation": x.citation, "url": x.url, "condition": sprintf("entered into, modified or extended by %s; the agency may not enter one on its own", [x.official])}
	],
))

conditional(allowed, conds) if {
	allowed
	count(conds) > 0
}

default conditional(_, _) := false

contest_conflicts(v) := [{"norms": [k.norm], "sentence": contest_sentence(k, v.agency)} |
	v.outcome.principle == "contested-binding"
	some k in v.contested
	opposes(k, outcome(v.forbids, v.enables).winner)
]

contest_sentence(k, a) := sprintf("%s: its maker says it binds %s (%s); the agency says it does not (%s). Source: %s.", [k.citation, a.name, k.contested.position, k.contested.response, k.contested.citation])

# agency_decision answers the agency question for agency id aid, model m, date d.
agency_decision(aid, m, d) := dec if {
	v := verdict(aid, m, d)
	a := v.agency
	o := v.outcome
	agreements := sort([g | some gid in object.get(data.facts.index.agreements_by_agency, aid, []); g := agreement_view(gid, d); g.model == m])
	conds := conditions_of(v.winners)
	dec := {
		"agency": aid,
		"agency_name": a.name,
		"agency_kind": a.kind,
		"model": m,
		"as_of": d,
		"allowed": v.allowed,
		"conditional": conditional(v.allowed, conds),
		"conditions": conds,
		"required": v.required,
		"duty": v.duty,
		"due_by": v.due_by,
		"compliance": v.compliance,
		"unresolved": v.unresolved,
		"principle": o.principle,
		"satisfied": v.satisfied,
		"agreements": agreements,
		"reasons": sort([reason(x, m, o.principle) | some x in v.winners]),
		"restrictions": sort([x.restriction | some x in v.winners; x.effect == "restricts"; x.restriction != ""]),
		"set_aside": sort(array.concat(
			array.concat(
				[aside(x, o.principle, sprintf("set aside: %s", [principle_text[o.principle]])) | some x in v.losers],
				[aside(x, "federal-deference", sprintf("set aside: %s", [principle_text["federal-deference"]])) | some x in deferred(v.applicable)],
			),
			array.concat(
				[aside(x, x.principle, x.why) | some x in inactive(v.candidates, d)],
				[aside(x, x.principle, x.why) | some x in preempted_effects(v.candidates, d)],
			),
		)),
		"conflicts": array.concat(conflicts(v.forbids, v.enables, o), contest_conflicts(v)),
		"context": agency_context(a, d),
		"coverage": agency_coverage(a),
		"summary": agency_summary(a, m, d, v, count(conds) > 0),
	}
}

# agency_verdict is the agency decision's answer without its reasons and sentences: what a
# locality's could_bypass list and the landscape report need, at a fraction of the cost.
# winners are the records that settled it (for a forbidden agreement, the forbidding norms).
agency_verdict(aid, m, d) := {k: v[k] | some k in verdict_keys} if {
	v := verdict(aid, m, d)
}

verdict_keys := {"allowed", "required", "duty", "unresolved", "satisfied", "holds", "winners", "compliance", "due_by", "unmet_since"}

holds_model(aid, m, d) if {
	some gid in object.get(data.facts.index.agreements_by_agency, aid, [])
	g := data.facts.agreements[gid]
	g.model == m
	agreement_in_force(g, d)
}

default holds_model(_, _, _) := false

conflicts(F, E, o) := [{"norms": sort([x.norm | some x in (sharpest(top(F, E)[0]) | sharpest(top(F, E)[1]))]), "sentence": "These norms disagree, are of the same level and equally specific, and took effect on the same date: the law leaves the conflict open."}] if {
	o.principle == "unresolved"
} else := []

max_duty(reqs) := "" if {
	count(reqs) == 0
} else := d if {
	r := max({duty_rank[x.duty] | some x in reqs})
	some d, k in duty_rank
	k == r
}

satisfied(aid, reqs, d) if {
	some x in reqs
	some gid in object.get(data.facts.index.agreements_by_agency, aid, [])
	g := agreement_view(gid, d)
	g.in_force
	g.model in x.models
}

default satisfied(_, _, _) := false

# agreement_view is an agreement with whether it is in force on d.
agreement_view(gid, d) := object.union(g, {"in_force": agreement_in_force(g, d)}) if {
	g := data.facts.agreements[gid]
}

agreement_in_force(g, d) if {
	g.status != "pending"
	agreement_start(g) <= d
	not agreement_ended(g, d)
}

default agreement_in_force(_, _) := false

# agreement_start is the signed date, or where no source gives one, the first date a source
# (an ICE list, an MOA that ICE posted) showed the agreement.
agreement_start(g) := g.signed

agreement_start(g) := g.first_listed if not g.signed

agreement_ended(g, d) if g.terminated <= d

# An agreement that ICE's participating list stopped showing is not in force from that list's date.
agreement_ended(g, d) if g.delisted <= d

# ---------------------------------------------------------------- context and coverage

# agency_context lists the measures in force that bear on the agency without deciding the
# 287(g) question: detainer holds, release notices, jail access, courthouse arrests.
agency_context(a, d) := sort([context_record(nid, n, e) |
	some j in (bound_by(a) | {a.jurisdiction})
	some nid in object.get(data.facts.index.norms_by_jurisdiction, j, [])
	n := data.facts.norms[nid]
	bearing(a, n)
	some e in n.effects
	e.type == "context"
	reaches(a, e)
	effect_active(n, e, d)
])

context_record(nid, n, e) := {
	"norm": nid,
	"title": n.title,
	"citation": n.citation,
	"url": n.url,
	"jurisdiction": n.jurisdiction,
	"measure": e.measure,
	"direction": e.direction,
	"since": effect_start(n, e),
	"verified": n.verified,
	"sentence": object.get(e, "sentence", ""),
}

# state_of is the id of the state (or DC, or territory) an id lies in.
state_of(id) := concat("/", array.slice(split(id, "/"), 0, 2))

# coverage_entry says whether the law of jurisdiction jid was researched: on a state, its
# state law; on a county or place, its local policies. A record that says not-researched, or
# no record, is reported as not researched, with no date.
coverage_entry(jid) := {
	"jurisdiction": jid,
	"name": data.facts.jurisdictions[jid].name,
	"outcome": c.outcome,
	"date": c.date,
	"confidence": object.get(c, "confidence", ""),
	"note": c.note,
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
}

# agency_coverage is what the answer rests on: the survey of its state's law, and of the local
# policies of the local government that owns it.
agency_coverage(a) := {
	"state_law": coverage_entry(state_of(a.jurisdiction)),
	"local_policies": [coverage_entry(a.jurisdiction) | jurisdiction_level(a.jurisdiction) == 2],
}

# coverage_warning is the sentence an answer adds when the state's law was not researched.
coverage_warning(sid) := sprintf(" The state law of %s has not been researched: this answer rests on the federal law and on the norms in the facts alone.", [data.facts.jurisdictions[sid].name]) if {
	coverage_entry(sid).outcome == "not-researched"
} else := ""

duty_text(v) := sprintf("must %s one by %s (any qualifying model); it holds none yet", [v.duty, v.due_by]) if {
	v.compliance == "due"
} else := sprintf("must %s one (any qualifying model); unmet since %s: it holds none", [v.duty, v.unmet_since]) if {
	v.compliance == "unmet"
} else := sprintf("must %s one (any qualifying model); it holds none, and the facts cannot show whether it did so", [v.duty]) if {
	v.compliance == "unknown"
} else := sprintf("must %s one (any qualifying model), and holds a qualifying agreement", [v.duty])

agency_summary(a, m, d, v, with_conditions) := concat("", [agency_answer(a, m, d, v, with_conditions), coverage_warning(state_of(a.jurisdiction))])

agency_answer(a, m, d, v, with_conditions) := sprintf("On %s, no norm in force decides whether %s may hold a %s agreement.", [d, a.name, m]) if {
	v.outcome.winner == "none"
} else := sprintf("On %s, whether %s may hold a %s agreement is unresolved: a norm's binding on it is contested: its maker says it binds the agency, and the agency says it does not.", [d, a.name, m]) if {
	v.outcome.principle == "contested-binding"
} else := sprintf("On %s, the law is in conflict on whether %s may hold a %s agreement: norms of the same level, equally specific and of the same date disagree.", [d, a.name, m]) if {
	v.unresolved
} else := sprintf("On %s, %s may not hold a %s agreement.", [d, a.name, m]) if {
	v.outcome.winner == "forbid"
} else := sprintf("On %s, %s may hold a %s agreement only under the conditions listed, and %s.", [d, a.name, m, duty_text(v)]) if {
	v.duty != ""
	with_conditions
} else := sprintf("On %s, %s may hold a %s agreement and %s.", [d, a.name, m, duty_text(v)]) if {
	v.duty != ""
} else := sprintf("On %s, %s may hold a %s agreement only under the conditions listed; no norm in force requires one.", [d, a.name, m]) if {
	with_conditions
} else := sprintf("On %s, %s may hold a %s agreement; no norm in force requires one.", [d, a.name, m])
