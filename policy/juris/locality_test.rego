# Unit tests of the locality question (data.juris.locality) on small mock facts.
package juris_test

city_limits(extent) := norm(
	"us/st/gotham/trust",
	gotham,
	"2018-01-01",
	[object.union({"type": "limits-cooperation", "sentence": "Police do not ask about status."}, extent)],
)

could(dec, aid) := c if {
	some c in dec.could_bypass
	c.agency == aid
}

# ---------------------------------------------------------------- policy status

test_policy_in_force if {
	d := place(world([fed, city_ban], []), gotham, "2026-06-01")
	d.locality == gotham
	d.name == "Gotham"
	d.kind == "city"
	d.as_of == "2026-06-01"
	d.revision == "test-revision"
	d.counties == [alpha, beta]
	[p] := d.policies
	p.norm == "us/st/gotham/ban"
	p.status == "in-force"
	p.principle == "applicability"
	p.by == []
	p.binds == [gotham_police]
	p.effective == "2019-01-01"
	p.sentence == "In force on 2026-06-01; no higher law in force voids it."
	d.preempted == false
	d.unresolved == false
	d.bypassed == false
	d.bypasses == []
	startswith(d.summary, "On 2026-06-01, no agency outside the reach of Gotham's policies holds an agreement in force")
}

# Regression: a local 287(g) ban (type prohibits) is shown with extent "prohibits".
test_local_ban_extent_is_prohibits if {
	d := place(world([fed, city_ban], []), gotham, "2026-06-01")
	d.policies[0].extent == ["prohibits"]
}

test_policy_extent_and_summary if {
	d := place(world([city_limits({"extent": "materially-limits"})], []), gotham, "2026-06-01")
	d.policies[0].extent == ["materially-limits"]
	d.policies[0].summary == "Police do not ask about status."
	place(world([city_limits({})], []), gotham, "2026-06-01").policies[0].extent == ["unsettled"]
}

test_policy_not_yet_in_force if {
	ban := object.union(city_ban, {"effective": "2027-01-01"})
	d := place(world([ban], [agreement(alpha_sheriff, "jail-enforcement", "2025-01-01")]), gotham, "2026-06-01")
	d.policies[0].status == "not-in-force"
	d.policies[0].sentence == "Not in force on 2026-06-01: it applies from 2027-01-01."
	d.bypassed == false
	d.could_bypass == []
	d.summary == "On 2026-06-01, none of Gotham's policies limiting cooperation stands: each is not in force or preempted."
}

test_policy_repealed_is_not_in_force if {
	ban := object.union(city_ban, {"repealed": "2025-01-01", "rescinded": "2025-03-01"})
	d := place(world([ban], []), gotham, "2026-06-01")
	d.policies[0].status == "not-in-force"
	d.policies[0].sentence == "Not in force on 2026-06-01: repealed on 2025-01-01."
	place(world([ban], []), gotham, "2024-12-31").policies[0].status == "in-force"
}

test_policy_preempted if {
	f := world([fed, city_limits({"extent": "materially-limits"}), preempts(["prohibits", "materially-limits"])], [])
	d := place(f, gotham, "2026-06-01")
	[p] := d.policies
	p.status == "preempted"
	p.principle == "express-preemption"
	p.by == ["us/st/preempt"]
	p.by_citations == ["Cit. us/st/preempt"]
	p.sentence == "Void on 2026-06-01: Cit. us/st/preempt expressly preempts local policies of this kind."
	d.preempted == true
	d.unresolved == false
}

test_local_ban_preempted if {
	d := place(world([fed, city_ban, preempts(["prohibits"])], []), gotham, "2026-06-01")
	d.policies[0].status == "preempted"
	d.preempted == true
}

test_policy_preempted_only_once_preemption_in_force if {
	p := object.union(preempts(["prohibits"]), {"effective": "2027-01-01"})
	place(world([city_ban, p], []), gotham, "2026-12-31").policies[0].status == "in-force"
	place(world([city_ban, p], []), gotham, "2027-01-01").policies[0].status == "preempted"
}

# Regression: a policy's status reads its effects' from/until, not only the norm's dates: a
# policy whose only effect ended in 2020 is not in force in 2026, and is not bypassed.
test_policy_whose_effect_ended_is_not_in_force if {
	p := norm(
		"us/st/gotham/trust",
		gotham,
		"2018-01-01",
		[{"type": "limits-cooperation", "extent": "prohibits", "until": "2020-01-01"}],
	)
	d := place(world([p], [agreement(alpha_sheriff, "jail-enforcement", "2025-01-01")]), gotham, "2026-06-01")
	d.policies[0].status == "not-in-force"
	d.bypassed == false
}

test_policy_with_unsettled_extent_is_unresolved if {
	f := world([city_limits({}), preempts(["prohibits", "materially-limits"])], [])
	d := place(f, gotham, "2026-06-01")
	[p] := d.policies
	p.status == "unresolved"
	p.principle == "unresolved"
	p.by == ["us/st/preempt"]
	p.by_citations == ["Cit. us/st/preempt"]
	p.sentence == concat("", [
		"Unresolved on 2026-06-01: Cit. us/st/preempt voids local policies that materially limit it or prohibit ",
		"cooperation, and the sources do not settle how far this policy limits cooperation.",
	])
	d.unresolved == true
	d.preempted == false
}

test_policy_with_unsettled_extent_and_no_preemption_is_in_force if {
	d := place(world([city_limits({})], []), gotham, "2026-06-01")
	d.policies[0].status == "in-force"
}

test_policy_in_force_when_its_extent_is_not_voided if {
	f := world([city_limits({"extent": "procedural"}), preempts(["prohibits", "materially-limits"])], [])
	d := place(f, gotham, "2026-06-01")
	d.policies[0].status == "in-force"
	d.policies[0].extent == ["procedural"]
	d.preempted == false
}

test_policy_partly_voided_stands if {
	two := norm("us/st/gotham/two", gotham, "2018-01-01", [
		{"type": "prohibits"},
		{"type": "limits-cooperation", "extent": "procedural"},
	])
	d := place(world([two, preempts(["prohibits"])], []), gotham, "2026-06-01")
	d.policies[0].status == "in-force"
}

test_preemption_aimed_elsewhere_does_not_void if {
	p := norm(
		"us/st/preempt",
		st,
		"2017-09-01",
		[{"type": "preempts", "voids": ["prohibits"], "reaches": {"jurisdictions": [smallville]}}],
	)
	place(world([city_ban, p], []), gotham, "2026-06-01").policies[0].status == "in-force"
}

test_non_limiting_local_norms_are_not_policies if {
	welcome := norm("us/st/gotham/welcome", gotham, "2021-01-01", [{"type": "permits"}])
	d := place(world([welcome], []), gotham, "2026-06-01")
	d.policies == []
	d.summary == concat("", [
		"On 2026-06-01, the local policies of Gotham have not been researched: the facts hold none, which does not mean it ",
		"has none.",
	])
	d.coverage.local_policies[0].outcome == "not-researched"
}

test_locality_without_policy if {
	d := place(world([fed, city_ban], []), quiet, "2026-06-01")
	d.policies == []
	d.bypassed == false
	d.could_bypass == []
	d.books_into == [alpha_sheriff]
}

# ---------------------------------------------------------------- books_into

test_books_into_defaults_to_jail_running_agencies_of_counties if {
	d := place(world([], []), gotham, "2026-06-01")
	d.books_into == [alpha_sheriff, beta_sheriff]
}

test_books_into_stated_in_facts if {
	d := place(world([], []), smallville, "2026-06-01")
	d.books_into == [beta_sheriff]
}

test_books_into_of_a_county_is_its_own_jail if {
	d := place(world([], []), alpha, "2026-06-01")
	d.books_into == [alpha_sheriff]
	d.counties == []
}

# ---------------------------------------------------------------- bypass

test_bypass_through_jail if {
	f := world([fed, city_ban], [agreement(alpha_sheriff, "jail-enforcement", "2025-01-01")])
	d := place(f, gotham, "2026-06-01")
	d.bypassed == true
	d.bypassed_by == [alpha_sheriff]
	[b] := d.bypasses
	b.agency == alpha_sheriff
	b.agency_name == "Alpha Sheriff"
	b.model == "jail-enforcement"
	b.channel == "jail"
	b.agreement == "us/st/alpha-county/sheriff#jail-enforcement#2025-01-01"
	b.signed == "2025-01-01"
	b.policies == ["us/st/gotham/ban"]
	b.sentence == concat("", [
		"Alpha Sheriff is not bound by Cit. us/st/gotham/ban and holds a jail-enforcement agreement signed 2025-01-01: it ",
		"screens people booked into the jail where the locality's arrestees are booked.",
	])
	d.summary == concat("", [
		"On 2026-06-01, Gotham's policy is bypassed: 1 agreement(s) held by agencies it does not bind reach people inside ",
		"it.",
	])
}

test_bypass_through_warrant_service if {
	f := world([city_ban], [agreement(beta_sheriff, "warrant-service-officer", "2024-05-01")])
	d := place(f, gotham, "2026-06-01")
	d.bypassed_by == [beta_sheriff]
	d.bypasses[0].channel == "warrant-service"
}

test_bypass_through_patrol if {
	f := world([city_ban], [agreement(dps, "task-force", "2025-02-01")])
	d := place(f, gotham, "2026-06-01")
	d.bypassed_by == [dps]
	d.bypasses[0].channel == "patrol"
	endswith(d.bypasses[0].sentence, "it uses immigration powers while policing inside the locality.")
}

test_books_into_a_state_jail_where_no_county_runs_one if {
	doc := "us/st/doc"
	no_county_jails := [object.union(a, {"runs_jail": false}) | some a in agencies]
	ags := array.concat(
		no_county_jails,
		[{"id": doc, "name": "Statia DOC", "kind": "corrections", "jurisdiction": st, "runs_jail": true}],
	)
	f := facts(jurisdictions, ags, [city_ban], [agreement(doc, "warrant-service-officer", "2025-01-01")])
	d := place(f, gotham, "2026-06-01")
	d.books_into == [doc]
	d.bypassed_by == [doc]
	d.bypasses[0].channel == "warrant-service"
}

test_bypass_by_an_agreement_known_only_from_a_listing if {
	g := {
		"id": "g1",
		"agency": dps,
		"model": "task-force",
		"status": "active",
		"first_listed": "2025-12-30",
		"verified": false,
	}
	f := world([city_ban], [g])
	before := place(f, gotham, "2025-12-29")
	before.bypassed == false
	after := place(f, gotham, "2025-12-30")
	after.bypassed_by == [dps]
	after.bypasses[0].signed == ""
	contains(after.bypasses[0].sentence, "in force from 2025-12-30")
}

test_no_bypass_through_a_jail_the_locality_does_not_use if {
	f := world(
		[city_ban],
		[agreement(dps, "jail-enforcement", "2025-02-01"), agreement(alpha_police, "warrant-service-officer", "2025-02-01")],
	)
	place(f, gotham, "2026-06-01").bypassed == false
}

town_ban := norm("us/st/smallville/ban", smallville, "2019-01-01", [{"type": "prohibits"}])

test_explicit_books_into_decides_the_jail_channel if {
	# Smallville books into the Beta jail, so the Alpha sheriff's jail agreement does not reach
	# the town's arrestees through the jail; it reaches the people the Alpha sheriff's own
	# deputies arrest in the town, whom they book into the Alpha jail
	d := place(world([town_ban], [agreement(alpha_sheriff, "jail-enforcement", "2025-01-01")]), smallville, "2026-06-01")
	d.bypassed == true
	[b] := d.bypasses
	b.channel == "own-arrests"
	endswith(b.sentence, concat("", [
		"it books the people its own officers arrest inside the locality into its own jail, where its agreement applies to ",
		"them.",
	]))
	could(d, alpha_sheriff).channels == ["own-arrests", "patrol"]

	# the Alpha sheriff still patrols the county the town lies in
	d2 := place(world([town_ban], [agreement(alpha_sheriff, "task-force", "2025-01-01")]), smallville, "2026-06-01")
	d2.bypassed_by == [alpha_sheriff]
}

# Regression: an agency named in books_into that does not operate in the locality's area
# (Smallville books into the Beta jail; the Beta sheriff operates in Beta County only) is an
# outsider, so its jail agreements count.
test_books_into_agency_outside_the_area_bypasses if {
	d := place(
		world([town_ban], [agreement(beta_sheriff, "warrant-service-officer", "2025-01-01")]),
		smallville,
		"2026-06-01",
	)
	d.bypassed_by == [beta_sheriff]
	d.bypasses[0].channel == "warrant-service"
}

test_no_bypass_by_agreements_not_in_force if {
	gs := [
		{"id": "p", "agency": alpha_sheriff, "model": "jail-enforcement", "status": "pending"},
		object.union(
			agreement(beta_sheriff, "jail-enforcement", "2019-01-01"),
			{"status": "terminated", "terminated": "2026-01-01"},
		),
		agreement(dps, "task-force", "2026-07-01"),
	]
	d := place(world([city_ban], gs), gotham, "2026-06-01")
	d.bypassed == false
	d.bypasses == []
}

test_no_bypass_by_an_agency_the_policy_binds if {
	d := place(world([city_ban], [agreement(gotham_police, "task-force", "2025-01-01")]), gotham, "2026-06-01")
	d.bypassed == false
}

test_bypass_by_agency_outside_the_policy_reach if {
	ban := norm("us/st/gotham/ban", gotham, "2019-01-01", [{"type": "prohibits", "reaches": {"kinds": ["other"]}}])
	d := place(world([ban], [agreement(gotham_police, "task-force", "2025-01-01")]), gotham, "2026-06-01")
	d.policies[0].binds == []
	d.bypassed_by == [gotham_police]
}

test_no_bypass_when_the_policy_is_preempted if {
	gs := [agreement(alpha_sheriff, "jail-enforcement", "2025-01-01")]
	d := place(world([fed, city_ban, preempts(["prohibits"])], gs), gotham, "2026-06-01")
	d.policies[0].status == "preempted"
	d.bypassed == false
	d.bypasses == []
	d.could_bypass == []
	d.summary == "On 2026-06-01, none of Gotham's policies limiting cooperation stands: each is not in force or preempted."
}

test_unresolved_policy_can_be_bypassed if {
	gs := [agreement(alpha_sheriff, "jail-enforcement", "2025-01-01")]
	d := place(world([city_limits({}), preempts(["prohibits"])], gs), gotham, "2026-06-01")
	d.unresolved == true
	d.bypassed_by == [alpha_sheriff]
}

test_bypass_of_county_policy_by_its_sheriff if {
	d := place(world([county_ban], [agreement(alpha_sheriff, "jail-enforcement", "2025-01-01")]), alpha, "2026-06-01")
	d.policies[0].binds == [alpha_police]
	d.bypassed_by == [alpha_sheriff]
}

# ---------------------------------------------------------------- could_bypass

test_could_bypass_lists_outsiders_with_channels if {
	f := world([fed, city_ban], [agreement(alpha_sheriff, "jail-enforcement", "2025-01-01")])
	d := place(f, gotham, "2026-06-01")
	[c.agency | some c in d.could_bypass] == [alpha_police, alpha_sheriff, beta_sheriff, dps, transit_police]

	s := could(d, alpha_sheriff)
	s.agency_name == "Alpha Sheriff"
	s.agency_kind == "sheriff"
	s.channels == ["jail", "patrol", "warrant-service"]
	s.why_not_bound == "a sheriff answers to the state, not to Gotham"
	object.keys(s.models) == {"jail-enforcement", "task-force", "warrant-service-officer"}
	s.models["jail-enforcement"] == {"allowed": true, "required": false, "duty": "", "unresolved": false, "holds": true}
	s.models["task-force"].holds == false

	p := could(d, dps)
	p.channels == ["patrol"]
	p.why_not_bound == "owned by Statia, which Gotham's policies do not bind"
	object.keys(p.models) == {"task-force"}
}

test_could_bypass_reports_state_law_for_outsiders if {
	ns := [fed, city_ban, requires("us/st/req", "enter", all_models)]
	d := place(world(ns, []), gotham, "2026-06-01")
	s := could(d, beta_sheriff)
	s.models["task-force"].required == true
	s.models["task-force"].duty == "enter"
	s.models["task-force"].holds == false
}

test_could_bypass_excludes_agencies_the_policy_binds if {
	d := place(world([city_ban], []), gotham, "2026-06-01")
	not could(d, gotham_police)
}
