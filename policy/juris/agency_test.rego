# Unit tests of the agency question (data.juris.agency) on small mock facts.
package juris_test

# ---------------------------------------------------------------- applicability

test_ban_before_its_effective_date_is_set_aside if {
	ban := object.union(state_ban, {"effective": "2027-01-01"})
	d := ask(world([fed, ban], []), alpha_sheriff, "task-force", "2026-06-01")
	d.allowed == true
	d.principle == "applicability"
	[r.norm | some r in d.reasons] == ["us/1357g"]
	d.reasons[0].sentence == concat("", [
		"Cit. us/1357g permits a task-force agreement, only as far as state and local law allow (in force since ",
		"1996-09-30).",
	])
	[x] := set_aside_by(d, "us/st/ban")
	x.principle == "applicability"
	x.sentence == "not in force on 2026-06-01: it applies from 2027-01-01"
	d.summary == "On 2026-06-01, Alpha Sheriff may hold a task-force agreement; no norm in force requires one."
	d.revision == "test-revision"
}

test_ban_applies_on_its_effective_date if {
	ban := object.union(state_ban, {"effective": "2027-01-01"})
	d := ask(world([fed, ban], []), alpha_sheriff, "task-force", "2027-01-01")
	d.allowed == false
	[r.norm | some r in d.reasons] == ["us/st/ban"]
}

test_ban_after_repeal_no_longer_forbids if {
	ban := object.union(state_ban, {"repealed": "2025-01-01"})
	d := ask(world([fed, ban], []), alpha_sheriff, "task-force", "2026-06-01")
	d.allowed == true
	[r.norm | some r in d.reasons] == ["us/1357g"]
}

test_ban_after_rescission_no_longer_forbids if {
	ban := object.union(state_ban, {"rescinded": "2026-03-01"})
	d := ask(world([fed, ban], []), alpha_sheriff, "jail-enforcement", "2026-03-01")
	d.allowed == true
}

# Regression: a norm with an end date still forbids before that date.
test_ban_before_its_repeal_still_forbids if {
	ban := object.union(state_ban, {"repealed": "2030-01-01"})
	d := ask(world([fed, ban], []), alpha_sheriff, "task-force", "2026-06-01")
	d.allowed == false
}

# Regression: a repealed norm is listed as set aside, with the date it ended.
test_repealed_ban_is_listed_as_set_aside if {
	ban := object.union(state_ban, {"repealed": "2025-01-01"})
	d := ask(world([fed, ban], []), alpha_sheriff, "task-force", "2026-06-01")
	[x] := set_aside_by(d, "us/st/ban")
	x.sentence == "not in force on 2026-06-01: repealed on 2025-01-01"
}

test_effect_from_delays_the_effect if {
	ban := norm("us/st/ban", st, "2026-01-01", [{"type": "prohibits", "from": "2026-07-01"}])
	before := ask(world([fed, ban], []), alpha_sheriff, "task-force", "2026-06-30")
	before.allowed == true
	[x] := set_aside_by(before, "us/st/ban")
	x.sentence == "not in force on 2026-06-30: it applies from 2026-07-01"
	after := ask(world([fed, ban], []), alpha_sheriff, "task-force", "2026-07-01")
	after.allowed == false
	after.reasons[0].since == "2026-07-01"
}

test_effect_until_ended if {
	ban := norm("us/st/ban", st, "2020-01-01", [{"type": "prohibits", "until": "2026-01-01"}])
	d := ask(world([fed, ban], []), alpha_sheriff, "task-force", "2026-06-01")
	d.allowed == true
}

# Regression: an effect with `until` applies before that date.
test_effect_applies_before_its_until if {
	ban := norm("us/st/ban", st, "2020-01-01", [{"type": "prohibits", "until": "2026-01-01"}])
	d := ask(world([fed, ban], []), alpha_sheriff, "task-force", "2025-06-01")
	d.allowed == false
}

test_no_norm_at_all if {
	d := ask(world([], []), alpha_sheriff, "task-force", "2026-06-01")
	d.allowed == false
	d.required == false
	d.principle == "applicability"
	d.reasons == []
	d.set_aside == []
	d.summary == "On 2026-06-01, no norm in force decides whether Alpha Sheriff may hold a task-force agreement."
}

test_ban_of_other_models_does_not_apply if {
	ban := norm("us/st/ban", st, "2020-01-01", [{"type": "prohibits", "models": ["jail-enforcement"]}])
	ask(world([fed, ban], []), alpha_sheriff, "task-force", "2026-06-01").allowed == true
	ask(world([fed, ban], []), alpha_sheriff, "jail-enforcement", "2026-06-01").allowed == false
}

test_non_deontic_effects_are_not_candidates if {
	d := ask(world([fed, preempts(["prohibits"])], []), gotham_police, "task-force", "2026-06-01")
	d.allowed == true
	[r.norm | some r in d.reasons] == ["us/1357g"]
	d.set_aside == []
}

# ---------------------------------------------------------------- binding

test_city_policy_binds_city_police_not_sheriff if {
	f := world([fed, city_ban], [])
	p := ask(f, gotham_police, "task-force", "2026-06-01")
	p.allowed == false
	[r.norm | some r in p.reasons] == ["us/st/gotham/ban"]
	s := ask(f, alpha_sheriff, "task-force", "2026-06-01")
	s.allowed == true
	set_aside_by(s, "us/st/gotham/ban") == []
}

test_county_policy_binds_county_police_not_its_sheriff if {
	f := world([fed, county_ban], [])
	ask(f, alpha_police, "task-force", "2026-06-01").allowed == false
	ask(f, alpha_sheriff, "task-force", "2026-06-01").allowed == true
}

test_sheriff_is_bound_by_state_law if {
	f := world([fed, state_ban], [])
	ask(f, alpha_sheriff, "warrant-service-officer", "2026-06-01").allowed == false
	ask(f, gotham_police, "warrant-service-officer", "2026-06-01").allowed == false
	ask(f, dps, "warrant-service-officer", "2026-06-01").allowed == false
}

test_explicit_bound_by_excludes_the_city if {
	f := world([fed, city_ban], [])
	d := ask(f, transit_police, "task-force", "2026-06-01")
	d.allowed == true
}

test_explicit_bound_by_excludes_the_state if {
	ags := [a | some a in agencies; a.id != transit_police]
	transit := {
		"id": transit_police, "name": "Transit", "kind": "other", "jurisdiction": gotham,
		"bound_by": [us], "bound_by_source": {"citation": "x", "url": "y"},
	}
	f := facts(jurisdictions, array.concat(ags, [transit]), [fed, state_ban], [])
	ask(f, transit_police, "task-force", "2026-06-01").allowed == true
}

test_explicit_bound_by_makes_county_policy_bind_the_sheriff if {
	ags := [a | some a in agencies; a.id != alpha_sheriff]
	sheriff := {
		"id": alpha_sheriff, "name": "Alpha Sheriff", "kind": "sheriff", "jurisdiction": alpha, "runs_jail": true,
		"bound_by": [us, st, alpha], "bound_by_source": {"citation": "County Charter", "url": "https://example.org/c"},
	}
	f := facts(jurisdictions, array.concat(ags, [sheriff]), [fed, county_ban], [])
	ask(f, alpha_sheriff, "task-force", "2026-06-01").allowed == false
}

# ---------------------------------------------------------------- reach

allowed_for(r, aid) := ask(world([fed, ban_reaching(r)], []), aid, "task-force", "2026-06-01").allowed

test_reach_kinds if {
	allowed_for({"kinds": ["sheriff"]}, alpha_sheriff) == false
	allowed_for({"kinds": ["sheriff"]}, gotham_police) == true
	allowed_for({"kinds": ["sheriff"]}, dps) == true
}

test_reach_levels if {
	allowed_for({"levels": ["state"]}, dps) == false
	allowed_for({"levels": ["state"]}, alpha_sheriff) == true
	allowed_for({"levels": ["local"]}, dps) == true
	allowed_for({"levels": ["local"]}, gotham_police) == false
	allowed_for({"levels": ["local"]}, alpha_sheriff) == false
}

test_reach_runs_jail if {
	allowed_for({"runs_jail": true}, alpha_sheriff) == false
	allowed_for({"runs_jail": true}, alpha_police) == true
	allowed_for({"runs_jail": false}, alpha_police) == false
	allowed_for({"runs_jail": false}, alpha_sheriff) == true
}

test_reach_jurisdictions if {
	allowed_for({"jurisdictions": [alpha]}, alpha_sheriff) == false
	allowed_for({"jurisdictions": [alpha]}, alpha_police) == false
	allowed_for({"jurisdictions": [alpha]}, beta_sheriff) == true
	allowed_for({"jurisdictions": [alpha]}, dps) == true
	allowed_for({"jurisdictions": [st]}, gotham_police) == false
}

test_reach_named_agencies if {
	allowed_for({"agencies": [beta_sheriff]}, beta_sheriff) == false
	allowed_for({"agencies": [beta_sheriff]}, alpha_sheriff) == true
}

test_reach_named_agencies_ignore_kinds if {
	allowed_for({"agencies": [gotham_police], "kinds": ["sheriff"]}, gotham_police) == false
	allowed_for({"agencies": [gotham_police], "kinds": ["sheriff"]}, alpha_sheriff) == true
}

test_reach_except if {
	allowed_for({"kinds": ["sheriff"], "except": [alpha_sheriff]}, alpha_sheriff) == true
	allowed_for({"kinds": ["sheriff"], "except": [alpha_sheriff]}, beta_sheriff) == false
}

test_reach_combined_narrowings if {
	r := {"kinds": ["sheriff"], "levels": ["local"], "runs_jail": true, "jurisdictions": [beta]}
	allowed_for(r, beta_sheriff) == false
	allowed_for(r, alpha_sheriff) == true
}

# ---------------------------------------------------------------- conflicts

test_federal_permission_defers_to_state_ban if {
	d := ask(world([fed, state_ban], []), alpha_sheriff, "task-force", "2026-06-01")
	d.allowed == false
	d.unresolved == false
	d.principle == "applicability"
	[r.norm | some r in d.reasons] == ["us/st/ban"]
	forbids := "Cit. us/st/ban forbids this agency to hold a task-force agreement (in force since 2020-01-01)."
	d.reasons[0].sentence == forbids
	[x] := set_aside_by(d, "us/1357g")
	x.principle == "federal-deference"
	startswith(x.sentence, "set aside: 8 U.S.C. § 1357(g)(1) permits agreements only")
	d.summary == "On 2026-06-01, Alpha Sheriff may not hold a task-force agreement."
}

test_federal_permission_defers_to_local_ban if {
	d := ask(world([fed, city_ban], []), gotham_police, "jail-enforcement", "2026-06-01")
	d.allowed == false
	[x] := set_aside_by(d, "us/1357g")
	x.principle == "federal-deference"
}

test_state_requirement_beats_local_ban if {
	req := norm("us/st/req", st, "2026-01-01", [{"type": "requires", "duty": "enter"}])
	d := ask(world([fed, city_ban, req], []), gotham_police, "task-force", "2026-06-01")
	d.allowed == true
	d.required == true
	d.principle == "lex-superior"
	[r.norm | some r in d.reasons] == ["us/st/req"]
	d.reasons[0].principle == "lex-superior"
	[x] := set_aside_by(d, "us/st/gotham/ban")
	x.principle == "lex-superior"
	x.sentence == "set aside: a norm of a higher level of government prevails (lex superior)"
}

test_state_ban_beats_local_permission if {
	permit := norm("us/st/gotham/welcome", gotham, "2021-01-01", [{"type": "permits"}])
	d := ask(world([permit, state_ban], []), gotham_police, "task-force", "2026-06-01")
	d.allowed == false
	d.principle == "lex-superior"
	[x] := set_aside_by(d, "us/st/gotham/welcome")
	x.principle == "lex-superior"
}

test_lex_specialis_sheriff_ban_beats_general_permission if {
	ban := ban_reaching({"kinds": ["sheriff"]})
	d := ask(world([fed, state_permit, ban], []), alpha_sheriff, "task-force", "2026-06-01")
	d.allowed == false
	d.principle == "lex-specialis"
	[x] := set_aside_by(d, "us/st/permit")
	x.principle == "lex-specialis"
	x.sentence == "set aside: the norm aimed more narrowly at this agency or model prevails (lex specialis)"

	# the general permission still governs the city police, which the ban does not reach
	ask(world([fed, state_permit, ban], []), gotham_police, "task-force", "2026-06-01").principle == "applicability"
}

test_lex_specialis_permission_naming_the_agency if {
	permit := norm("us/st/permit", st, "2020-01-01", [{"type": "permits", "reaches": {"agencies": [alpha_sheriff]}}])
	ban := ban_reaching({"kinds": ["sheriff"], "levels": ["local"], "runs_jail": true})
	d := ask(world([permit, ban], []), alpha_sheriff, "task-force", "2026-06-01")
	d.allowed == true
	d.principle == "lex-specialis"
}

test_lex_specialis_narrower_models if {
	permit := norm("us/st/permit", st, "2020-01-01", [{"type": "permits", "models": ["task-force"]}])
	d := ask(world([permit, state_ban], []), dps, "task-force", "2026-06-01")
	d.allowed == true
	d.principle == "lex-specialis"
}

test_lex_posterior_later_permission_wins if {
	permit := object.union(state_permit, {"effective": "2024-01-01"})
	d := ask(world([fed, state_ban, permit], []), dps, "task-force", "2026-06-01")
	d.allowed == true
	d.principle == "lex-posterior"
	[r.norm | some r in d.reasons] == ["us/st/permit"]
	[x] := set_aside_by(d, "us/st/ban")
	x.principle == "lex-posterior"
	x.sentence == "set aside: the later norm of the same level prevails (lex posterior)"
}

test_lex_posterior_later_ban_wins if {
	ban := object.union(state_ban, {"effective": "2025-01-01"})
	d := ask(world([state_permit, ban], []), dps, "task-force", "2026-06-01")
	d.allowed == false
	d.principle == "lex-posterior"
}

test_equal_norms_are_unresolved if {
	d := ask(world([fed, state_ban, state_permit], []), alpha_sheriff, "task-force", "2026-06-01")
	d.unresolved == true
	d.allowed == false
	d.required == false
	d.principle == "unresolved"
	d.reasons == []
	d.conflicts[0].norms == ["us/st/ban", "us/st/permit"]
	count(d.conflicts) == 1
	d.summary == concat("", [
		"On 2026-06-01, the law is in conflict on whether Alpha Sheriff may hold a task-force agreement: norms of the same ",
		"level, equally specific and of the same date disagree.",
	])
}

test_state_preemption_voids_local_287g_ban if {
	d := ask(world([fed, city_ban, preempts(["prohibits"])], []), gotham_police, "task-force", "2026-06-01")
	d.allowed == true
	d.principle == "applicability"
	[r.norm | some r in d.reasons] == ["us/1357g"]
	[x] := set_aside_by(d, "us/st/gotham/ban")
	x.principle == "express-preemption"
	x.sentence == "voided by Cit. us/st/preempt, which preempts local policies that prohibit cooperation"
}

test_preemption_not_voiding_prohibits_leaves_ban if {
	d := ask(world([fed, city_ban, preempts(["materially-limits"])], []), gotham_police, "task-force", "2026-06-01")
	d.allowed == false
}

test_preemption_before_it_is_in_force_leaves_ban if {
	p := object.union(preempts(["prohibits"]), {"effective": "2027-01-01"})
	ask(world([fed, city_ban, p], []), gotham_police, "task-force", "2026-06-01").allowed == false
	ask(world([fed, city_ban, p], []), gotham_police, "task-force", "2027-01-01").allowed == true
}

test_preemption_limited_to_other_jurisdictions_leaves_ban if {
	p := norm(
		"us/st/preempt",
		st,
		"2017-09-01",
		[{"type": "preempts", "voids": ["prohibits"], "reaches": {"jurisdictions": [smallville]}}],
	)
	ask(world([fed, city_ban, p], []), gotham_police, "task-force", "2026-06-01").allowed == false
	p2 := norm(
		"us/st/preempt",
		st,
		"2017-09-01",
		[{"type": "preempts", "voids": ["prohibits"], "reaches": {"jurisdictions": [gotham]}}],
	)
	ask(world([fed, city_ban, p2], []), gotham_police, "task-force", "2026-06-01").allowed == true
}

test_state_preemption_does_not_void_state_ban if {
	ask(world([fed, state_ban, preempts(["prohibits"])], []), dps, "task-force", "2026-06-01").allowed == false
}

test_restriction_is_reported if {
	r := norm("us/st/limits", st, "2021-01-01", [{"type": "restricts", "restriction": "no traffic stops"}])
	d := ask(world([fed, r], []), alpha_sheriff, "task-force", "2026-06-01")
	d.allowed == true
	d.restrictions == ["no traffic stops"]
	some x in d.reasons
	x.norm == "us/st/limits"
	x.sentence == "Cit. us/st/limits allows the agreement but restricts it: no traffic stops (in force since 2021-01-01)."
}

test_plain_permission_sentence if {
	d := ask(world([state_permit], []), dps, "task-force", "2026-06-01")
	d.reasons[0].sentence == "Cit. us/st/permit permits a task-force agreement (in force since 2020-01-01)."
}

# ---------------------------------------------------------------- duty

test_duty_enter_is_required if {
	d := ask(world([fed, requires("us/st/req", "enter", all_models)], []), alpha_sheriff, "jail-enforcement", "2026-06-01")
	d.allowed == true
	d.required == true
	d.duty == "enter"
	d.satisfied == false
	d.summary == concat("", [
		"On 2026-06-01, Alpha Sheriff may hold a jail-enforcement agreement and must enter one (any qualifying model); ",
		"unmet since 2026-01-01: it holds none.",
	])
	d.compliance == "unmet"
	some r in d.reasons
	r.norm == "us/st/req"
	r.sentence == concat("", [
		"Cit. us/st/req requires this agency to enter a 287(g) agreement; any of jail-enforcement, task-force, ",
		"warrant-service-officer satisfies it (in force since 2026-01-01).",
	])
}

test_duty_seek_is_not_required if {
	d := ask(world([fed, requires("us/st/req", "seek", all_models)], []), alpha_sheriff, "task-force", "2026-06-01")
	d.allowed == true
	d.required == false
	d.duty == "seek"
	d.summary == concat("", [
		"On 2026-06-01, Alpha Sheriff may hold a task-force agreement and must seek one (any qualifying model); it holds ",
		"none, and the facts cannot show whether it did so.",
	])
	d.compliance == "unknown"
}

test_duty_explore_is_not_required if {
	d := ask(world([fed, requires("us/st/req", "explore", all_models)], []), alpha_sheriff, "task-force", "2026-06-01")
	d.required == false
	d.duty == "explore"
}

test_strongest_duty_wins if {
	ns := [fed, requires("us/st/a", "explore", all_models), requires("us/st/b", "seek", all_models)]
	ask(world(ns, []), alpha_sheriff, "task-force", "2026-06-01").duty == "seek"
	ns2 := array.concat(ns, [requires("us/st/c", "enter", all_models)])
	d := ask(world(ns2, []), alpha_sheriff, "task-force", "2026-06-01")
	d.duty == "enter"
	d.required == true
}

test_no_duty_when_forbidden if {
	ns := [requires("us/st/req", "enter", all_models), city_ban]
	d := ask(world(ns, []), alpha_sheriff, "task-force", "2025-06-01")
	d.required == false
	d.duty == ""
}

test_duty_satisfied_by_agreement_of_a_qualifying_model if {
	req := requires("us/st/req", "enter", ["jail-enforcement", "task-force"])
	f := world([fed, req], [agreement(alpha_sheriff, "task-force", "2026-02-01")])
	d := ask(f, alpha_sheriff, "jail-enforcement", "2026-06-01")
	d.required == true
	d.satisfied == true

	# the agreements listed are those of the model asked about
	d.agreements == []
	t := ask(f, alpha_sheriff, "task-force", "2026-06-01")
	t.satisfied == true
	[g.id | some g in t.agreements] == ["us/st/alpha-county/sheriff#task-force#2026-02-01"]
	t.agreements[0].in_force == true
}

test_duty_not_satisfied_by_non_qualifying_model if {
	req := requires("us/st/req", "enter", ["jail-enforcement", "task-force"])
	f := world([fed, req], [agreement(alpha_sheriff, "warrant-service-officer", "2026-02-01")])
	ask(f, alpha_sheriff, "task-force", "2026-06-01").satisfied == false
}

test_duty_not_satisfied_before_agreement_signed if {
	req := requires("us/st/req", "enter", all_models)
	f := world([fed, req], [agreement(alpha_sheriff, "task-force", "2026-08-01")])
	d := ask(f, alpha_sheriff, "task-force", "2026-06-01")
	d.satisfied == false
	d.agreements[0].in_force == false
}

test_pending_agreement_is_not_in_force if {
	req := requires("us/st/req", "enter", all_models)
	g := {"id": "g1", "agency": alpha_sheriff, "model": "task-force", "status": "pending"}
	d := ask(world([fed, req], [g]), alpha_sheriff, "task-force", "2026-06-01")
	d.satisfied == false
	d.agreements[0].id == "g1"
	d.agreements[0].in_force == false
}

test_terminated_agreement_is_not_in_force if {
	req := requires("us/st/req", "enter", all_models)
	g := object.union(
		agreement(alpha_sheriff, "task-force", "2019-01-01"),
		{"status": "terminated", "terminated": "2026-03-01"},
	)
	f := world([fed, req], [g])
	after := ask(f, alpha_sheriff, "task-force", "2026-06-01")
	after.satisfied == false
	after.agreements[0].in_force == false
	before := ask(f, alpha_sheriff, "task-force", "2026-02-28")
	before.satisfied == true
	before.agreements[0].in_force == true
}

test_agreement_without_signed_date_is_in_force_from_first_listing if {
	g := {"id": "g1", "agency": alpha_sheriff, "model": "task-force", "status": "active", "first_listed": "2025-10-13"}
	f := world([fed], [g])
	ask(f, alpha_sheriff, "task-force", "2025-10-12").agreements[0].in_force == false
	ask(f, alpha_sheriff, "task-force", "2025-10-13").agreements[0].in_force == true
}

test_delisted_agreement_is_not_in_force if {
	g := object.union(
		agreement(alpha_sheriff, "task-force", "2025-04-01"),
		{"last_listed": "2025-05-16", "delisted": "2025-07-18"},
	)
	f := world([fed], [g])
	ask(f, alpha_sheriff, "task-force", "2025-07-17").agreements[0].in_force == true
	ask(f, alpha_sheriff, "task-force", "2025-07-18").agreements[0].in_force == false
}

test_duty_reaches_only_named_kinds if {
	req := norm("us/st/req", st, "2026-01-01", [{"type": "requires", "duty": "enter", "reaches": {"kinds": ["sheriff"]}}])
	ask(world([fed, req], []), alpha_sheriff, "task-force", "2026-06-01").required == true
	d := ask(world([fed, req], []), gotham_police, "task-force", "2026-06-01")
	d.required == false
	d.duty == ""
}
