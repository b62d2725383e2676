# Norms in time and in scope
#
# When a norm is in force, which level of government made it, which agencies it binds and
# which agencies each of its effects reaches. Facts are read from data.facts (see
# jurisdictions.Dataset.Document for its shape).
package juris

# The three 287(g) models.
models := {"jail-enforcement", "task-force", "warrant-service-officer"}

# ---------------------------------------------------------------- time

end_fields := ["expired", "repealed", "enjoined", "rescinded"]

# in_force holds when norm n applies on date d (dates are YYYY-MM-DD strings, which sort in
# date order): in force by its own dates, not suspended on d (an injunction later lifted), and
# not voided or suspended by another norm in force on d (a court ruling, a mayor's order).
in_force(n, d) if {
	dated_in_force(n, d)
	not overridden(n, d)
}

overridden(n, d) if {
	some _ in overriders(n.id, d)
}

# dated_in_force holds when norm n applies on d by its own dates and suspensions alone.
dated_in_force(n, d) if {
	n.effective <= d
	not ended(n, d)
	not suspended_on(n, d)
}

ended(n, d) if {
	some k in end_fields
	n[k] <= d
}

# suspended_on is the suspension of norm n that covers date d.
suspended_on(n, d) := s if {
	some s in object.get(n, "suspended", [])
	s.from <= d
	not ends_by(s, d)
}

ends_by(s, d) if s.until <= d

# ended_on is the earliest date that ended norm n on or before d, with the event's name.
ended_on(n, d) := min({[n[k], k] | some k in end_fields; n[k] <= d})

# effect_start is the date effect e of norm n starts to apply.
effect_start(n, e) := object.get(e, "from", n.effective)

effect_active(n, e, d) if {
	in_force(n, d)
	effect_start(n, e) <= d
	not effect_over(e, d)
}

effect_over(e, d) if e.until <= d

# dated_effect_active is effect_active without other norms' overrides: the test for the norms
# that override (one level: an overriding order is not itself overridden).
dated_effect_active(n, e, d) if {
	dated_in_force(n, d)
	effect_start(n, e) <= d
	not effect_over(e, d)
}

# acting_on lists the effects of other norms that act on norm nid (voids, suspends, sustains),
# as [norm, effect], whatever the date.
acting_on(nid) := [[m, m.effects[ref.effect_index]] |
	some ref in object.get(object.get(data.facts.index, "acted_on", {}), nid, [])
	m := data.facts.norms[ref.norm]
]

# overriders are the norms that void or suspend norm nid on d: a court order voiding it, or an
# order overriding it without repealing it.
overriders(nid, d) := {[m.id, e.type, m.citation, effect_start(m, e)] |
	some [m, e] in acting_on(nid)
	e.type in {"voids", "suspends"}
	dated_effect_active(m, e, d)
}

# sustainers are the norms (court orders, consent decrees) that keep norm nid in force on d
# against a preemption law.
sustainers(nid, d) := {[m.id, m.citation] |
	some [m, e] in acting_on(nid)
	e.type == "sustains"
	dated_effect_active(m, e, d)
}

# not_in_force_why says why norm n (effect e) does not apply on d, or is undefined if it does.
not_in_force_why(n, e, d) := sprintf("not in force on %s: it applies from %s", [d, effect_start(n, e)]) if {
	effect_start(n, e) > d
} else := sprintf("not in force on %s: %s on %s", [d, ev[1], ev[0]]) if {
	ev := ended_on(n, d)
} else := sprintf("not in force on %s: suspended from %s%s by %s", [d, s.from, until_text(s), s.citation]) if {
	s := suspended_on(n, d)
} else := sprintf("not in force on %s: %s by %s (from %s)", [d, override_verb[o[1]], o[2], o[3]]) if {
	some o in overriders(n.id, d)
} else := sprintf("not in force on %s: its effect ended on %s", [d, e.until]) if {
	effect_over(e, d)
}

override_verb := {"voids": "voided", "suspends": "overridden without repeal"}

until_text(s) := sprintf(" until %s", [s.until]) if {
	s.until
} else := ""

# ---------------------------------------------------------------- levels

level_rank := {"nation": 0, "state": 1, "district": 1, "territory": 1}

level_names := ["federal", "state", "local"]

# jurisdiction_level is 0 for the nation, 1 for a state, 2 for anything below.
jurisdiction_level(jid) := object.get(level_rank, data.facts.jurisdictions[jid].kind, 2)

norm_level(n) := jurisdiction_level(n.jurisdiction)

# agency_level names whether an agency belongs to a state or to a local government.
agency_level(a) := level_names[jurisdiction_level(a.jurisdiction)]

# ---------------------------------------------------------------- binding

# independent_kinds are agency kinds that do not answer to the government of the jurisdiction
# that owns them: a sheriff is elected county-wide and answers to the state, so county (and
# city) policies do not bind the sheriff's office.
independent_kinds := {"sheriff"}

# bound_by is the set of jurisdictions whose norms bind agency a: an explicit, cited bound_by
# list on the agency, or by default the owning jurisdiction and its legal ancestors (a city's
# legal parent is the state, not the county it lies in).
bound_by(a) := {j | some j in a.bound_by} if {
	a.bound_by
} else := {j |
	some j in data.facts.index.ancestors[a.jurisdiction]
	not independent_of(a, j)
}

independent_of(a, j) if {
	a.kind in independent_kinds
	j == a.jurisdiction
}

binds(a, n) if n.jurisdiction in bound_by(a)

# An agency's own policy binds it: an agency-policy made in the agency's owning jurisdiction
# that names the agency (a sheriff's own detainer policy binds the sheriff, though county
# policies do not).
binds(a, n) if {
	n.type == "agency-policy"
	n.jurisdiction == a.jurisdiction
	some e in n.effects
	a.id in e.reaches.agencies
}

# A norm binds an agency the defaults leave out where a cited source says so: a county
# ordinance that binds the elected sheriff (Cook County Code § 46-37), a consent decree.
binds(a, n) if {
	some b in object.get(n, "bindings", [])
	b.agency == a.id
	b.status == "binds"
}

# contested is the binding of norm n on agency a that the norm's maker asserts and the agency
# refuses (San Diego County's 2024 policy and its sheriff): neither side is picked.
contested(a, n) := b if {
	not binds(a, n)
	some b in object.get(n, "bindings", [])
	b.agency == a.id
	b.status == "contested"
}

# ---------------------------------------------------------------- reach

# reaches holds when effect e applies to agency a (which the norm already binds).
reaches(a, e) if {
	r := object.get(e, "reaches", {})
	reach_selects(a, r)
	not a.id in object.get(r, "except", [])
}

reach_selects(a, r) if a.id in r.agencies

reach_selects(a, r) if {
	not r.agencies
	reach_kind(a, r)
	reach_level(a, r)
	reach_jail(a, r)
	reach_jurisdiction(a, r)
}

reach_kind(_, r) if not r.kinds

reach_kind(a, r) if a.kind in r.kinds

reach_level(_, r) if not r.levels

reach_level(a, r) if agency_level(a) in r.levels

reach_jail(_, r) if not "runs_jail" in object.keys(r)

reach_jail(a, r) if a.runs_jail == r.runs_jail

reach_jurisdiction(_, r) if not r.jurisdictions

reach_jurisdiction(a, r) if {
	some j in data.facts.index.ancestors[a.jurisdiction]
	j in r.jurisdictions
}

# specificity ranks how narrowly an effect is aimed (lex specialis): a named agency beats
# everything; otherwise one point for each narrowing of the agencies reached, and one for
# naming fewer than all three models.
specificity(e) := 10 if {
	e.reaches.agencies
} else := n if {
	r := object.get(e, "reaches", {})
	n := count({k | some k in ["kinds", "levels", "runs_jail", "jurisdictions"]; k in object.keys(r)}) + models_narrowed(e)
}

models_narrowed(e) := 1 if count(e.models) < count(models)

models_narrowed(e) := 0 if count(e.models) >= count(models)

# ---------------------------------------------------------------- preemption

# preemptors is the set of preempts effects in force on d that void local policies of the
# jurisdiction jid (made by a higher level of government that jid lies within).
preemptors(jid, d) := {p |
	some anc in data.facts.index.ancestors[jid]
	anc != jid
	some pid in object.get(data.facts.index.norms_by_jurisdiction, anc, [])
	pn := data.facts.norms[pid]
	norm_level(pn) < jurisdiction_level(jid)
	some i, pe in pn.effects
	pe.type == "preempts"
	effect_active(pn, pe, d)
	preempt_covers(pe, jid)
	p := object.union(norm_record(pid, pn, i, pe), {"voids": pe.voids})
}

preempt_covers(pe, _) if not pe.reaches.jurisdictions

preempt_covers(pe, jid) if {
	some j in data.facts.index.ancestors[jid]
	j in pe.reaches.jurisdictions
}

# extent_of is how far a local effect limits cooperation: a local 287(g) ban prohibits; a
# limits-cooperation policy says its own extent (undefined when the sources do not settle it).
extent_of(e) := "prohibits" if e.type == "prohibits"

extent_of(e) := e.extent if e.type == "limits-cooperation"

# ---------------------------------------------------------------- records

# norm_record is the part of a reason that comes from the norm and the effect.
norm_record(nid, n, i, e) := {
	"norm": nid,
	"effect_index": i,
	"effect": e.type,
	"title": n.title,
	"citation": n.citation,
	"url": n.url,
	"jurisdiction": n.jurisdiction,
	"level": level_names[norm_level(n)],
	"rank": norm_level(n),
	"since": effect_start(n, e),
	"verified": n.verified,
	"summary": object.get(e, "sentence", ""),
}
