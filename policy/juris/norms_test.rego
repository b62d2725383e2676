# Unit tests of the helpers in norms.rego and of not_in_force_why, called directly.
package juris_test

import data.juris

dated := {"effective": "2020-01-01", "repealed": "2026-03-01", "rescinded": "2025-06-01", "effects": [{"type": "prohibits"}]}

test_in_force_window if {
	not juris.in_force(dated, "2019-12-31")
	juris.in_force(dated, "2020-01-01")
	juris.in_force(dated, "2025-05-31")
	not juris.in_force(dated, "2025-06-01")
	not juris.in_force(dated, "2027-01-01")
}

test_ended_on_is_the_earliest_end if {
	juris.ended_on(dated, "2025-07-01") == ["2025-06-01", "rescinded"]
	juris.ended_on(dated, "2027-01-01") == ["2025-06-01", "rescinded"]
}

test_effect_window if {
	n := {"effective": "2020-01-01", "effects": []}
	e := {"from": "2021-01-01", "until": "2022-01-01"}
	juris.effect_start(n, e) == "2021-01-01"
	juris.effect_start(n, {}) == "2020-01-01"
	not juris.effect_active(n, e, "2020-06-01")
	juris.effect_active(n, e, "2021-01-01")
	juris.effect_active(n, e, "2021-12-31")
	not juris.effect_active(n, e, "2022-01-01")
	juris.effect_active(n, {}, "2030-01-01")
}

test_not_in_force_why_not_yet if {
	juris.not_in_force_why({"effective": "2027-01-01", "effects": [{}]}, {}, "2026-01-01") == "not in force on 2026-01-01: it applies from 2027-01-01"
}

test_not_in_force_why_ended if {
	juris.not_in_force_why(dated, dated.effects[0], "2026-06-01") == "not in force on 2026-06-01: rescinded on 2025-06-01"
}

test_not_in_force_why_effect_until if {
	n := {"effective": "2020-01-01", "effects": [{"type": "prohibits", "until": "2023-01-01"}]}
	juris.not_in_force_why(n, n.effects[0], "2024-01-01") == "not in force on 2024-01-01: its effect ended on 2023-01-01"
}

# Regression: the reason names the effect's own end date, not another effect's.
test_not_in_force_why_reads_its_own_effect if {
	n := {"effective": "2020-01-01", "effects": [{"until": "2023-01-01"}, {"until": "2024-01-01"}]}
	juris.not_in_force_why(n, n.effects[1], "2025-01-01") == "not in force on 2025-01-01: its effect ended on 2024-01-01"
}

test_levels if {
	f := world([], [])
	juris.jurisdiction_level(us) == 0 with data.facts as f
	juris.jurisdiction_level(st) == 1 with data.facts as f
	juris.jurisdiction_level(alpha) == 2 with data.facts as f
	juris.jurisdiction_level(gotham) == 2 with data.facts as f
	juris.agency_level({"jurisdiction": st}) == "state" with data.facts as f
	juris.agency_level({"jurisdiction": gotham}) == "local" with data.facts as f
	juris.agency_level({"jurisdiction": us}) == "federal" with data.facts as f
}

test_bound_by_defaults_and_override if {
	f := world([], [])
	a := f.agencies
	juris.bound_by(a[gotham_police]) == {gotham, st, us} with data.facts as f
	juris.bound_by(a[alpha_police]) == {alpha, st, us} with data.facts as f
	juris.bound_by(a[alpha_sheriff]) == {st, us} with data.facts as f
	juris.bound_by(a[transit_police]) == {st, us} with data.facts as f
	juris.bound_by(a[dps]) == {st, us} with data.facts as f
}

test_specificity if {
	juris.specificity({"models": all_models}) == 0
	juris.specificity({"models": ["task-force"]}) == 1
	juris.specificity({"models": all_models, "reaches": {"kinds": ["sheriff"], "runs_jail": false}}) == 2
	juris.specificity({"models": all_models, "reaches": {"except": [alpha_sheriff]}}) == 0
	juris.specificity({"models": all_models, "reaches": {"agencies": [alpha_sheriff]}}) == 10
}

test_extent_of if {
	juris.extent_of({"type": "prohibits"}) == "prohibits"
	juris.extent_of({"type": "limits-cooperation", "extent": "procedural"}) == "procedural"
	not juris.extent_of({"type": "limits-cooperation"})
}
