# The locality question
#
# For locality L on date D: each of L's own policies limiting cooperation with immigration
# enforcement is in force, not in force, preempted by a higher law, or unresolved; and each
# policy in force is bypassed where an agency it does not bind holds a 287(g) agreement that
# reaches people inside L: through the jail where L's arrestees are booked, through patrol, or
# through the agency's own arrests inside L, booked into its own jail.
#
# The landscape report reads the same bypasses (_bypasses) as the full answer
# (_locality_answer), which adds the sentences.
package juris

# The effect types of a local policy limiting cooperation: a limit, or a ban of 287(g).
_limiting_types := {"limits-cooperation", "prohibits"}

# ---------------------------------------------------------------- who acts inside the locality

# _area is the locality, the counties it lies in, and its legal ancestors: any agency operating
# in one of them operates inside the locality.
_area(lid) := ({lid} | {c | some c in object.get(data.facts.jurisdictions[lid], "counties", [])}) | {j |
	some j in data.facts.index.ancestors[lid]
}

# _present are the agencies that operate inside the locality or belong to it.
_present(lid) := {aid |
	some j in _area(lid)
	some aid in object.get(data.facts.index.operating_in, j, [])
}

# _books_into are the agencies running the jails where people arrested in the locality are
# booked: as the facts state, or by default the jail-running agencies of its counties (or of
# the county itself), or where none runs one, the state's.
_books_into(lid) := {aid | some aid in data.facts.jurisdictions[lid].books_into} if {
	data.facts.jurisdictions[lid].books_into
} else := _county_jails(lid) if {
	count(_county_jails(lid)) > 0
} else := {aid |
	# no county runs a jail here: the state's (a unified state jail system, as in Connecticut)
	some j in data.facts.index.ancestors[lid]
	some aid in object.get(data.facts.index.operating_in, j, [])
	data.facts.agencies[aid].runs_jail
}

_county_jails(lid) := {aid |
	some c in _jail_counties(lid)
	some aid in object.get(data.facts.index.operating_in, c, [])
	data.facts.agencies[aid].runs_jail
}

_jail_counties(lid) := {c | some c in data.facts.jurisdictions[lid].counties} if {
	data.facts.jurisdictions[lid].counties
} else := {lid}

# _local_agencies are the agencies a locality's policies may bind: those present in it and
# those running the jails its arrestees are booked into.
_local_agencies(lid) := _present(lid) | _books_into(lid)

# _channel_rule is how an agreement of model m reaches people inside a locality when the agency
# that holds it runs the jail where the locality's arrestees are booked (books), operates inside
# the locality (present), and runs a jail of its own (jail): jail-enforcement and
# warrant-service agreements through the jail where the arrestees are booked, or, for an agency
# operating inside the locality that runs a jail of its own (a sheriff patrolling county-wide),
# through its own arrests; task-force agreements through patrol by an agency operating there.
# An agreement that reaches no one inside the locality has no channel ("").
default _channel_rule(_, _, _, _) := ""

_channel_rule("jail-enforcement", true, _, _) := "jail"

_channel_rule("jail-enforcement", false, true, true) := "own-arrests"

_channel_rule("warrant-service-officer", true, _, _) := "warrant-service"

_channel_rule("warrant-service-officer", false, true, true) := "own-arrests"

_channel_rule("task-force", _, true, _) := "patrol"

# _channels are, by model, the ways an agreement held by agency aid reaches people inside
# locality lid.
_channels(lid, aid) := {m: c |
	books := aid in _books_into(lid)
	present := aid in _present(lid)
	jail := data.facts.agencies[aid].runs_jail
	some m in _models
	c := _channel_rule(m, books, present, jail)
	c != ""
}

# ---------------------------------------------------------------- the locality's policies

# _policy_ids are the norms locality lid made that limit cooperation or forbid 287(g).
_policy_ids(lid) := {nid |
	some nid in object.get(data.facts.index.norms_by_jurisdiction, lid, [])
	some e in data.facts.norms[nid].effects
	e.type in _limiting_types
}

# _limiting_effects are the indexes of policy nid's effects that limit cooperation, in order.
_limiting_effects(nid) := [i | some i, e in data.facts.norms[nid].effects; e.type in _limiting_types]

# _policy_active holds when policy nid is in force on d and one of its limiting effects applies.
_policy_active(nid, d) if {
	some i in _limiting_effects(nid)
	_effect_active(nid, i, d)
}

# _voids_all holds when preemption effect p voids every limiting effect of policy nid.
_voids_all(p, nid) if {
	every i in _limiting_effects(nid) {
		_extent_of([nid, i]) in _effect(p).voids
	}
}

# _policy_voiders are the preemption effects in force on d that void every limit of policy nid.
_policy_voiders(lid, nid, d) := {p | some p in _preemptors(lid, d); _voids_all(p, nid)}

# _policy_open are the preemption effects in force on d that leave policy nid unresolved: the
# sources do not settle how far one of its limits reaches, so whether a voided extent covers it
# is open.
_policy_open(lid, nid, d) := {p |
	some p in _preemptors(lid, d)
	some i in _limiting_effects(nid)
	not _extent_of([nid, i])
}

# _policy_status says whether policy nid of locality lid stands on date d, and under which
# principle: not in force (applicability); in force by a court order that sustains it against a
# preemption law; preempted (a higher law in force voids every extent it limits); unresolved;
# or in force.
_policy_status(lid, nid, d) := {"status": "not-in-force", "principle": "applicability"} if {
	not _policy_active(nid, d)
} else := {"status": "in-force", "principle": "court-order"} if {
	count(_sustainers(nid, d)) > 0
	count(_preemptors(lid, d)) > 0
} else := {"status": "preempted", "principle": "express-preemption"} if {
	count(_policy_voiders(lid, nid, d)) > 0
} else := {"status": "unresolved", "principle": "unresolved"} if {
	count(_policy_open(lid, nid, d)) > 0
} else := {"status": "in-force", "principle": "applicability"}

# _policy_deciders are the norms that decided a policy's status under principle, as
# [norm id, citation], one for each effect that did.
_policy_deciders(_, nid, d, "court-order") := [s | some s in _sustainers(nid, d)]

_policy_deciders(lid, nid, d, "express-preemption") := [[p[0], data.facts.norms[p[0]].citation] |
	some p in _policy_voiders(lid, nid, d)
]

_policy_deciders(lid, nid, d, "unresolved") := [[p[0], data.facts.norms[p[0]].citation] |
	some p in _policy_open(lid, nid, d)
]

_policy_deciders(_, _, _, "applicability") := []

# _standing are the policies of lid that stand on d: in force, or unresolved.
_standing(lid, d) := {nid |
	some nid in _policy_ids(lid)
	_policy_status(lid, nid, d).status in {"in-force", "unresolved"}
}

# _policy_binds lists the agencies present in the locality (or running its jail) that policy
# nid binds and reaches.
_policy_binds(lid, nid) := {aid |
	some aid in _local_agencies(lid)
	_binds(aid, nid)
	some i in _limiting_effects(nid)
	_reaches(aid, nid, i)
}

# _policy_contested lists the agencies whose binding by policy nid is contested, with both sides
# (only an agency a binding of the policy names can be).
_policy_contested(lid, nid) := [{
	"agency": aid,
	"agency_name": data.facts.agencies[aid].name,
	"citation": b.citation,
	"url": b.url,
	"position": b.position,
	"response": b.response,
} |
	named := {b.agency | some b in object.get(data.facts.norms[nid], "bindings", [])}
	some aid in _local_agencies(lid)
	aid in named
	b := _contested_binding(aid, nid)
]

# _policy_view is policy nid of locality lid as the answer shows it on d.
_policy_view(lid, nid, d) := {
	"norm": nid,
	"title": n.title,
	"citation": n.citation,
	"url": n.url,
	"effective": n.effective,
	"verified": n.verified,
	"extent": sort([_extent_or_unsettled([nid, i]) | some i in _limiting_effects(nid)]),
	"binds": sort(_policy_binds(lid, nid)),
	"contested": _policy_contested(lid, nid),
	"summary": concat(" ", [object.get(n.effects[i], "sentence", "") | some i in _limiting_effects(nid)]),
	"status": s.status,
	"principle": s.principle,
	"by": by,
	"by_citations": [x[1] | some id in by; some x in deciders; x[0] == id],
	"sentence": _policy_status_text(lid, nid, d, s.principle),
} if {
	n := data.facts.norms[nid]
	s := _policy_status(lid, nid, d)
	deciders := _policy_deciders(lid, nid, d, s.principle)
	by := sort([x[0] | some x in deciders])
}

_extent_or_unsettled(x) := _extent_of(x)

_extent_or_unsettled(x) := "unsettled" if not _extent_of(x)

# ---------------------------------------------------------------- bypasses

# _contested_agencies are the agencies whose binding by one of the standing policies is
# contested.
_contested_agencies(lid, standing) := {c.agency | some nid in standing; some c in _policy_contested(lid, nid)}

# _outsiders are the agencies present in the locality, or running the jail its arrestees are
# booked into, that none of its standing policies binds or contests.
_outsiders(lid, standing) := {aid |
	some aid in _local_agencies(lid)
	not _bound_by_any(lid, aid, standing)
	not aid in _contested_agencies(lid, standing)
}

_bound_by_any(lid, aid, standing) if {
	some nid in standing
	aid in _policy_binds(lid, nid)
}

# _bypasses are the agreements in force on d, held by agencies that lid's standing policies do
# not bind (or whose binding is contested), that reach people inside lid: each with the channel
# and whether the agency's binding is contested (then whether it bypasses is unresolved).
_bypasses(lid, d) := {b |
	standing := _standing(lid, d)
	count(standing) > 0
	contested := _contested_agencies(lid, standing)
	some aid in (_outsiders(lid, standing) | contested)
	some gid in object.get(data.facts.index.agreements_by_agency, aid, [])
	_agreement_in_force(gid, d)
	channel := _channels(lid, aid)[data.facts.agreements[gid].model]
	b := {"agency": aid, "agreement": gid, "channel": channel, "contested": aid in contested}
}

# _bypass_entry is a bypass as the answer shows it: the agreement, the channel, the policies it
# bypasses and why.
_bypass_entry(b, standing) := {
	"agency": b.agency,
	"agency_name": data.facts.agencies[b.agency].name,
	"model": g.model,
	"channel": b.channel,
	"agreement": b.agreement,
	"signed": object.get(g, "signed", ""),
	"verified": g.verified,
	"assumed": object.get(g, "assumed", false),
	"contested": b.contested,
	"policies": sort(standing),
	"sentence": _bypass_text(b, standing),
} if {
	g := data.facts.agreements[b.agreement]
}

# _could_entry is an agency outside the reach of the locality's standing policies: how it
# reaches people inside the locality, why the policies do not bind it, and, for each model that
# would reach them, what the agency question answers.
_could_entry(lid, aid, d) := {
	"agency": aid,
	"agency_name": a.name,
	"agency_kind": a.kind,
	"channels": sort({c | some c in _channels(lid, aid)}),
	"why_not_bound": _why_not_bound_text(lid, aid),
	"models": {m: {
		"allowed": v.allowed,
		"required": v.required,
		"duty": v.duty,
		"unresolved": v.unresolved,
		"holds": _holds(aid, m, d),
	} |
		some m, _ in _channels(lid, aid)
		v := _verdict(aid, m, d)
	},
} if {
	a := data.facts.agencies[aid]
}

# ---------------------------------------------------------------- context and coverage

# _locality_context lists measures in force that bear on cooperation in the locality without
# deciding the 287(g) question: the locality's own (and its counties') detainer, release-notice,
# jail-access and property measures, and those of any government that bind its jail or police.
_locality_context(lid, d) := sort([_context_record(nid, i) |
	some j in (_area(lid) | _books_into_owners(lid))
	some nid in object.get(data.facts.index.norms_by_jurisdiction, j, [])
	some i in _context_effects(nid)
	_effect_active(nid, i, d)
	_context_bears(lid, nid, i)
])

_books_into_owners(lid) := {data.facts.agencies[aid].jurisdiction | some aid in _books_into(lid)}

# _context_bears holds when a context measure is the locality's own, or binds and reaches an
# agency that polices it or runs its jail.
_context_bears(lid, nid, _) if data.facts.norms[nid].jurisdiction == lid

_context_bears(lid, nid, i) if {
	data.facts.norms[nid].jurisdiction != lid
	some aid in _local_agencies(lid)
	_bears_on(aid, nid)
	_reaches(aid, nid, i)
}

# _locality_coverage is what the answer rests on: the survey of the state's law, and of the
# local policies of the locality and its counties.
_locality_coverage(lid) := {
	"state_law": _coverage_entry(_state_of(lid)),
	"local_policies": [_coverage_entry(j) |
		some j in sort({lid} | {c | some c in object.get(data.facts.jurisdictions[lid], "counties", [])})
		_jurisdiction_level(j) == 2
	],
}

# ---------------------------------------------------------------- the full answer

# _locality_answer answers the locality question for jurisdiction lid on date d.
_locality_answer(lid, d) := {
	"locality": lid,
	"name": j.name,
	"kind": j.kind,
	"as_of": d,
	"counties": sort(object.get(j, "counties", [])),
	"books_into": sort(_books_into(lid)),
	"policies": policies,
	"preempted": count([p | some p in policies; p.status == "preempted"]) > 0,
	"unresolved": ((count([p | some p in policies; p.status == "unresolved"]) + count(entries)) - count(bypasses)) > 0,
	"bypassed": count(bypasses) > 0,
	"bypassed_by": sort({b.agency | some b in bypasses}),
	"bypasses": entries,
	"could_bypass": sort([_could_entry(lid, aid, d) | count(standing) > 0; some aid in _outsiders(lid, standing)]),
	"context": _locality_context(lid, d),
	"coverage": _locality_coverage(lid),
	"summary": _locality_summary(lid, d, count(policies), count(standing), count(bypasses)),
	"revision": data.facts.revision,
} if {
	j := data.facts.jurisdictions[lid]
	policies := sort([_policy_view(lid, nid, d) | some nid in _policy_ids(lid)])
	standing := _standing(lid, d)
	entries := sort([_bypass_entry(b, standing) | some b in _bypasses(lid, d)])
	bypasses := [b | some b in entries; not b.contested]
}
