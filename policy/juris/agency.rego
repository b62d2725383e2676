# The agency question
#
# May agency A hold a 287(g) agreement of model M on date D, and must it? Every applicable
# norm is evaluated, then conflicts are settled in a fixed order: federal deference, lex
# superior, lex specialis, lex posterior; two norms still in conflict are reported as
# unresolved, never silently picked. Local bans that a higher law expressly preempts are set
# aside first.
package juris

deontic_types := {"prohibits", "restricts", "permits", "requires"}

duty_rank := {"enter": 4, "request": 3, "seek": 2, "explore": 1}

# candidates is every effect of every norm that binds agency a, is about 287(g) agreements,
# covers model m and reaches a, whatever the date.
candidates(a, m) := {x |
	some j in (bound_by(a) | {a.jurisdiction})
	some nid in object.get(data.facts.index.norms_by_jurisdiction, j, [])
	n := data.facts.norms[nid]
	binds(a, n)
	some i, e in n.effects
	e.type in deontic_types
	m in e.models
	reaches(a, e)
	x := object.union(norm_record(nid, n, i, e), {
		"duty": object.get(e, "duty", ""),
		"models": e.models,
		"defers": object.get(e, "defers_to_lower", false),
		"restriction": object.get(e, "restriction", ""),
		"specificity": specificity(e),
	})
}

# applicable splits candidates on date d into those in force (and not preempted) and the rest.
applicable(C, d) := {x |
	some x in C
	n := data.facts.norms[x.norm]
	effect_active(n, n.effects[x.effect_index], d)
	not preempted_on(x, d)
}

# inactive are candidates that are not in force on d: the "why not" of applicability.
inactive(C, d) := {object.union(x, {"principle": "applicability", "why": why_inactive(n, n.effects[x.effect_index], d)}) |
	some x in C
	n := data.facts.norms[x.norm]
	not effect_active(n, n.effects[x.effect_index], d)
}

why_inactive(n, e, d) := sprintf("not in force on %s: it applies from %s", [d, effect_start(n, e)]) if {
	effect_start(n, e) > d
} else := sprintf("not in force on %s: %s on %s", [d, ev[1], ev[0]]) if {
	ev := ended_on(n, d)
} else := sprintf("not in force on %s: its effect ended on %s", [d, e.until])

# preempted_on holds for a local ban that a higher law expressly preempts on d.
preempted_on(x, d) if {
	x.effect == "prohibits"
	some p in preemptors(x.jurisdiction, d)
	"prohibits" in p.voids
}

preempted_effects(C, d) := {object.union(x, {"principle": "express-preemption", "why": sprintf("voided by %s, which preempts local policies that prohibit cooperation", [p.citation]), "by": p.norm}) |
	some x in C
	n := data.facts.norms[x.norm]
	effect_active(n, n.effects[x.effect_index], d)
	x.effect == "prohibits"
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
	"unresolved": "no principle settles the conflict",
}

effect_sentence(x, m) := sprintf("%s forbids this agency to hold a %s agreement (in force since %s).", [x.citation, m, x.since]) if {
	x.effect == "prohibits"
} else := sprintf("%s permits a %s agreement, only as far as state and local law allow (in force since %s).", [x.citation, m, x.since]) if {
	x.effect == "permits"
	x.defers
} else := sprintf("%s permits a %s agreement (in force since %s).", [x.citation, m, x.since]) if {
	x.effect == "permits"
} else := sprintf("%s requires this agency to %s a 287(g) agreement; any of %s satisfies it (in force since %s).", [x.citation, x.duty, concat(", ", sort(x.models)), x.since]) if {
	x.effect == "requires"
} else := sprintf("%s allows the agreement but restricts it: %s (in force since %s).", [x.citation, x.restriction, x.since])

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

# agency_decision answers the agency question for agency id aid, model m, date d.
agency_decision(aid, m, d) := dec if {
	a := data.facts.agencies[aid]
	C := candidates(a, m)
	A := applicable(C, d)
	F := forbids(A)
	E := enables(A)
	o := outcome(F, E)
	winners := {"forbid": F, "enable": E, "none": set(), "unresolved": set()}[o.winner]
	losers := {"forbid": E, "enable": F, "none": set(), "unresolved": set()}[o.winner]
	allowed := o.winner == "enable"
	reqs := {x | some x in E; x.effect == "requires"; allowed}
	duty := max_duty(reqs)
	agreements := sort([g | some gid in object.get(data.facts.index.agreements_by_agency, aid, []); g := agreement_view(gid, d); g.model == m])
	dec := {
		"agency": aid,
		"agency_name": a.name,
		"agency_kind": a.kind,
		"model": m,
		"as_of": d,
		"allowed": allowed,
		"required": duty == "enter",
		"duty": duty,
		"unresolved": o.winner == "unresolved",
		"principle": o.principle,
		"satisfied": satisfied(aid, reqs, d),
		"agreements": agreements,
		"reasons": sort([reason(x, m, o.principle) | some x in winners]),
		"restrictions": sort([x.restriction | some x in winners; x.effect == "restricts"]),
		"set_aside": sort(array.concat(
			array.concat(
				[aside(x, o.principle, sprintf("set aside: %s", [principle_text[o.principle]])) | some x in losers],
				[aside(x, "federal-deference", sprintf("set aside: %s", [principle_text["federal-deference"]])) | some x in deferred(A)],
			),
			array.concat(
				[aside(x, x.principle, x.why) | some x in inactive(C, d)],
				[aside(x, x.principle, x.why) | some x in preempted_effects(C, d)],
			),
		)),
		"conflicts": conflicts(F, E, o),
		"summary": agency_summary(a, m, d, o, duty),
	}
}

# agency_verdict is the agency decision's answer without its reasons and sentences: what a
# locality's could_bypass list and the landscape report need, at a fraction of the cost.
# winners are the records that settled it (for a forbidden agreement, the forbidding norms).
agency_verdict(aid, m, d) := v if {
	a := data.facts.agencies[aid]
	A := applicable(candidates(a, m), d)
	F := forbids(A)
	E := enables(A)
	o := outcome(F, E)
	allowed := o.winner == "enable"
	reqs := {x | some x in E; x.effect == "requires"; allowed}
	duty := max_duty(reqs)
	v := {
		"allowed": allowed,
		"required": duty == "enter",
		"duty": duty,
		"unresolved": o.winner == "unresolved",
		"satisfied": satisfied(aid, reqs, d),
		"holds": holds_model(aid, m, d),
		"winners": {"forbid": F, "enable": E, "none": set(), "unresolved": set()}[o.winner],
	}
}

holds_model(aid, m, d) if {
	some gid in object.get(data.facts.index.agreements_by_agency, aid, [])
	g := data.facts.agreements[gid]
	g.model == m
	agreement_in_force(g, d)
}

default holds_model(_, _, _) := false

conflicts(F, E, o) := [{"norms": sort([x.norm | some x in (sharpest(top(F, E)[0]) | sharpest(top(F, E)[1]))]), "sentence": "These norms disagree, are of the same level and equally specific, and took effect on the same date: the law leaves the conflict open."}] if {
	o.winner == "unresolved"
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

agency_summary(a, m, d, o, duty) := sprintf("On %s, no norm in force decides whether %s may hold a %s agreement.", [d, a.name, m]) if {
	o.winner == "none"
} else := sprintf("On %s, the law is in conflict on whether %s may hold a %s agreement: see conflicts.", [d, a.name, m]) if {
	o.winner == "unresolved"
} else := sprintf("On %s, %s may not hold a %s agreement.", [d, a.name, m]) if {
	o.winner == "forbid"
} else := sprintf("On %s, %s may hold a %s agreement and must %s one (any qualifying model).", [d, a.name, m, duty]) if {
	duty != ""
} else := sprintf("On %s, %s may hold a %s agreement; no norm in force requires one.", [d, a.name, m])
