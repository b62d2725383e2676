# The locality question
#
# For locality L on date D: each of L's own policies limiting cooperation with immigration
# enforcement is in force, not in force, preempted by a higher law, or unresolved; and each
# policy in force is bypassed where an agency it does not bind holds a 287(g) agreement that
# reaches people inside L through the jail where L's arrestees are booked, through patrol,
# or through warrant service in that jail.
package juris

limiting_types := {"limits-cooperation", "prohibits"}

extent_text := {
	"prohibits": "prohibit cooperation",
	"materially-limits": "materially limit it",
	"procedural": "limit it only in procedure",
}

# channel_of names how an agreement of each model reaches people inside a locality.
channel_of := {
	"jail-enforcement": "jail",
	"warrant-service-officer": "warrant-service",
	"task-force": "patrol",
}

channel_text := {
	"jail": "screens people booked into the jail where the locality's arrestees are booked",
	"warrant-service": "serves ICE warrants on people held in the jail where the locality's arrestees are booked",
	"patrol": "uses immigration powers while policing inside the locality",
}

# area is the locality, the counties it lies in, and its legal ancestors: any agency operating
# in one of them operates inside the locality.
area(lid) := ({lid} | {c | some c in object.get(data.facts.jurisdictions[lid], "counties", [])}) | {j | some j in data.facts.index.ancestors[lid]}

# present are the agencies that operate inside the locality or belong to it.
present(lid) := {aid |
	some j in area(lid)
	some aid in object.get(data.facts.index.operating_in, j, [])
}

# books_into are the agencies running the jails where people arrested in the locality are
# booked: as the facts state, or by default the jail-running agencies of its counties (or of
# the county itself), or where none runs one, the state's.
books_into(lid) := {aid | some aid in data.facts.jurisdictions[lid].books_into} if {
	data.facts.jurisdictions[lid].books_into
} else := county_jails(lid) if {
	count(county_jails(lid)) > 0
} else := {aid |
	# no county runs a jail here: the state's (a unified state jail system, as in Connecticut)
	some j in data.facts.index.ancestors[lid]
	some aid in object.get(data.facts.index.operating_in, j, [])
	data.facts.agencies[aid].runs_jail
}

county_jails(lid) := {aid |
	some c in jail_counties(lid)
	some aid in object.get(data.facts.index.operating_in, c, [])
	data.facts.agencies[aid].runs_jail
}

jail_counties(lid) := {c | some c in data.facts.jurisdictions[lid].counties} if {
	data.facts.jurisdictions[lid].counties
} else := {lid}

# policy_ids are the norms locality lid made that limit cooperation or forbid 287(g).
policy_ids(lid) := {nid |
	some nid in object.get(data.facts.index.norms_by_jurisdiction, lid, [])
	some e in data.facts.norms[nid].effects
	e.type in limiting_types
}

limiting_effects(n) := [[i, e] | some i, e in n.effects; e.type in limiting_types]

extent_or_unsettled(e) := extent_of(e)

extent_or_unsettled(e) := "unsettled" if not extent_of(e)

# voids_all holds when preemptor p voids every limiting effect of policy n.
voids_all(p, n) if {
	every pair in limiting_effects(n) {
		extent_of(pair[1]) in p.voids
	}
}

# binds_policy lists the agencies present in the locality that policy n binds and reaches.
policy_binds(lid, n) := {aid |
	some aid in present(lid)
	a := data.facts.agencies[aid]
	binds(a, n)
	some [_, e] in limiting_effects(n)
	reaches(a, e)
}

# policy_status says whether policy n of locality lid stands on date d, and why.
policy_status(lid, nid, d) := s if {
	n := data.facts.norms[nid]
	not policy_active(n, d)
	s := {"status": "not-in-force", "principle": "applicability", "by": [], "by_citations": [], "sentence": not_in_force_text(n, d)}
} else := s if {
	n := data.facts.norms[nid]
	P := preemptors(lid, d)
	voiding := {p | some p in P; voids_all(p, n)}
	count(voiding) > 0
	s := {"status": "preempted", "principle": "express-preemption", "by": sort([p.norm | some p in voiding]), "by_citations": [p.citation | some id in sort([p.norm | some p in voiding]); some p in voiding; p.norm == id], "sentence": sprintf("Void on %s: %s expressly preempts local policies of this kind.", [d, concat("; ", sort([p.citation | some p in voiding]))])}
} else := s if {
	n := data.facts.norms[nid]
	P := preemptors(lid, d)
	open := {p | some p in P; some [_, e] in limiting_effects(n); not extent_of(e)}
	count(open) > 0
	s := {"status": "unresolved", "principle": "unresolved", "by": sort([p.norm | some p in open]), "by_citations": [p.citation | some id in sort([p.norm | some p in open]); some p in open; p.norm == id], "sentence": sprintf("Unresolved on %s: %s voids local policies that %s, and the sources do not settle how far this policy limits cooperation.", [d, concat("; ", sort([p.citation | some p in open])), concat(" or ", [extent_text[v] | some v in sort({v | some p in open; some v in p.voids})])])}
} else := {"status": "in-force", "principle": "applicability", "by": [], "by_citations": [], "sentence": sprintf("In force on %s; no higher law in force voids it.", [d])}

# policy_active holds when policy n is in force on d and one of its limiting effects applies.
policy_active(n, d) if {
	some pair in limiting_effects(n)
	effect_active(n, pair[1], d)
}

not_in_force_text(n, d) := sprintf("Not in force on %s: it applies from %s.", [d, n.effective]) if {
	n.effective > d
} else := sprintf("Not in force on %s: %s on %s.", [d, ev[1], ev[0]]) if {
	ev := ended_on(n, d)
} else := sprintf("Not in force on %s: its limiting effects do not apply on that date.", [d])

policy_view(lid, nid, d) := object.union(
	{
		"norm": nid,
		"title": n.title,
		"citation": n.citation,
		"url": n.url,
		"effective": n.effective,
		"verified": n.verified,
		"extent": sort([x | some [_, e] in limiting_effects(n); x := extent_or_unsettled(e)]),
		"binds": sort(policy_binds(lid, n)),
		"summary": concat(" ", [s | some [_, e] in limiting_effects(n); s := object.get(e, "sentence", "")]),
	},
	policy_status(lid, nid, d),
) if {
	n := data.facts.norms[nid]
}

# outsiders are agencies present in the locality, or running the jail its arrestees are booked
# into, that none of its standing policies binds.
outsiders(lid, standing) := {aid |
	some aid in (present(lid) | books_into(lid))
	not bound_by_any(aid, standing)
}

bound_by_any(aid, standing) if {
	some p in standing
	aid in p.binds
}

# channels are the ways agency aid reaches people inside locality lid.
channels(lid, aid) := {"patrol"} | {c | aid in books_into(lid); some c in {"jail", "warrant-service"}}

bypass_entry(aid, gid, d, standing) := {
	"agency": aid,
	"agency_name": a.name,
	"model": g.model,
	"channel": channel_of[g.model],
	"agreement": gid,
	"signed": object.get(g, "signed", ""),
	"verified": g.verified,
	"policies": sort([p.norm | some p in standing]),
	"sentence": sprintf("%s is not bound by %s and holds a %s agreement %s: it %s.", [a.name, concat("; ", sort([p.citation | some p in standing])), g.model, agreement_since(g), channel_text[channel_of[g.model]]]),
} if {
	a := data.facts.agencies[aid]
	g := agreement_view(gid, d)
}

# agreement_since says where an agreement's time in force starts.
agreement_since(g) := sprintf("signed %s", [g.signed]) if {
	g.signed
} else := sprintf("in force from %s, when a source first showed it (no signed date in the sources)", [g.first_listed])

could_entry(lid, aid, d) := {
	"agency": aid,
	"agency_name": a.name,
	"agency_kind": a.kind,
	"channels": sort(channels(lid, aid)),
	"why_not_bound": why_not_bound(lid, a),
	"models": {m: {"allowed": v.allowed, "required": v.required, "duty": v.duty, "unresolved": v.unresolved, "holds": v.holds} |
		some m, c in channel_of
		c in channels(lid, aid)
		v := agency_verdict(aid, m, d)
	},
} if {
	a := data.facts.agencies[aid]
}

why_not_bound(lid, a) := sprintf("its bound_by rule (%s) leaves out %s", [a.bound_by_source.citation, data.facts.jurisdictions[lid].name]) if {
	a.bound_by
} else := sprintf("a %s answers to the state, not to %s", [a.kind, data.facts.jurisdictions[lid].name]) if {
	a.kind in independent_kinds
} else := sprintf("owned by %s, which %s's policies do not bind", [data.facts.jurisdictions[a.jurisdiction].name, data.facts.jurisdictions[lid].name])

# locality_decision answers the locality question for jurisdiction lid on date d.
locality_decision(lid, d) := dec if {
	j := data.facts.jurisdictions[lid]
	policies := sort([policy_view(lid, nid, d) | some nid in policy_ids(lid)])
	standing := [p | some p in policies; p.status in {"in-force", "unresolved"}]
	outs := outsiders(lid, standing)
	bypasses := sort([e |
		count(standing) > 0
		some aid in outs
		some gid in object.get(data.facts.index.agreements_by_agency, aid, [])
		g := agreement_view(gid, d)
		g.in_force
		channel_of[g.model] in channels(lid, aid)
		e := bypass_entry(aid, gid, d, standing)
	])
	dec := {
		"locality": lid,
		"name": j.name,
		"kind": j.kind,
		"as_of": d,
		"counties": sort(object.get(j, "counties", [])),
		"books_into": sort(books_into(lid)),
		"policies": policies,
		"preempted": count([p | some p in policies; p.status == "preempted"]) > 0,
		"unresolved": count([p | some p in policies; p.status == "unresolved"]) > 0,
		"bypassed": count(bypasses) > 0,
		"bypassed_by": sort({b.agency | some b in bypasses}),
		"bypasses": bypasses,
		"could_bypass": sort([could_entry(lid, aid, d) | count(standing) > 0; some aid in outs]),
		"summary": locality_summary(j, d, policies, bypasses),
	}
}

locality_summary(j, d, policies, bypasses) := sprintf("On %s, %s has no policy in the facts that limits cooperation with immigration enforcement.", [d, j.name]) if {
	count(policies) == 0
} else := sprintf("On %s, none of %s's policies limiting cooperation stands (see each policy's status).", [d, j.name]) if {
	count(policies) > 0
	count(standing_of(policies)) == 0
} else := sprintf("On %s, %s's policy is bypassed: %d agreement(s) held by agencies it does not bind reach people inside it.", [d, j.name, count(bypasses)]) if {
	count(bypasses) > 0
} else := sprintf("On %s, no agency outside the reach of %s's policies holds an agreement in force that reaches people inside it (could_bypass lists who could).", [d, j.name])

standing_of(policies) := [p | some p in policies; p.status in {"in-force", "unresolved"}]
