# METADATA
# title: Entry points
# description: |
#   data.juris.agency answers {agency, model, as_of}; data.juris.locality answers
#   {locality, as_of}. Bad input gives {"errors": [...]} saying what is wrong, never an empty
#   result. as_of defaults to today (UTC) when left out.
# entrypoint: true
package juris

date_pattern := `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`

as_of := input.as_of if {
	input.as_of
} else := substring(time.format([time.now_ns(), "UTC", "2006-01-02"]), 0, 10)

valid_date(d) if {
	is_string(d)
	regex.match(date_pattern, d)
	time.parse_ns("2006-01-02", d)
}

date_errors contains sprintf("as_of %v is not a date written YYYY-MM-DD", [input.as_of]) if {
	"as_of" in object.keys(input)
	not valid_date(input.as_of)
}

agency_errors contains "agency is required: an agency id such as us/tx/travis-county/sheriff" if {
	not input.agency
}

agency_errors contains sprintf("unknown agency %v: no agency has that id (find ids with `juris explain NAME`)", [input.agency]) if {
	input.agency
	not data.facts.agencies[canonical(input.agency)]
}

agency_errors contains sprintf("model is required; valid models: %s", [concat(", ", sort(models))]) if {
	not input.model
}

agency_errors contains sprintf("unknown model %v; valid models: %s", [input.model, concat(", ", sort(models))]) if {
	input.model
	not input.model in models
}

agency_errors contains msg if some msg in date_errors

locality_errors contains "locality is required: a jurisdiction id such as us/tx/austin" if {
	not input.locality
}

locality_errors contains sprintf("unknown locality %v: no jurisdiction has that id (find ids with `juris explain NAME`)", [input.locality]) if {
	input.locality
	not data.facts.jurisdictions[canonical(input.locality)]
}

# canonical is the id an id names: itself, or the same id under the government an alias names
# (a county a consolidated city-county absorbed: us/tn/davidson-county/sheriff is
# us/tn/nashville-davidson/sheriff).
canonical(id) := data.facts.index.aliases[id] if {
	data.facts.index.aliases[id]
} else := concat("/", array.concat([data.facts.index.aliases[prefix]], array.slice(parts, 3, count(parts)))) if {
	parts := split(id, "/")
	count(parts) > 3
	prefix := concat("/", array.slice(parts, 0, 3))
	data.facts.index.aliases[prefix]
} else := id

locality_errors contains msg if some msg in date_errors

# agency is the decision on the agency question for the input.
agency := {"errors": sort(agency_errors)} if {
	count(agency_errors) > 0
} else := object.union(agency_decision(canonical(input.agency), input.model, as_of), {"revision": data.facts.revision})

# locality is the decision on the locality question for the input.
locality := {"errors": sort(locality_errors)} if {
	count(locality_errors) > 0
} else := object.union(locality_decision(canonical(input.locality), as_of), {"revision": data.facts.revision})

# fact_problems lists facts the reasoning cannot use as written, which loading reports as errors
# naming the file and line: an effect that names in reaches.agencies an agency its norm does not
# bind (a county ordinance naming the elected sheriff with no binding saying why it binds him).
fact_problems contains p if {
	some nid, n in data.facts.norms
	some i, e in n.effects
	some aid in object.get(object.get(e, "reaches", {}), "agencies", [])
	a := data.facts.agencies[aid]
	not bearing(a, n)
	p := {
		"norm": nid,
		"effect_index": i,
		"agency": aid,
		"message": sprintf("%s is named in reaches.agencies, but %s does not bind it (%s); add a bindings entry (status binds or contested) with the source that makes it bind, or leave the agency out", [aid, nid, why_not_bound_by(a, n)]),
	}
}

why_not_bound_by(a, n) := "a sheriff is not bound by its county government's policies" if {
	a.kind in independent_kinds
	n.jurisdiction == a.jurisdiction
} else := sprintf("the norm's maker, %s, is not among the governments whose norms bind the agency", [n.jurisdiction])
