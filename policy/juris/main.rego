# METADATA
# title: Entry points
# description: |
#   data.juris.agency answers {agency, model, as_of}; data.juris.locality answers
#   {locality, as_of}; data.juris.report and data.juris.stats answer {as_of, state}.
#   Bad input gives {"errors": [...]} saying what is wrong, never an empty result. as_of
#   defaults to today (UTC) when left out. data.juris.fact_problems lists the facts the
#   reasoning cannot use, which the resolver reports when it loads them. Every other rule is
#   private (its name starts with an underscore).
# entrypoint: true
package juris

# agency is the decision on the agency question for the input. (A question that passes the
# checks below has no errors: the errors are listed only for one that does not.)
agency := _agency_answer(aid, input.model, _as_of) if {
	aid := _canonical(input.agency)
	data.facts.agencies[aid]
	input.model in _models
	count(_date_errors) == 0
} else := {"errors": sort(_agency_errors)} if {
	count(_agency_errors) > 0
}

# locality is the decision on the locality question for the input.
locality := _locality_answer(lid, _as_of) if {
	lid := _canonical(input.locality)
	data.facts.jurisdictions[lid]
	count(_date_errors) == 0
} else := {"errors": sort(_locality_errors)} if {
	count(_locality_errors) > 0
}

# report answers {as_of, state}: exactly the four keys, or {"errors": [...]}.
report := {"errors": sort(_landscape_errors)} if {
	count(_landscape_errors) > 0
} else := {
	"conflicts": _report_conflicts,
	"missing_required": _report_missing,
	"bypassed": _report_bypassed,
	"summary": _report_summary,
}

# stats answers {as_of, state}: the counts, or {"errors": [...]}.
stats := {"errors": sort(_landscape_errors)} if {
	count(_landscape_errors) > 0
} else := _stats_result

# fact_problems lists facts the reasoning cannot use as written, which loading reports as errors
# naming the file and line: an effect that names in reaches.agencies an agency its norm does not
# bind (a county ordinance naming the elected sheriff with no binding saying why it binds him).
fact_problems contains p if {
	some nid, n in data.facts.norms
	some i, e in n.effects
	some aid in object.get(object.get(e, "reaches", {}), "agencies", [])
	data.facts.agencies[aid]
	not _bears_on(aid, nid)
	p := {
		"norm": nid,
		"effect_index": i,
		"agency": aid,
		"message": _unbound_agency_text(aid, nid),
	}
}

# ---------------------------------------------------------------- input

_date_pattern := `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`

# _as_of is the date asked about, or today (UTC).
_as_of := input.as_of if {
	# an as_of of false is no date either: today (and a date error)
	# regal ignore:redundant-existence-check
	input.as_of
} else := substring(time.format([time.now_ns(), "UTC", "2006-01-02"]), 0, 10)

_valid_date(d) if {
	is_string(d)
	regex.match(_date_pattern, d)
	ns := time.parse_ns("2006-01-02", d) # undefined for a date that does not exist (2026-02-30)
	is_number(ns)
}

_date_errors contains _bad_date_text(input.as_of) if {
	"as_of" in object.keys(input)
	not _valid_date(input.as_of)
}

_agency_errors contains _missing_agency_text if not input.agency

_agency_errors contains _unknown_agency_text(input.agency) if {
	input.agency
	not data.facts.agencies[_canonical(input.agency)]
}

_agency_errors contains _missing_model_text if not input.model

_agency_errors contains _unknown_model_text(input.model) if {
	input.model
	not input.model in _models
}

_agency_errors contains msg if some msg in _date_errors

_locality_errors contains _missing_locality_text if not input.locality

_locality_errors contains _unknown_locality_text(input.locality) if {
	input.locality
	not data.facts.jurisdictions[_canonical(input.locality)]
}

_locality_errors contains msg if some msg in _date_errors

_landscape_errors contains msg if some msg in _date_errors

_landscape_errors contains _unknown_state_text(input.state) if {
	input.state
	not data.facts.jurisdictions[_state_id(input.state)]
}

# _canonical is the id an id names: itself, or the same id under the government an alias names
# (a county a consolidated city-county absorbed: us/tn/davidson-county/sheriff is
# us/tn/nashville-davidson/sheriff).
_canonical(id) := alias if {
	alias := data.facts.index.aliases[id]
} else := concat("/", array.concat([alias], array.slice(parts, 3, count(parts)))) if {
	parts := split(id, "/")
	count(parts) > 3
	alias := data.facts.index.aliases[concat("/", array.slice(parts, 0, 3))]
} else := id
