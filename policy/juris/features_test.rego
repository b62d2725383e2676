# Unit tests of the 2026 fact format: conditions, vested authority, deadlines, suspensions,
# court orders that void, suspend or sustain a norm, bindings (binds and contested), context
# measures, coverage and state postures.
package juris_test

import data.juris

# ---------------------------------------------------------------- conditions and vested authority

test_conditions_make_the_answer_conditional if {
	cond := norm(
		"us/st/cond",
		st,
		"2026-07-01",
		[{"type": "restricts", "conditions": ["in writing", "notice before federal agents act"]}],
	)
	d := ask(world([fed, cond], []), alpha_sheriff, "task-force", "2026-07-01")
	d.allowed == true
	d.conditional == true
	[c.condition | some c in d.conditions] == ["in writing", "notice before federal agents act"]
	d.restrictions == []
	d.summary == concat("", [
		"On 2026-07-01, Alpha Sheriff may hold a task-force agreement only under the conditions listed; no norm in force ",
		"requires one.",
	])
	before := ask(world([fed, cond], []), alpha_sheriff, "task-force", "2026-06-30")
	before.conditional == false
	some r in d.reasons
	r.sentence == concat("", [
		"Cit. us/st/cond allows the agreement only under written conditions: in writing; notice before federal agents act ",
		"(in force since 2026-07-01).",
	])
}

test_conditions_with_a_restriction if {
	cond := norm(
		"us/st/cond",
		st,
		"2026-07-01",
		[{"type": "restricts", "restriction": "no jail access", "conditions": ["in writing"]}],
	)
	d := ask(world([fed, cond], []), alpha_sheriff, "task-force", "2026-07-01")
	d.restrictions == ["no jail access"]
	some r in d.reasons
	r.sentence == concat("", [
		"Cit. us/st/cond allows the agreement but restricts it: no jail access; and only under written conditions: in ",
		"writing (in force since 2026-07-01).",
	])
}

test_permission_with_conditions if {
	p := norm("us/st/perm", st, "2008-01-01", [{"type": "permits", "conditions": ["signed by the Governor"]}])
	d := ask(world([fed, p], []), dps, "task-force", "2026-01-01")
	d.conditional == true
	some r in d.reasons
	r.sentence == concat("", [
		"Cit. us/st/perm permits a task-force agreement only under written conditions: signed by the Governor (in force ",
		"since 2008-01-01).",
	])
}

test_vested_authority_is_allowed_only_by_that_official if {
	v := norm("us/st/gov", st, "2017-03-28", [{"type": "vests", "official": "the Governor"}])
	d := ask(world([fed, v], []), alpha_sheriff, "jail-enforcement", "2020-01-01")
	d.allowed == true
	d.conditional == true
	[c] := d.conditions
	c.condition == "entered into, modified or extended by the Governor; the agency may not enter one on its own"
	some r in d.reasons
	r.sentence == concat("", [
		"Cit. us/st/gov vests the decision in the Governor: an agreement for this agency is lawful only if that official ",
		"enters into it (in force since 2017-03-28).",
	])
}

# ---------------------------------------------------------------- deadlines

sb8 := norm(
	"us/st/sb8",
	st,
	"2026-01-01",
	[{"type": "requires", "duty": "enter", "deadline": "2026-12-01", "reaches": {"kinds": ["sheriff"]}}],
)

test_duty_is_due_until_the_deadline if {
	d := ask(world([fed, sb8], []), alpha_sheriff, "jail-enforcement", "2026-11-30")
	d.required == true
	d.due_by == "2026-12-01"
	d.compliance == "due"
	d.summary == concat("", [
		"On 2026-11-30, Alpha Sheriff may hold a jail-enforcement agreement and must enter one by 2026-12-01 (any ",
		"qualifying model); it holds none yet.",
	])
	ask(world([fed, sb8], []), alpha_sheriff, "jail-enforcement", "2026-12-01").compliance == "due"
}

test_duty_is_unmet_after_the_deadline if {
	d := ask(world([fed, sb8], []), alpha_sheriff, "jail-enforcement", "2026-12-02")
	d.compliance == "unmet"
	d.summary == concat("", [
		"On 2026-12-02, Alpha Sheriff may hold a jail-enforcement agreement and must enter one (any qualifying model); ",
		"unmet since 2026-12-01: it holds none.",
	])
	some r in d.reasons
	r.sentence == concat("", [
		"Cit. us/st/sb8 requires this agency to enter a 287(g) agreement by 2026-12-01; any of jail-enforcement, ",
		"task-force, warrant-service-officer satisfies it (in force since 2026-01-01).",
	])
}

test_duty_met_by_an_agreement if {
	d := ask(
		world([fed, sb8], [agreement(alpha_sheriff, "warrant-service-officer", "2026-06-01")]),
		alpha_sheriff,
		"jail-enforcement",
		"2026-12-02",
	)
	d.compliance == "met"
	d.satisfied == true
	endswith(d.summary, "must enter one (any qualifying model), and holds a qualifying agreement.")
}

test_report_lists_unmet_mandates_only_after_the_deadline if {
	f := world([fed, sb8], [])
	before := report_of(f, {"as_of": "2026-11-30"})
	before.missing_required == []
	after := report_of(f, {"as_of": "2026-12-02"})
	[m.agency | some m in after.missing_required] == [alpha_sheriff, beta_sheriff]
	after.missing_required[0].since == "2026-12-01"
}

# a mandate to enter any model, with a ban on its first model (in sorted order): the agency is
# still reported when it holds none of the others
test_report_unmet_mandate_when_the_first_model_is_banned if {
	ban := norm("us/st/ban-jem", st, "2020-01-01", [{"type": "prohibits", "models": ["jail-enforcement"]}])
	mandate := norm(
		"us/st/m",
		st,
		"2026-01-01",
		[{"type": "requires", "duty": "enter", "reaches": {"agencies": [alpha_sheriff]}}],
	)
	r := report_of(world([fed, ban, mandate], []), {"as_of": "2026-06-01"})
	[m.agency | some m in r.missing_required] == [alpha_sheriff]
	held := report_of(
		world([fed, ban, mandate], [agreement(alpha_sheriff, "task-force", "2026-02-01")]),
		{"as_of": "2026-06-01"},
	)
	held.missing_required == []
}

# ---------------------------------------------------------------- suspensions and court orders

enjoined_preemption := object.union(
	preempts(["prohibits"]),
	{"suspended": [{
		"from": "2021-09-21",
		"until": "2023-04-13",
		"citation": "City of South Miami v. DeSantis",
		"url": "https://example.org/sm",
	}]},
)

test_a_suspension_stops_and_restarts_a_norm if {
	f := world([fed, enjoined_preemption, city_ban], [])
	place(f, gotham, "2021-09-20").policies[0].status == "preempted"
	during := place(f, gotham, "2022-01-01")
	during.policies[0].status == "in-force"
	place(f, gotham, "2023-04-13").policies[0].status == "preempted"
	why := "not in force on 2022-01-01: suspended from 2021-09-21 until 2023-04-13 by City of South Miami v. DeSantis"
	juris._not_in_force_why("us/st/preempt", 0, "2022-01-01") == why with data.facts as f
}

test_an_open_ended_suspension if {
	n := object.union(
		state_ban,
		{"suspended": [{"from": "2025-01-01", "citation": "Order", "url": "https://example.org/o"}]},
	)
	ask(world([fed, n], []), alpha_sheriff, "task-force", "2026-01-01").allowed == true
	why := "not in force on 2026-01-01: suspended from 2025-01-01 by Order"
	juris._not_in_force_why("us/st/ban", 0, "2026-01-01") == why with data.facts as world([fed, n], [])
}

eo_expand := norm("us/st/gotham/eo-50", gotham, "2025-04-08", [{"type": "prohibits"}])

court_void := norm("us/st/council-v-mayor", st, "2025-09-08", [{"type": "voids", "norms": ["us/st/gotham/eo-50"]}])

test_a_court_order_voids_a_norm if {
	f := world([fed, eo_expand, court_void], [])
	place(f, gotham, "2025-09-07").policies[0].status == "in-force"
	after := place(f, gotham, "2025-09-08")
	after.policies[0].status == "not-in-force"
	after.policies[0].sentence == "Not in force on 2025-09-08: voided by Cit. us/st/council-v-mayor (from 2025-09-08)."
	[x] := set_aside_by(ask(f, gotham_police, "task-force", "2025-10-01"), "us/st/gotham/eo-50")
	x.sentence == "not in force on 2025-10-01: voided by Cit. us/st/council-v-mayor (from 2025-09-08)"
}

test_a_mayors_order_overrides_without_repeal_while_in_force if {
	order := norm("us/st/gotham/mayor-2025", gotham, "2025-07-22", [{"type": "suspends", "norms": ["us/st/gotham/ban"]}])
	ended := object.union(order, {"rescinded": "2026-01-01"})
	f := world([fed, city_ban, order], [])
	why := "Not in force on 2025-07-22: overridden without repeal by Cit. us/st/gotham/mayor-2025 (from 2025-07-22)."
	place(f, gotham, "2025-07-22").policies[0].sentence == why
	place(world([fed, city_ban, ended], []), gotham, "2026-01-01").policies[0].status == "in-force"
}

test_a_consent_decree_sustains_a_policy_against_preemption if {
	decree := norm("us/decree", us, "2013-08-09", [{"type": "sustains", "norms": ["us/st/gotham/ban"]}])
	f := world([fed, preempts(["prohibits"]), city_ban, decree], [])
	d := place(f, gotham, "2026-06-01")
	d.policies[0].status == "in-force"
	d.policies[0].principle == "court-order"
	d.policies[0].by == ["us/decree"]
	ask(f, gotham_police, "task-force", "2026-06-01").allowed == false
	without := place(world([fed, preempts(["prohibits"]), city_ban], []), gotham, "2026-06-01")
	without.policies[0].status == "preempted"
}

# ---------------------------------------------------------------- bindings

county_trust(status, extra) := object.union(
	norm("us/st/alpha-county/trust", alpha, "2011-09-07", [{"type": "prohibits"}]),
	{"bindings": [object.union(
		{"agency": alpha_sheriff, "status": status, "citation": "County Code § 46-37", "url": "https://example.org/c"},
		extra,
	)]},
)

test_a_county_norm_binds_its_sheriff_where_a_source_says_so if {
	f := world([fed, county_trust("binds", {})], [])
	d := ask(f, alpha_sheriff, "jail-enforcement", "2026-06-01")
	d.allowed == false
	d.reasons[0].norm == "us/st/alpha-county/trust"
	ask(world([fed, county_ban], []), alpha_sheriff, "jail-enforcement", "2026-06-01").allowed == true
}

contested_trust := county_trust(
	"contested",
	{"position": "the board sets county policy", "response": "the sheriff answers to the state"},
)

test_a_contested_binding_is_unresolved_with_both_sides if {
	d := ask(world([fed, contested_trust], []), alpha_sheriff, "jail-enforcement", "2026-06-01")
	d.allowed == false
	d.unresolved == true
	d.principle == "contested-binding"
	[c] := d.conflicts
	c.sentence == concat("", [
		"Cit. us/st/alpha-county/trust: its maker says it binds Alpha Sheriff (the board sets county policy); the agency ",
		"says it does not (the sheriff answers to the state). Source: County Code § 46-37.",
	])
	startswith(d.summary, "On 2026-06-01, whether Alpha Sheriff may hold a jail-enforcement agreement is unresolved")
}

test_a_contested_binding_that_changes_nothing_is_not_unresolved if {
	d := ask(world([fed, state_ban, contested_trust], []), alpha_sheriff, "jail-enforcement", "2026-06-01")
	d.allowed == false
	d.unresolved == false
}

test_a_contested_binding_in_the_locality_answer if {
	f := world([fed, contested_trust], [agreement(alpha_sheriff, "jail-enforcement", "2025-01-01")])
	d := place(f, alpha, "2026-06-01")
	[p] := d.policies
	[c] := p.contested
	c.agency == alpha_sheriff
	c.position == "the board sets county policy"
	d.bypassed == false
	d.unresolved == true
	[b] := d.bypasses
	b.contested == true
	endswith(
		b.sentence,
		"Whether Cit. us/st/alpha-county/trust binds it is contested, so whether this bypasses the policy is unresolved.",
	)
	r := report_of(f, {"as_of": "2026-06-01"})
	r.bypassed == []
}

# ---------------------------------------------------------------- context and coverage

detainer := norm(
	"us/st/gotham/detainers",
	gotham,
	"2014-01-01",
	[{"type": "context", "measure": "detainer-holds", "direction": "limits", "sentence": "No holds."}],
)

state_detainer := norm(
	"us/st/hb318",
	st,
	"2025-10-01",
	[{"type": "context", "measure": "detainer-holds", "direction": "expands", "reaches": {"kinds": ["sheriff"]}}],
)

test_context_measures_are_shown_without_deciding if {
	f := world([fed, detainer, state_detainer], [])
	d := place(f, gotham, "2026-06-01")
	d.policies == []
	[c.norm | some c in d.context] == ["us/st/gotham/detainers", "us/st/hb318"]
	a := ask(f, alpha_sheriff, "jail-enforcement", "2026-06-01")
	a.allowed == true
	[c.norm | some c in a.context] == ["us/st/hb318"]
	a.context[0].direction == "expands"
	ask(f, gotham_police, "jail-enforcement", "2026-06-01").context == [{
		"norm": "us/st/gotham/detainers", "title": "us/st/gotham/detainers", "citation": "Cit. us/st/gotham/detainers",
		"url": "https://example.org/us/st/gotham/detainers", "jurisdiction": gotham, "measure": "detainer-holds",
		"direction": "limits", "since": "2014-01-01", "verified": true, "sentence": "No holds.",
	}]
}

test_coverage_says_what_was_researched if {
	d := ask(world([fed], []), gotham_police, "task-force", "2026-06-01")
	d.coverage.state_law.outcome == "laws-found"
	d.coverage.state_law.date == "2026-11-30"
	[l] := d.coverage.local_policies
	l.jurisdiction == gotham
	l.outcome == "not-researched"
	l.date == ""
	state_agency := ask(world([fed], []), dps, "task-force", "2026-06-01")
	state_agency.coverage.local_policies == []
}

unsurveyed := with_checked(st, {"date": "2026-11-27", "outcome": "not-researched", "note": "Not researched."})

# with_checked is the small state's jurisdictions with jurisdiction jid's checked record replaced.
with_checked(jid, c) := [checked_or(j, jid, c) | some j in jurisdictions]

checked_or(j, jid, c) := object.union(j, {"checked": c}) if {
	j.id == jid
} else := j

test_a_state_not_researched_says_so_in_every_answer if {
	f := facts(unsurveyed, agencies, [fed], [])
	d := ask(f, alpha_sheriff, "task-force", "2026-06-01")
	d.coverage.state_law.outcome == "not-researched"
	d.coverage.state_law.date == ""
	endswith(d.summary, concat("", [
		"The state law of Statia has not been researched: this answer rests on the federal law and on the norms in the ",
		"facts alone.",
	]))
	l := place(f, gotham, "2026-06-01")
	contains(l.summary, "The state law of Statia has not been researched")
	r := report_of(f, {"as_of": "2026-06-01"})
	r.summary.states.ST.posture == "not-researched"
}

test_a_locality_checked_with_no_policy if {
	checked := with_checked(gotham, {"date": "2026-11-30", "outcome": "no-law-found", "searched": "code", "note": "None."})
	d := place(facts(checked, agencies, [fed], []), gotham, "2026-06-01")
	d.summary == concat("", [
		"On 2026-06-01, Gotham has no policy limiting cooperation with immigration enforcement in the facts; its local ",
		"policies were checked on 2026-11-30.",
	])
}

# ---------------------------------------------------------------- postures

test_postures_say_whom_the_law_reaches if {
	some_ban := norm("us/st/ed1", st, "2026-02-04", [{"type": "prohibits", "reaches": {"agencies": [dps]}}])
	r := report_of(world([fed, some_ban], []), {"as_of": "2026-06-01"})
	r.summary.states.ST.posture == "bans-some"
	r.summary.states.ST.laws[0].reaches == "named agencies: Statia DPS"
	full := report_of(
		world([fed, ban_reaching({"kinds": ["sheriff", "municipal-police", "state-police", "corrections"]})], []),
		{"as_of": "2026-06-01"},
	)
	full.summary.states.ST.posture == "bans"
	pre := report_of(world([fed, preempts(["prohibits"])], []), {"as_of": "2026-06-01"})
	pre.summary.states.ST.posture == "preempts"
	vest := report_of(
		world([fed, norm("us/st/gov", st, "2017-01-01", [{"type": "vests", "official": "the Governor"}])], []),
		{"as_of": "2026-06-01"},
	)
	vest.summary.states.ST.posture == "restricts"
	req := report_of(world([fed, sb8], []), {"as_of": "2026-06-01"})
	req.summary.states.ST.laws[0].reaches == "sheriff"
	lv := report_of(world([fed, ban_reaching({"levels": ["state"], "runs_jail": true})], []), {"as_of": "2026-06-01"})
	lv.summary.states.ST.laws[0].reaches == "state jail-running agencies"
}

test_fact_problems_name_an_unbound_agency if {
	naming := norm(
		"us/st/alpha-county/named",
		alpha,
		"2020-01-01",
		[{"type": "prohibits", "reaches": {"agencies": [alpha_sheriff]}}],
	)
	[p] := [x | some x in juris.fact_problems] with data.facts as world([naming], [])
	p.agency == alpha_sheriff
	p.effect_index == 0
	contains(p.message, "a sheriff is not bound by its county government's policies")
	city := norm(
		"us/st/gotham/named",
		gotham,
		"2020-01-01",
		[{"type": "prohibits", "reaches": {"agencies": [alpha_sheriff]}}],
	)
	[q] := [x | some x in juris.fact_problems] with data.facts as world([city], [])
	contains(q.message, "the norm's maker, us/st/gotham, is not among the governments")
	count(juris.fact_problems) == 0 with data.facts as world([county_trust("binds", {}), state_ban], [])
}

test_alias_ids_name_the_government if {
	js := array.concat([j | some j in jurisdictions; j.id != alpha], [object.union(
		[j | some j in jurisdictions; j.id == alpha][0],
		{"aliases": ["us/st/old-alpha"]},
	)])
	f := facts(js, agencies, [fed], [])
	juris._canonical("us/st/old-alpha") == alpha with data.facts as f
	juris._canonical("us/st/old-alpha/sheriff") == alpha_sheriff with data.facts as f
	juris._canonical(gotham) == gotham with data.facts as f
	ask(f, "us/st/old-alpha/sheriff", "task-force", "2026-06-01").agency == alpha_sheriff
	place(f, "us/st/old-alpha", "2026-06-01").locality == alpha
}
