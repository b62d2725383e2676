# The locality question
#
# For locality L on date D: each of L's own policies limiting cooperation with immigration
# enforcement is in force, not in force, preempted by a higher law, or unresolved; and each
# policy in force is bypassed where an agency it does not bind holds a 287(g) agreement that
# reaches people inside L: through the jail where L's arrestees are booked, through patrol, or
# through the agency's own arrests inside L, booked into its own jail.
package juris

limiting_types := {"limits-cooperation", "prohibits"}

extent_text := {
	"prohibits": "prohibit cooperation",
	"materially-limits": "materially limit it",
	"procedural": "limit it only in procedure",
}

channel_text := {
	"jail": "screens people booked into the jail where the locality's arrestees are booked",
	"warrant-service": "serves ICE warrants on people held in the jail where the locality's arrestees are booked",
	"patrol": "uses immigration powers while policing inside the locality",
	"own-arrests": "books the people its own officers arrest inside the locality into its own jail, where its agreement applies to them",
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

# model_channel is how an agreement of model m held by agency aid reaches people inside
# locality lid: jail-enforcement and warrant-service agreements through the jail where the
# locality's arrestees are booked, or, for an agency operating inside the locality that runs a
# jail of its own (a sheriff patrolling county-wide), through its own arrests; task-force
# agreements through patrol by an agency operating there.
model_channel(lid, aid, "jail-enforcement") := "jail" if {
	aid in books_into(lid)
} else := "own-arrests" if {
	own_arrests(lid, aid)
}

model_channel(lid, aid, "warrant-service-officer") := "warrant-service" if {
	aid in books_into(lid)
} else := "own-arrests" if {
	own_arrests(lid, aid)
}

model_channel(lid, aid, "task-force") := "patrol" if aid in present(lid)

own_arrests(lid, aid) if {
	aid in present(lid)
	data.facts.agencies[aid].runs_jail
}

# channels are the ways agency aid reaches people inside locality lid.
channels(lid, aid) := {c | some m in models; c := model_channel(lid, aid, m)}

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

# policy_binds lists the agencies present in the locality (or running its jail) that policy n
# binds and reaches.
policy_binds(lid, n) := {aid |
	some aid in (present(lid) | books_into(lid))
	a := data.facts.agencies[aid]
	binds(a, n)
	some [_, e] in limiting_effects(n)
	reaches(a, e)
}

# policy_contested lists the agencies whose binding by policy n is contested, with both sides.
policy_contested(lid, n) := [{"agency": aid, "agency_name": a.name, "citation": b.citation, "url": b.url, "position": b.position, "response": b.response} |
	some aid in (present(lid) | books_into(lid))
	a := data.facts.agencies[aid]
	b := contested(a, n)
]

# policy_status says whether policy n of locality lid stands on date d, and why.
policy_status(lid, nid, d) := s if {
	n := data.facts.norms[nid]
	not policy_active(n, d)
	s := {"status": "not-in-force", "principle": "applicability", "by": [], "by_citations": [], "sentence": not_in_force_text(n, d)}
} else := s if {
	count(sustainers(nid, d)) > 0
	P := preemptors(lid, d)
	count(P) > 0
	s := {
		"status": "in-force", "principle": "court-order",
		"by": sort([x[0] | some x in sustainers(nid, d)]),
		"by_citations": [x[1] | some id in sort([y[0] | some y in sustainers(nid, d)]); some x in sustainers(nid, d); x[0] == id],
		"sentence": sprintf("In force on %s although %s preempts local policies: %s keeps it in force.", [d, concat("; ", sort([p.citation | some p in P])), concat("; ", sort([x[1] | some x in sustainers(nid, d)]))]),
	}
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

not_in_force_text(n, d) := sprintf("%s.", [upper_first(why)]) if {
	some pair in limiting_effects(n)
	why := not_in_force_why(n, pair[1], d)
} else := sprintf("Not in force on %s: its limiting effects do not apply on that date.", [d])

upper_first(s) := concat("", [upper(substring(s, 0, 1)), substring(s, 1, -1)])

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
		"contested": policy_contested(lid, n),
		"summary": concat(" ", [s | some [_, e] in limiting_effects(n); s := object.get(e, "sentence", "")]),
	},
	policy_status(lid, nid, d),
) if {
	n := data.facts.norms[nid]
}

# outsiders are agencies present in the locality, or running the jail its arrestees are booked
# into, that none of its standing policies binds or contests.
outsiders(lid, standing) := {aid |
	some aid in (present(lid) | books_into(lid))
	not bound_by_any(aid, standing)
	not contested_by_any(aid, standing)
}

bound_by_any(aid, standing) if {
	some p in standing
	aid in p.binds
}

contested_by_any(aid, standing) if {
	some p in standing
	some c in p.contested
	c.agency == aid
}

# contested_agencies are the agencies whose binding by a standing policy is contested.
contested_agencies(standing) := {c.agency | some p in standing; some c in p.contested}

bypass_entry(lid, aid, gid, d, standing, contested) := {
	"agency": aid,
	"agency_name": a.name,
	"model": g.model,
	"channel": ch,
	"agreement": gid,
	"signed": object.get(g, "signed", ""),
	"verified": g.verified,
	"assumed": object.get(g, "assumed", false),
	"contested": contested,
	"policies": sort([p.norm | some p in standing]),
	"sentence": bypass_sentence(a, g, ch, standing, contested),
} if {
	a := data.facts.agencies[aid]
	g := agreement_view(gid, d)
	ch := model_channel(lid, aid, g.model)
}

bypass_sentence(a, g, ch, standing, true) := sprintf("%s holds a %s agreement %s: it %s. Whether %s binds it is contested, so whether this bypasses the policy is unresolved.", [a.name, g.model, agreement_since(g), channel_text[ch], concat("; ", sort([p.citation | some p in standing]))])

bypass_sentence(a, g, ch, standing, false) := sprintf("%s is not bound by %s and holds a %s agreement %s: it %s.", [a.name, concat("; ", sort([p.citation | some p in standing])), g.model, agreement_since(g), channel_text[ch]])

# agreement_since says where an agreement's time in force starts, and marks an assumed one.
agreement_since(g) := sprintf("assumed signed %s (a what-if, not a fact)", [g.signed]) if {
	g.assumed
} else := sprintf("signed %s", [g.signed]) if {
	g.signed
} else := sprintf("in force from %s, when a source first showed it (no signed date in the sources)", [g.first_listed])

# locality_bypasses are the agreements in force on d, held by agencies that lid's standing
# policies do not bind (or whose binding is contested), that reach people inside lid.
locality_bypasses(lid, d, standing) := [e |
	count(standing) > 0
	contested := contested_agencies(standing)
	some aid in (outsiders(lid, standing) | contested)
	some gid in object.get(data.facts.index.agreements_by_agency, aid, [])
	g := agreement_view(gid, d)
	g.in_force
	model_channel(lid, aid, g.model)
	e := bypass_entry(lid, aid, gid, d, standing, aid in contested)
]

could_entry(lid, aid, d) := {
	"agency": aid,
	"agency_name": a.name,
	"agency_kind": a.kind,
	"channels": sort(channels(lid, aid)),
	"why_not_bound": why_not_bound(lid, a),
	"models": {m: {"allowed": v.allowed, "required": v.required, "duty": v.duty, "unresolved": v.unresolved, "holds": v.holds} |
		some m in models
		model_channel(lid, aid, m)
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

# locality_context lists measures in force that bear on cooperation in the locality without
# deciding the 287(g) question: the locality's own (and its counties') detainer, release-notice,
# jail-access and property measures, and those of any government that bind its jail or police.
locality_context(lid, d) := sort([r |
	some j in (area(lid) | books_into_owners(lid))
	some nid in object.get(data.facts.index.norms_by_jurisdiction, j, [])
	n := data.facts.norms[nid]
	some e in n.effects
	e.type == "context"
	effect_active(n, e, d)
	context_bears(lid, n, e)
	r := context_record(nid, n, e)
])

books_into_owners(lid) := {data.facts.agencies[aid].jurisdiction | some aid in books_into(lid)}

# context_bears holds when a context measure is the locality's own, or binds and reaches an
# agency that polices it or runs its jail.
context_bears(lid, n, _) if n.jurisdiction == lid

context_bears(lid, n, e) if {
	n.jurisdiction != lid
	some aid in (present(lid) | books_into(lid))
	a := data.facts.agencies[aid]
	bearing(a, n)
	reaches(a, e)
}

# locality_coverage is what the answer rests on: the survey of the state's law, and of the local
# policies of the locality and its counties.
locality_coverage(lid) := {
	"state_law": coverage_entry(state_of(lid)),
	"local_policies": [coverage_entry(j) |
		some j in sort({lid} | {c | some c in object.get(data.facts.jurisdictions[lid], "counties", [])})
		jurisdiction_level(j) == 2
	],
}

# locality_decision answers the locality question for jurisdiction lid on date d.
locality_decision(lid, d) := dec if {
	j := data.facts.jurisdictions[lid]
	policies := sort([policy_view(lid, nid, d) | some nid in policy_ids(lid)])
	standing := standing_of(policies)
	outs := outsiders(lid, standing)
	all := sort(locality_bypasses(lid, d, standing))
	bypasses := [b | some b in all; not b.contested]
	dec := {
		"locality": lid,
		"name": j.name,
		"kind": j.kind,
		"as_of": d,
		"counties": sort(object.get(j, "counties", [])),
		"books_into": sort(books_into(lid)),
		"policies": policies,
		"preempted": count([p | some p in policies; p.status == "preempted"]) > 0,
		"unresolved": ((count([p | some p in policies; p.status == "unresolved"]) + count(all)) - count(bypasses)) > 0,
		"bypassed": count(bypasses) > 0,
		"bypassed_by": sort({b.agency | some b in bypasses}),
		"bypasses": all,
		"could_bypass": sort([could_entry(lid, aid, d) | count(standing) > 0; some aid in outs]),
		"context": locality_context(lid, d),
		"coverage": locality_coverage(lid),
		"summary": concat("", [locality_summary(lid, j, d, policies, bypasses), coverage_warning(state_of(lid))]),
	}
}

locality_summary(lid, j, d, policies, bypasses) := sprintf("On %s, the local policies of %s have not been researched: the facts hold none, which does not mean it has none.", [d, j.name]) if {
	count(policies) == 0
	coverage_entry(lid).outcome == "not-researched"
} else := sprintf("On %s, %s has no policy limiting cooperation with immigration enforcement in the facts; its local policies were checked on %s.", [d, j.name, coverage_entry(lid).date]) if {
	count(policies) == 0
} else := sprintf("On %s, none of %s's policies limiting cooperation stands: each is not in force or preempted.", [d, j.name]) if {
	count(standing_of(policies)) == 0
} else := sprintf("On %s, %s's policy is bypassed: %d agreement(s) held by agencies it does not bind reach people inside it.", [d, j.name, count(bypasses)]) if {
	count(bypasses) > 0
} else := sprintf("On %s, no agency outside the reach of %s's policies holds an agreement in force that reaches people inside it; the agencies that could are listed.", [d, j.name])

standing_of(policies) := [p | some p in policies; p.status in {"in-force", "unresolved"}]
