# Unit tests of the entry points' input checks (main.rego).
package juris_test

valid_models_text := "jail-enforcement, task-force, warrant-service-officer"

agency_with(inp) := dec if {
	dec := data.juris.agency with data.facts as world([fed], [])
		with input as inp
}

locality_with(inp) := dec if {
	dec := data.juris.locality with data.facts as world([fed], [])
		with input as inp
}

test_agency_missing_agency if {
	agency_with({
		"model": "task-force",
		"as_of": "2026-06-01",
	}) == {"errors": ["agency is required: an agency id such as us/tx/travis-county/sheriff"]}
}

test_agency_unknown_agency if {
	agency_with({
		"agency": "us/st/nobody",
		"model": "task-force",
		"as_of": "2026-06-01",
	}) == {"errors": ["unknown agency us/st/nobody: no agency has that id (find ids with `juris explain NAME`)"]}
}

test_agency_missing_model if {
	d := agency_with({"agency": alpha_sheriff})
	d.errors == [sprintf("model is required; valid models: %s", [valid_models_text])]
}

test_agency_unknown_model_lists_valid_models if {
	d := agency_with({"agency": alpha_sheriff, "model": "jail", "as_of": "2026-06-01"})
	d.errors == [sprintf("unknown model jail; valid models: %s", [valid_models_text])]
}

test_agency_empty_input_reports_every_error if {
	d := agency_with({})
	count(d.errors) == 2
	startswith(d.errors[0], "agency is required")
	startswith(d.errors[1], "model is required")
}

test_agency_impossible_date if {
	d := agency_with({"agency": alpha_sheriff, "model": "task-force", "as_of": "2026-13-45"})
	d.errors == ["as_of 2026-13-45 is not a date written YYYY-MM-DD"]
}

test_agency_word_for_date if {
	d := agency_with({"agency": alpha_sheriff, "model": "task-force", "as_of": "yesterday"})
	d.errors == ["as_of yesterday is not a date written YYYY-MM-DD"]
}

test_agency_date_in_other_formats if {
	agency_with({
		"agency": alpha_sheriff,
		"model": "task-force",
		"as_of": "2026-6-1",
	}).errors == ["as_of 2026-6-1 is not a date written YYYY-MM-DD"]
	agency_with({
		"agency": alpha_sheriff,
		"model": "task-force",
		"as_of": "2026-02-30",
	}).errors == ["as_of 2026-02-30 is not a date written YYYY-MM-DD"]
	agency_with({
		"agency": alpha_sheriff,
		"model": "task-force",
		"as_of": 20260601,
	}).errors == ["as_of 20260601 is not a date written YYYY-MM-DD"]
	agency_with({
		"agency": alpha_sheriff,
		"model": "task-force",
		"as_of": "",
	}).errors == ["as_of  is not a date written YYYY-MM-DD"]
}

test_agency_bad_date_and_unknown_agency_together if {
	d := agency_with({"agency": "x", "model": "task-force", "as_of": "yesterday"})
	d.errors == [
		"as_of yesterday is not a date written YYYY-MM-DD",
		"unknown agency x: no agency has that id (find ids with `juris explain NAME`)",
	]
}

test_agency_valid_input_has_no_errors if {
	d := agency_with({"agency": alpha_sheriff, "model": "task-force", "as_of": "2024-02-29"})
	not d.errors
	d.as_of == "2024-02-29"
	d.agency == alpha_sheriff
	d.agency_name == "Alpha Sheriff"
	d.agency_kind == "sheriff"
	d.model == "task-force"
}

test_agency_as_of_defaults_to_today if {
	# 2026-01-01T12:00:00Z
	d := agency_with({"agency": alpha_sheriff, "model": "task-force"}) with time.now_ns as 1767268800000000000
	not d.errors
	d.as_of == "2026-01-01"
}

test_locality_missing if {
	locality_with({"as_of": "2026-06-01"}) == {"errors": ["locality is required: a jurisdiction id such as us/tx/austin"]}
}

test_locality_unknown if {
	locality_with({
		"locality": "us/st/atlantis",
		"as_of": "2026-06-01",
	}) == {"errors": ["unknown locality us/st/atlantis: no jurisdiction has that id (find ids with `juris explain NAME`)"]}
}

test_locality_bad_date if {
	locality_with({
		"locality": gotham,
		"as_of": "2026-13-45",
	}) == {"errors": ["as_of 2026-13-45 is not a date written YYYY-MM-DD"]}
}

test_locality_as_of_defaults_to_today if {
	d := locality_with({"locality": gotham}) with time.now_ns as 1767268800000000000
	d.as_of == "2026-01-01"
	d.locality == gotham
}
