package juris_test

# stats and report on the small state (helpers_test.rego).

stats_of(f, inp) := s if {
	s := data.juris.stats with data.facts as f with input as inp
}

report_of(f, inp) := r if {
	r := data.juris.report with data.facts as f with input as inp
}

test_stats_counts_agreements_in_force if {
	gs := [
		agreement(alpha_sheriff, "jail-enforcement", "2025-01-01"),
		agreement(alpha_sheriff, "task-force", "2025-03-01"),
		agreement(dps, "task-force", "2025-02-01"),
		{"id": "p", "agency": beta_sheriff, "model": "jail-enforcement", "status": "pending"},
		object.union(
			agreement(gotham_police, "task-force", "2024-01-01"),
			{"status": "terminated", "terminated": "2025-01-15"},
		),
	]
	s := stats_of(world([fed], gs), {"as_of": "2025-02-15"})
	s.agreements == 2
	s.agencies_with_agreements == 2
	s.states_with_agreements == 1
	s.by_state == {"ST": 2}
	s.by_model == {"jail-enforcement": 1, "task-force": 1}
	s.by_agency_kind == {"sheriff": 1, "state-police": 1}
	s.jurisdictions == {"states": 1, "counties": 2, "places": 3}
	s.agencies == 6
}

test_stats_for_one_state_and_bad_input if {
	f := world([fed], [agreement(alpha_sheriff, "task-force", "2025-01-01")])
	stats_of(f, {"as_of": "2025-06-01", "state": "ST"}).agreements == 1
	stats_of(f, {"as_of": "2025-06-01", "state": "ZZ"}).errors == ["unknown state ZZ: give a USPS code such as TX"]
	count(stats_of(f, {"as_of": "June"}).errors) == 1
}

test_report_has_exactly_four_keys if {
	r := report_of(world([fed], []), {"as_of": "2026-06-01"})
	object.keys(r) == {"conflicts", "missing_required", "bypassed", "summary"}
	r.summary.states.ST.posture == "neither"
}

test_report_conflict_since_the_later_of_law_and_agreement if {
	f := world(
		[fed, state_ban],
		[agreement(alpha_sheriff, "task-force", "2019-06-01"), agreement(dps, "task-force", "2021-03-01")],
	)
	r := report_of(f, {"as_of": "2026-06-01"})
	[c.agency | some c in r.conflicts] == [alpha_sheriff, dps]
	r.conflicts[0].law == "us/st/ban"
	r.conflicts[0].since == "2020-01-01"
	r.conflicts[1].since == "2021-03-01"
	r.summary.conflicts == 2
	r.summary.states.ST.posture == "bans"
	before := report_of(f, {"as_of": "2019-12-31"})
	before.conflicts == []
}

test_report_missing_required if {
	req := norm("us/st/req", st, "2026-01-01", [{"type": "requires", "duty": "enter", "reaches": {"kinds": ["sheriff"]}}])
	f := world([fed, req], [agreement(beta_sheriff, "jail-enforcement", "2025-06-01")])
	r := report_of(f, {"as_of": "2026-06-01"})
	[m.agency | some m in r.missing_required] == [alpha_sheriff]
	r.missing_required[0].law == "us/st/req"
	r.missing_required[0].since == "2026-01-01"
	r.summary.states.ST.posture == "requires"
	report_of(f, {"as_of": "2025-12-31"}).missing_required == []
}

test_report_weaker_duties_are_not_missing if {
	req := norm("us/st/req", st, "2026-01-01", [{"type": "requires", "duty": "seek", "reaches": {"kinds": ["sheriff"]}}])
	report_of(world([fed, req], []), {"as_of": "2026-06-01"}).missing_required == []
}

test_report_bypassed_locality if {
	f := world(
		[fed, city_ban],
		[agreement(dps, "task-force", "2025-02-01"), agreement(alpha_sheriff, "jail-enforcement", "2025-02-01")],
	)
	r := report_of(f, {"as_of": "2026-06-01"})
	count(r.bypassed) == 1
	b := r.bypassed[0]
	b.locality == gotham
	b.policy == "us/st/gotham/ban"
	{x.agency | some x in b.by} == {dps, alpha_sheriff}
	{x.channel | some x in b.by} == {"patrol", "jail"}
}

test_report_restricts_posture if {
	r := norm("us/st/limit", st, "2020-01-01", [{"type": "restricts", "restriction": "no patrol"}])
	report_of(world([fed, r], []), {"as_of": "2026-06-01"}).summary.states.ST.posture == "restricts"
}

test_report_bad_input if {
	report_of(world([fed], []), {"as_of": "2026-02-30"}).errors == ["as_of 2026-02-30 is not a date written YYYY-MM-DD"]
}
