# Norms in time and in scope
#
# When a norm is in force, which level of government made it, which agencies it binds and which
# agencies each of its effects reaches. Facts are read from data.facts (see
# jurisdictions.Dataset.Document for its shape).
#
# Everything here is keyed by ids: a norm by its id (nid), an effect by its norm's id and its
# index (i), or by the pair x = [nid, i]; an agency by its id (aid), a jurisdiction by its id
# (jid), a date d as YYYY-MM-DD. None of it reads input, so the resolver keeps each value once
# computed and shares it across questions (resolver/vcache.go). Dates are only ever compared,
# never computed with (resolver/interval.go relies on it).
package juris

# The three models of 287(g) agreement ICE offers (8 U.S.C. § 1357(g)): jail enforcement, task
# force, warrant service officer.
_models := {"jail-enforcement", "task-force", "warrant-service-officer"}

# _effect(x) is the effect x = [nid, i] as the facts state it.
_effect(x) := data.facts.norms[x[0]].effects[x[1]]

# ---------------------------------------------------------------- time

# The events that end a norm: it expires, is repealed, enjoined or rescinded.
_end_fields := ["expired", "repealed", "enjoined", "rescinded"]

# _in_force holds when norm nid applies on date d (dates are YYYY-MM-DD strings, which sort in
# date order): in force by its own dates, not suspended on d (an injunction later lifted), and
# not voided or suspended by another norm in force on d (a court ruling, a mayor's order).
default _in_force(_, _) := false

_in_force(nid, d) if {
	_dated_in_force(nid, d)
	count(_overriders(nid, d)) == 0
}

# _dated_in_force holds when norm nid applies on d by its own dates and suspensions alone.
default _dated_in_force(_, _) := false

_dated_in_force(nid, d) if {
	data.facts.norms[nid].effective <= d
	not _ended(nid, d)
	not _suspension_on(nid, d)
}

_ended(nid, d) if {
	some k in _end_fields
	data.facts.norms[nid][k] <= d
}

# _suspension_on is the suspension of norm nid that covers date d.
_suspension_on(nid, d) := s if {
	some s in object.get(data.facts.norms[nid], "suspended", [])
	s.from <= d
	not _ends_by(s, d)
}

_ends_by(s, d) if s.until <= d

# _ended_on is the earliest date that ended norm nid on or before d, with the event's name.
_ended_on(nid, d) := min({[n[k], k] |
	n := data.facts.norms[nid]
	some k in _end_fields
	n[k] <= d
})

# _effect_start is the date effect i of norm nid starts to apply: its own from, or the norm's
# effective date.
_effect_start(nid, i) := object.get(data.facts.norms[nid].effects[i], "from", data.facts.norms[nid].effective)

# _effect_active holds when effect i of norm nid applies on d: the norm is in force, and d lies
# in the effect's own window (from, until).
default _effect_active(_, _, _) := false

_effect_active(nid, i, d) if {
	_in_force(nid, d)
	_in_effect_window(nid, i, d)
}

_in_effect_window(nid, i, d) if {
	_effect_start(nid, i) <= d
	not _effect_over(nid, i, d)
}

_effect_over(nid, i, d) if data.facts.norms[nid].effects[i].until <= d

# _dated_effect_active is _effect_active without other norms' overrides: the test for the norms
# that override (one level: an overriding order is not itself overridden).
_dated_effect_active(nid, i, d) if {
	_dated_in_force(nid, d)
	_in_effect_window(nid, i, d)
}

# _acting_on lists the effects of other norms that act on norm nid (voids, suspends, sustains),
# as [norm id, effect index], whatever the date.
_acting_on(nid) := [[ref.norm, ref.effect_index] |
	some ref in object.get(object.get(data.facts.index, "acted_on", {}), nid, [])
]

# _overriders are the norms that void or suspend norm nid on d, as [norm id, effect type,
# citation, start]: a court order voiding it, or an order overriding it without repealing it.
_overriders(nid, d) := {[mid, e.type, data.facts.norms[mid].citation, _effect_start(mid, j)] |
	some [mid, j] in _acting_on(nid)
	e := data.facts.norms[mid].effects[j]
	e.type in {"voids", "suspends"}
	_dated_effect_active(mid, j, d)
}

# _sustainers are the norms (court orders, consent decrees) that keep norm nid in force on d
# against a preemption law, as [norm id, citation].
_sustainers(nid, d) := {[mid, data.facts.norms[mid].citation] |
	some [mid, j] in _acting_on(nid)
	data.facts.norms[mid].effects[j].type == "sustains"
	_dated_effect_active(mid, j, d)
}

# ---------------------------------------------------------------- levels

# Lex superior ranks governments: the nation 0, a state (DC, a territory) 1, anything below 2.
_level_rank := {"nation": 0, "state": 1, "district": 1, "territory": 1}

_level_names := ["federal", "state", "local"]

# _jurisdiction_level is 0 for the nation, 1 for a state, 2 for anything below.
_jurisdiction_level(jid) := object.get(_level_rank, data.facts.jurisdictions[jid].kind, 2)

# _norm_rank is the level of the government that made norm nid.
_norm_rank(nid) := _jurisdiction_level(data.facts.norms[nid].jurisdiction)

# _agency_level names whether an agency belongs to the nation, a state or a local government.
_agency_level(aid) := _level_names[_jurisdiction_level(data.facts.agencies[aid].jurisdiction)]

# ---------------------------------------------------------------- binding

# _independent_kinds are agency kinds that do not answer to the government of the jurisdiction
# that owns them: a sheriff is elected county-wide and answers to the state, so county (and
# city) policies do not bind the sheriff's office.
_independent_kinds := {"sheriff"}

# _bound_by is the set of jurisdictions whose norms bind agency aid: an explicit, cited
# bound_by list on the agency, or by default the owning jurisdiction and its legal ancestors (a
# city's legal parent is the state, not the county it lies in).
_bound_by(aid) := {j | some j in data.facts.agencies[aid].bound_by} if {
	data.facts.agencies[aid].bound_by
} else := {j | some j in data.facts.index.ancestors[data.facts.agencies[aid].jurisdiction]} - _independent_of(aid)

# _independent_of is the government an independent officer does not answer to: a sheriff's own
# county.
_independent_of(aid) := {data.facts.agencies[aid].jurisdiction} if {
	data.facts.agencies[aid].kind in _independent_kinds
} else := set()

# _examined are the jurisdictions whose norms may bear on agency aid: those whose norms bind it,
# and its owner (whose policies may bind it by a cited binding, or be contested).
_examined(aid) := _bound_by(aid) | {data.facts.agencies[aid].jurisdiction}

# _binds holds when norm nid binds agency aid. By default: the norms of the governments that
# bind the agency (_bound_by).
default _binds(_, _) := false

_binds(aid, nid) if data.facts.norms[nid].jurisdiction in _bound_by(aid)

# An agency's own policy binds it: an agency-policy made in the agency's owning jurisdiction
# that names the agency (a sheriff's own detainer policy binds the sheriff, though county
# policies do not).
_binds(aid, nid) if {
	n := data.facts.norms[nid]
	n.type == "agency-policy"
	n.jurisdiction == data.facts.agencies[aid].jurisdiction
	some e in n.effects
	aid in e.reaches.agencies
}

# A norm binds an agency the defaults leave out where a cited source says so: a county
# ordinance that binds the elected sheriff (Cook County Code § 46-37), a consent decree.
_binds(aid, nid) if {
	some b in object.get(data.facts.norms[nid], "bindings", [])
	b.agency == aid
	b.status == "binds"
}

# _contested_binding is the binding of norm nid on agency aid that the norm's maker asserts and
# the agency refuses (San Diego County's 2024 policy and its sheriff): neither side is picked.
_contested_binding(aid, nid) := b if {
	not _binds(aid, nid)
	some b in object.get(data.facts.norms[nid], "bindings", [])
	b.agency == aid
	b.status == "contested"
}

# _bears_on holds when norm nid bears on agency aid: it binds it, or its binding is contested.
default _bears_on(_, _) := false

_bears_on(aid, nid) if _binds(aid, nid)

_bears_on(aid, nid) if _contested_binding(aid, nid)

# _named holds when a norm that may bear on agency aid names it: in an effect's reaches
# (agencies, except) or in a binding. Where none does, the norms see only the agency's profile.
# (The norms looked at are those of the jurisdictions the agency lies in and those its bound_by
# names: every government whose norms may bear on it, and possibly more.)
default _named(_) := false

_named(aid) if {
	a := data.facts.agencies[aid]
	some j in array.concat(data.facts.index.ancestors[a.jurisdiction], object.get(a, "bound_by", []))
	aid in _agencies_named_by(j)
}

# _agencies_named_by are the agencies the norms of jurisdiction jid name.
_agencies_named_by(jid) := {aid |
	some nid in object.get(data.facts.index.norms_by_jurisdiction, jid, [])
	n := data.facts.norms[nid]
	some aid in array.concat(
		[b.agency | some b in object.get(n, "bindings", [])],
		[aid | some e in n.effects; some aid in _named_in_reach(object.get(e, "reaches", {}))],
	)
}

_named_in_reach(r) := array.concat(object.get(r, "agencies", []), object.get(r, "except", []))

# _profile is what the norms that bind agency aid by default see of an agency no norm names:
# the governments whose norms bind it (of those that made any), its traits, and where one of
# their effects is narrowed to jurisdictions, the jurisdiction the agency belongs to. Agencies
# with the same profile have the same candidate effects, so they share them.
_profile(aid) := {
	"governments": governments,
	"traits": _traits(aid),
	"jurisdiction": _jurisdiction_if_narrowed(aid, governments),
} if {
	governments := {j | some j in _bound_by(aid); data.facts.index.norms_by_jurisdiction[j]}
}

_jurisdiction_if_narrowed(aid, governments) := data.facts.agencies[aid].jurisdiction if {
	_narrowed_to_jurisdictions(governments)
} else := null

default _narrowed_to_jurisdictions(_) := false

_narrowed_to_jurisdictions(governments) if {
	some j in governments
	some nid in data.facts.index.norms_by_jurisdiction[j]
	some e in data.facts.norms[nid].effects
	e.reaches.jurisdictions
}

# ---------------------------------------------------------------- reach

# _reaches holds when effect i of norm nid (a norm that binds the agency) applies to agency aid:
# the effect names it, or, naming none, each narrowing it gives (kinds, levels, runs_jail,
# jurisdictions) holds for the agency; and the agency is not excepted.
default _reaches(_, _, _) := false

_reaches(aid, nid, i) if {
	r := object.get(data.facts.norms[nid].effects[i], "reaches", {})
	aid in r.agencies
	not aid in object.get(r, "except", [])
}

_reaches(aid, nid, i) if {
	r := object.get(data.facts.norms[nid].effects[i], "reaches", {})
	not r.agencies
	_reaches_traits(_traits(aid), nid, i)
	_reach_jurisdiction(data.facts.agencies[aid].jurisdiction, nid, i)
	not aid in object.get(r, "except", [])
}

# _traits are what an effect that names no agency reaches an agency by, besides where it lies:
# its kind, its level of government, and whether it runs a jail.
_traits(aid) := {
	"kind": a.kind,
	"level": _agency_level(aid),
	"runs_jail": a.runs_jail,
} if {
	a := data.facts.agencies[aid]
}

# _reaches_traits holds when effect i of norm nid, naming no agency, reaches agencies of traits
# t: each narrowing it gives of kinds, levels and runs_jail holds for them.
default _reaches_traits(_, _, _) := false

_reaches_traits(t, nid, i) if {
	r := object.get(data.facts.norms[nid].effects[i], "reaches", {})
	t.kind in object.get(r, "kinds", {t.kind})
	t.level in object.get(r, "levels", {t.level})
	t.runs_jail == object.get(r, "runs_jail", t.runs_jail)
}

# _reach_jurisdiction holds when effect i of norm nid names no jurisdictions, or names one that
# jurisdiction jid lies in.
default _reach_jurisdiction(_, _, _) := false

_reach_jurisdiction(_, nid, i) if not data.facts.norms[nid].effects[i].reaches.jurisdictions

_reach_jurisdiction(jid, nid, i) if {
	some j in data.facts.index.ancestors[jid]
	j in data.facts.norms[nid].effects[i].reaches.jurisdictions
}

# _specificity ranks how narrowly an effect is aimed (lex specialis): a named agency beats
# everything; otherwise one point for each narrowing of the agencies reached, and one for
# naming fewer than all three models.
_specificity(x) := 10 if {
	_effect(x).reaches.agencies
} else := n if {
	r := object.get(_effect(x), "reaches", {})
	narrowings := {k | some k in ["kinds", "levels", "runs_jail", "jurisdictions"]; k in object.keys(r)}
	n := count(narrowings) + _models_narrowed(x)
}

_models_narrowed(x) := 1 if count(_effect(x).models) < count(_models)

_models_narrowed(x) := 0 if count(_effect(x).models) >= count(_models)

# ---------------------------------------------------------------- preemption

# _preemptors are the preempts effects in force on d, as [nid, i], that void local policies of
# jurisdiction jid: made by a higher level of government that jid lies within, and reaching
# jid (or every jurisdiction).
_preemptors(jid, d) := {[pid, i] |
	some anc in data.facts.index.ancestors[jid]
	anc != jid
	some pid in object.get(data.facts.index.norms_by_jurisdiction, anc, [])
	_norm_rank(pid) < _jurisdiction_level(jid)
	some i, pe in data.facts.norms[pid].effects
	pe.type == "preempts"
	_effect_active(pid, i, d)
	_preempt_covers(pid, i, jid)
}

_preempt_covers(pid, i, _) if not data.facts.norms[pid].effects[i].reaches.jurisdictions

_preempt_covers(pid, i, jid) if {
	some j in data.facts.index.ancestors[jid]
	j in data.facts.norms[pid].effects[i].reaches.jurisdictions
}

# _extent_of is how far a local effect limits cooperation: a local 287(g) ban prohibits; a
# limits-cooperation policy says its own extent (undefined when the sources do not settle it).
_extent_of(x) := "prohibits" if _effect(x).type == "prohibits"

_extent_of(x) := _effect(x).extent if _effect(x).type == "limits-cooperation"

# ---------------------------------------------------------------- what the answers cite

# _citing is what every record of a norm in an answer carries.
_citing(nid) := {
	"norm": nid,
	"title": n.title,
	"citation": n.citation,
	"url": n.url,
	"level": _level_names[_norm_rank(nid)],
	"verified": n.verified,
} if {
	n := data.facts.norms[nid]
}

# _state_of is the id of the state (or DC, or territory) an id lies in.
_state_of(id) := concat("/", array.slice(split(id, "/"), 0, 2))
