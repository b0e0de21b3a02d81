"""Permission-matrix samples for import and export (the JSON forms of the bodies)."""

from __future__ import annotations

from tests.access.route_samples import RouteSample
from tests.factories import ESCO_SKILL_A

JOB_POSTING = {
    "@context": "https://schema.org",
    "@type": "JobPosting",
    "title": "Heftruckchauffeur",
    "identifier": {"@type": "PropertyValue", "propertyID": "matrix", "value": "M-1"},
    "hiringOrganization": {"@type": "Organization", "name": "Logistiek Oost"},
    "jobLocation": {
        "@type": "Place",
        "address": {"@type": "PostalAddress", "addressLocality": "Hengelo"},
    },
    "skills": [{"@type": "DefinedTerm", "termCode": ESCO_SKILL_A}],
}
CANDIDATE_ROWS = [
    {
        "external_id": "M-1",
        "first_name": "Ria",
        "last_name": "Mulder",
        "municipality": "Oldenzaal",
        "benefit": "ww",
    }
]

SAMPLES: list[RouteSample] = [
    RouteSample("POST", "/api/v1/vacancy-imports?source=matrix", 200, JOB_POSTING),
    RouteSample("POST", "/api/v1/candidate-imports?source=matrix", 200, CANDIDATE_ROWS),
    RouteSample("GET", "/api/v1/vacancy-exports?format=csv"),
    RouteSample("GET", "/api/v1/vacancies/{vacancy_id}/job-posting"),
]
