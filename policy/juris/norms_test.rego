# Unit tests of the helpers in norms.rego and of _not_in_force_why, called directly.
package juris_test

import data.juris

dated := {
	"id": "us/st/dated", "jurisdiction": st, "type": "statute",
	"effective": "2020-01-01", "repealed": "2026-03-01", "rescinded": "2025-06-01",
	"effects": [{"type": "prohibits"}],
}

# in_world evaluates the helpers over the small state with norms ns.
in_world(ns) := world(ns, [])

test_in_force_window if {
	f := in_world([dated])
	not juris._in_force("us/st/dated", "2019-12-31") with data.facts as f
	juris._in_force("us/st/dated", "2020-01-01") with data.facts as f
	juris._in_force("us/st/dated", "2025-05-31") with data.facts as f
	not juris._in_force("us/st/dated", "2025-06-01") with data.facts as f
	not juris._in_force("us/st/dated", "2027-01-01") with data.facts as f
}

test_ended_on_is_the_earliest_end if {
	f := in_world([dated])
	juris._ended_on("us/st/dated", "2025-07-01") == ["2025-06-01", "rescinded"] with data.facts as f
	juris._ended_on("us/st/dated", "2027-01-01") == ["2025-06-01", "rescinded"] with data.facts as f
}

test_effect_window if {
	n := norm(
		"us/st/n",
		st,
		"2020-01-01",
		[{"type": "prohibits", "from": "2021-01-01", "until": "2022-01-01"}, {"type": "prohibits"}],
	)
	f := in_world([n])
	juris._effect_start("us/st/n", 0) == "2021-01-01" with data.facts as f
	juris._effect_start("us/st/n", 1) == "2020-01-01" with data.facts as f
	not juris._effect_active("us/st/n", 0, "2020-06-01") with data.facts as f
	juris._effect_active("us/st/n", 0, "2021-01-01") with data.facts as f
	juris._effect_active("us/st/n", 0, "2021-12-31") with data.facts as f
	not juris._effect_active("us/st/n", 0, "2022-01-01") with data.facts as f
	juris._effect_active("us/st/n", 1, "2030-01-01") with data.facts as f
}

test_not_in_force_why_not_yet if {
	f := in_world([norm("us/st/later", st, "2027-01-01", [{"type": "prohibits"}])])
	juris._not_in_force_why(
		"us/st/later",
		0,
		"2026-01-01",
	) == "not in force on 2026-01-01: it applies from 2027-01-01" with data.facts as f
}

test_not_in_force_why_ended if {
	f := in_world([dated])
	juris._not_in_force_why(
		"us/st/dated",
		0,
		"2026-06-01",
	) == "not in force on 2026-06-01: rescinded on 2025-06-01" with data.facts as f
}

test_not_in_force_why_effect_until if {
	f := in_world([norm("us/st/n", st, "2020-01-01", [{"type": "prohibits", "until": "2023-01-01"}])])
	why := "not in force on 2024-01-01: its effect ended on 2023-01-01"
	juris._not_in_force_why("us/st/n", 0, "2024-01-01") == why with data.facts as f
}

# Regression: the reason names the effect's own end date, not another effect's.
test_not_in_force_why_reads_its_own_effect if {
	n := norm("us/st/n", st, "2020-01-01", [
		{"type": "prohibits", "until": "2023-01-01"},
		{"type": "prohibits", "until": "2024-01-01"},
	])
	why := "not in force on 2025-01-01: its effect ended on 2024-01-01"
	juris._not_in_force_why("us/st/n", 1, "2025-01-01") == why with data.facts as in_world([n])
}

test_levels if {
	federal := {"id": "us/marshals", "name": "Marshals", "kind": "other", "jurisdiction": us}
	f := facts(jurisdictions, array.concat(agencies, [federal]), [], [])
	juris._jurisdiction_level(us) == 0 with data.facts as f
	juris._jurisdiction_level(st) == 1 with data.facts as f
	juris._jurisdiction_level(alpha) == 2 with data.facts as f
	juris._jurisdiction_level(gotham) == 2 with data.facts as f
	juris._agency_level(dps) == "state" with data.facts as f
	juris._agency_level(gotham_police) == "local" with data.facts as f
	juris._agency_level("us/marshals") == "federal" with data.facts as f
}

test_bound_by_defaults_and_override if {
	f := world([], [])
	juris._bound_by(gotham_police) == {gotham, st, us} with data.facts as f
	juris._bound_by(alpha_police) == {alpha, st, us} with data.facts as f
	juris._bound_by(alpha_sheriff) == {st, us} with data.facts as f
	juris._bound_by(transit_police) == {st, us} with data.facts as f
	juris._bound_by(dps) == {st, us} with data.facts as f
}

test_specificity if {
	n := norm("us/st/n", st, "2020-01-01", [
		{"type": "prohibits"},
		{"type": "prohibits", "models": ["task-force"]},
		{"type": "prohibits", "reaches": {"kinds": ["sheriff"], "runs_jail": false}},
		{"type": "prohibits", "reaches": {"except": [alpha_sheriff]}},
		{"type": "prohibits", "reaches": {"agencies": [alpha_sheriff]}},
	])
	f := in_world([n])
	juris._specificity(["us/st/n", 0]) == 0 with data.facts as f
	juris._specificity(["us/st/n", 1]) == 1 with data.facts as f
	juris._specificity(["us/st/n", 2]) == 2 with data.facts as f
	juris._specificity(["us/st/n", 3]) == 0 with data.facts as f
	juris._specificity(["us/st/n", 4]) == 10 with data.facts as f
}

test_extent_of if {
	n := norm("us/st/gotham/n", gotham, "2020-01-01", [
		{"type": "prohibits"},
		{"type": "limits-cooperation", "extent": "procedural"},
		{"type": "limits-cooperation"},
	])
	f := in_world([n])
	juris._extent_of(["us/st/gotham/n", 0]) == "prohibits" with data.facts as f
	juris._extent_of(["us/st/gotham/n", 1]) == "procedural" with data.facts as f
	not juris._extent_of(["us/st/gotham/n", 2]) with data.facts as f
}
