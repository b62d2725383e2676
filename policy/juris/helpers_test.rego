# Mock fact documents for the unit tests.
#
# facts(js, ags, ns, gs) builds a small data.facts document the way
# jurisdictions.Dataset.Document does: entities keyed by id, defaults filled in (operates_in,
# runs_jail, verified, models, agreement status) and the four indexes.
package juris_test

all_models := ["jail-enforcement", "task-force", "warrant-service-officer"]

facts(js, ags, ns, gs) := {
	"jurisdictions": jm,
	"agencies": am,
	"norms": {n.id: norm_defaults(n) | some n in ns},
	"agreements": gm,
	"index": {
		"ancestors": {id: ancestors(jm, id) | some id, _ in jm},
		"agreements_by_agency": {g.agency: sort([gid | some gid, h in gm; h.agency == g.agency]) | some g in gm},
		"operating_in": {jid: sort([aid | some aid, a in am; jid in a.operates_in]) |
			some a in am
			some jid in a.operates_in
		},
		"norms_by_jurisdiction": {n.jurisdiction: sort([m.id | some m in ns; m.jurisdiction == n.jurisdiction]) |
			some n in ns
		},
		"aliases": {a: j.id | some j in js; some a in object.get(j, "aliases", [])},
		"acted_on": {target: sort([{"norm": n.id, "effect_index": i} |
			some n in ns
			some i, e in n.effects
			target in object.get(e, "norms", [])
		]) |
			some m in ns
			some e in m.effects
			some target in object.get(e, "norms", [])
		},
		"by_state": {sid: {
			"jurisdictions": sort([id | some id, _ in jm; in_state(id, sid)]),
			"agencies": sort([id | some id, _ in am; in_state(id, sid)]),
			"agreements": sort([id | some id, g in gm; in_state(g.agency, sid)]),
		} |
			some sid, j in jm
			j.kind == "state"
		},
		"kinds_by_state": {sid: kinds |
			some sid, j in jm
			j.kind == "state"
			kinds := object.union(
				{x.kind: sort([id | some id, y in jm; in_state(id, sid); y.kind == x.kind]) | some x in jm},
				{"consolidated": sort([id | some id, x in jm; in_state(id, sid); count(object.get(x, "county_geoids", [])) > 0])},
			)
		},
	},
	"revision": "test-revision",
} if {
	jm := {j.id: j | some j in js}
	am := {a.id: agency_defaults(a) | some a in ags}
	gm := {id: agreement_defaults(g) | some g in gs; id := agreement_id(g)}
}

in_state(id, sid) if id == sid

in_state(id, sid) if startswith(id, concat("", [sid, "/"]))

agency_defaults(a) := object.union({"operates_in": [a.jurisdiction], "runs_jail": false}, a)

norm_defaults(n) := object.union_n([
	{
		"verified": true,
		"title": n.id,
		"citation": concat("", ["Cit. ", n.id]),
		"url": concat("", ["https://example.org/", n.id]),
	},
	n,
	{"effects": [object.union({"models": all_models}, e) | some e in n.effects]},
])

agreement_defaults(g) := object.union(
	{"status": "active", "verified": true, "source": "test", "url": "https://example.org/287g", "id": agreement_id(g)},
	g,
)

agreement_id(g) := g.id

agreement_id(g) := sprintf("%s#%s#%s", [g.agency, g.model, object.get(g, "signed", "")]) if not g.id

# ancestors lists id and its legal ancestors, nearest first (mocks are at most three deep).
ancestors(jm, id) := [x | some i in numbers.range(0, 2); x := nth_up(jm, id, i)]

nth_up(_, id, 0) := id

nth_up(jm, id, 1) := jm[id].parent

nth_up(jm, id, 2) := jm[jm[id].parent].parent

# ---------------------------------------------------------------- a small state

us := "us"

st := "us/st"

alpha := "us/st/alpha-county"

beta := "us/st/beta-county"

gotham := "us/st/gotham"

smallville := "us/st/smallville"

quiet := "us/st/quiet"

alpha_sheriff := "us/st/alpha-county/sheriff"

beta_sheriff := "us/st/beta-county/sheriff"

alpha_police := "us/st/alpha-county/police"

gotham_police := "us/st/gotham/police"

transit_police := "us/st/gotham/transit"

dps := "us/st/dps"

jurisdictions := [
	{"id": us, "name": "United States", "kind": "nation"},
	{
		"id": st, "name": "Statia", "kind": "state", "parent": us, "usps": "ST",
		"checked": {"date": "2026-11-30", "outcome": "laws-found", "searched": "Statia Code", "note": "Surveyed."},
	},
	{"id": alpha, "name": "Alpha County", "kind": "county", "parent": st},
	{"id": beta, "name": "Beta County", "kind": "county", "parent": st},
	{"id": gotham, "name": "Gotham", "kind": "city", "parent": st, "counties": [beta, alpha]},
	{
		"id": smallville,
		"name": "Smallville",
		"kind": "town",
		"parent": st,
		"counties": [alpha],
		"books_into": [beta_sheriff],
	},
	{"id": quiet, "name": "Quiet", "kind": "village", "parent": st, "counties": [alpha]},
]

agencies := [
	{"id": dps, "name": "Statia DPS", "kind": "state-police", "jurisdiction": st},
	{"id": alpha_sheriff, "name": "Alpha Sheriff", "kind": "sheriff", "jurisdiction": alpha, "runs_jail": true},
	{"id": beta_sheriff, "name": "Beta Sheriff", "kind": "sheriff", "jurisdiction": beta, "runs_jail": true},
	{"id": alpha_police, "name": "Alpha County Police", "kind": "county-police", "jurisdiction": alpha},
	{"id": gotham_police, "name": "Gotham Police", "kind": "municipal-police", "jurisdiction": gotham},
	{
		"id": transit_police, "name": "Gotham Transit Police", "kind": "other", "jurisdiction": gotham,
		"bound_by": [us, st], "bound_by_source": {"citation": "St. Transit Act", "url": "https://example.org/transit"},
	},
]

# world is the small state with the given norms and agreements.
world(ns, gs) := facts(jurisdictions, agencies, ns, gs)

# norm is a norm of jurisdiction jid, in force from eff, with the given effects.
norm(id, jid, eff, effects) := {"id": id, "jurisdiction": jid, "type": "statute", "effective": eff, "effects": effects}

# federal 8 U.S.C. § 1357(g): permits, deferring to state and local law.
fed := norm("us/1357g", us, "1996-09-30", [{"type": "permits", "defers_to_lower": true}])

state_ban := norm("us/st/ban", st, "2020-01-01", [{"type": "prohibits"}])

state_permit := norm("us/st/permit", st, "2020-01-01", [{"type": "permits"}])

city_ban := norm("us/st/gotham/ban", gotham, "2019-01-01", [{"type": "prohibits"}])

county_ban := norm("us/st/alpha-county/ban", alpha, "2019-01-01", [{"type": "prohibits"}])

# ban_reaching is a state ban whose single effect reaches r.
ban_reaching(r) := norm("us/st/ban", st, "2020-01-01", [{"type": "prohibits", "reaches": r}])

# requires is a state requirement of the given duty for sheriffs and city police.
requires(id, duty, ms) := norm(id, st, "2026-01-01", [{"type": "requires", "duty": duty, "models": ms}])

preempts(voids) := norm("us/st/preempt", st, "2017-09-01", [{"type": "preempts", "voids": voids}])

agreement(aid, m, signed) := {"agency": aid, "model": m, "signed": signed}

# ask is the agency decision for agency aid, model m, date d under facts f.
ask(f, aid, m, d) := dec if {
	dec := data.juris.agency with data.facts as f
		with input as {"agency": aid, "model": m, "as_of": d}
}

# place is the locality decision for lid on date d under facts f.
place(f, lid, d) := dec if {
	dec := data.juris.locality with data.facts as f
		with input as {"locality": lid, "as_of": d}
}

set_aside_by(dec, nid) := [x | some x in dec.set_aside; x.norm == nid]
