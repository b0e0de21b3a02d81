"""Page permission-matrix samples for the chains and cases pages (ids from route_samples)."""

from __future__ import annotations

from tests.platform.page_samples import PageSample

T = "/trajecten/{trajectory_id}"
CASES_PAGE_SAMPLES: list[PageSample] = [
    PageSample("GET", "/trajecten"),
    PageSample(
        "POST",
        "/trajecten/herverdelen",
        303,
        {
            "trajectory_id": "{trajectory_id}",
            "coach_user_id": "{second_coach_id}",
            "reason": "Coach vertrekt",
        },
    ),
    PageSample("GET", "/trajecten/nieuw?werkzoekende={free_candidate_id}"),
    PageSample(
        "POST",
        "/trajecten/nieuw",
        303,
        {
            "candidate_id": "{free_candidate_id}",
            "chain_id": "{chain_id}",
            "goal": "Werk als heftruckchauffeur",
            "coach_user_id": "{user_id}",
        },
    ),
    PageSample("GET", T),
    PageSample("POST", T + "/status", 303, {"status_id": "{scholing_id}"}),
    PageSample(
        "POST",
        T + "/activiteiten",
        303,
        {"kind": "conversation", "occurred_on": "{today}", "summary": "Intakegesprek"},
    ),
    PageSample("POST", T + "/volgende-actie", 303, {"text": "Bellen", "due_date": "{today}"}),
    PageSample("POST", T + "/plan", 303, {"kind": "goal", "plan_text": "VCA halen"}),
    PageSample("POST", T + "/plan/{plan_item_id}/gedaan", 303),
    PageSample("GET", "/werk-naar-werk"),
    PageSample(
        "POST",
        "/werk-naar-werk",
        303,
        {
            "employer_id": "{w2w_employer_id}",
            "chain_id": "{w2w_chain_id}",
            "r1_first_name": "Ruud",
            "r1_last_name": "Veldkamp",
            "r1_municipality": "Hengelo",
            "r1_job_title": "Monteur",
            "r1_job_ends_on": "{in_four_months}",
            "r1_agreed": "ja",
        },
    ),
    PageSample("POST", T + "/opschorten", 303, {"suspend_reason": "Ziek"}),
    PageSample("POST", "/trajecten/{suspended_trajectory_id}/hervatten", 303),
    PageSample(
        "POST", T + "/afsluiten", 303, {"result_id": "{result_id}", "close_reason": "Verhuisd"}
    ),
    PageSample(
        "POST", T + "/overdracht", 303, {"to_user_id": "{foreign_user_id}", "message": "Past"}
    ),
    PageSample("GET", "/overdrachten"),
    PageSample(
        "POST", "/overdrachten/{handover_id}/aanvaarden", 303, {"sender_keeps_access": "ja"}
    ),
    PageSample("POST", "/overdrachten/{handover_id}/afwijzen", 303, {"reason": "Geen plek"}),
    PageSample("GET", "/ketens"),
    PageSample("GET", "/ketens/{chain_id}"),
    PageSample("POST", "/ketens/{chain_id}", 303, {"name": "Logistiek", "sector": "Logistiek"}),
    PageSample(
        "POST",
        "/ketens/{chain_id}/functieprofielen",
        303,
        {"title": "Kok", "occupation_uri": "{chef_uri}"},
    ),
    PageSample("GET", "/ketentypen/{chain_type_key}"),
    PageSample(
        "POST",
        "/ketentypen/{chain_type_key}",
        303,
        {
            "name": "Twee fasen",
            "phase_name_0": "Fase 1",
            "phase_statuses_0": "Intake\nScholing",
            "phase_name_1": "Fase 2",
            "phase_employer_1": "ja",
            "phase_statuses_1": "Proefplaatsing\nBetaald werk",
            "work": "Duurzaam werk",
            "other": "Uitgevallen",
        },
    ),
]

# placements (ids from tests/placements/route_samples.py)
CASES_PAGE_SAMPLES += [
    PageSample(
        "POST",
        "/trajecten/{place_trajectory_id}/plaatsing",
        303,
        {
            "introduction_id": "{place_introduction_id}",
            "paid": "ja",
            "start_date": "{today}",
            "hours_per_week": "24",
            "contract_type": "permanent",
            "wage": "2.850,00",
            "wage_period": "month",
        },
    ),
    PageSample("GET", "/plaatsingen/{placement_id}"),
    PageSample(
        "POST",
        "/plaatsingen/{placement_id}/nazorg",
        303,
        {"contact_date": "{today}", "still_working": "ja", "same_hours": "ja"},
    ),
    PageSample(
        "POST",
        "/plaatsingen/{placement_id}/einde",
        303,
        {"end_date": "{today}", "reason": "resigned"},
    ),
]
