"""Roles, scopes and the one permission table that every service checks against.

A permission is `action -> {role: scope}`. The scope says how far a role may act:
`own` (own caseload or own records), `organisation` (own organisation), `region` (whole
region), or `public` for actions anyone may do without logging in. A role missing from an
action's mapping may not do it at all. Services call `actor.require(action)`; routes
declare the same action so the permission-matrix test can try every route for every role.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    COACH = "coach"
    EMPLOYER_ADVISER = "employer_adviser"
    PROGRAMME_MANAGER = "programme_manager"
    PARTNER_ADMIN = "partner_admin"
    EMPLOYER = "employer"
    ANALYST = "analyst"
    SYSTEM_ADMIN = "system_admin"


class Scope(StrEnum):
    PUBLIC = "public"
    OWN = "own"
    ORGANISATION = "organisation"
    REGION = "region"


ROLE_LABELS_NL: dict[Role, str] = {
    Role.COACH: "Arbeidsmarktcoach",
    Role.EMPLOYER_ADVISER: "Werkgeversadviseur",
    Role.PROGRAMME_MANAGER: "Programmamanager",
    Role.PARTNER_ADMIN: "Beheerder partnerorganisatie",
    Role.EMPLOYER: "Werkgever",
    Role.ANALYST: "Analist",
    Role.SYSTEM_ADMIN: "Systeembeheerder",
}

ALL_ROLES = frozenset(Role)
R, O, W, P = Scope.REGION, Scope.ORGANISATION, Scope.OWN, Scope.PUBLIC  # noqa: E741


def everyone(scope: Scope) -> dict[Role, Scope]:
    return dict.fromkeys(Role, scope)


# action -> role -> scope. Contexts add their actions here, never elsewhere.
PERMISSIONS: dict[str, dict[Role, Scope]] = {
    # platform and taxonomy: ESCO is public open data
    "health.read": {},
    "taxonomy.read": {},
    "taxonomy.import": {Role.SYSTEM_ADMIN: R},
    # access: own account, landing page, organisations, users, API tokens
    "account.read": everyone(W),
    "dashboard.read": everyone(W),
    "organisation.read": everyone(R),
    "organisation.create": {Role.SYSTEM_ADMIN: R},
    "user.read": {Role.PARTNER_ADMIN: O, Role.SYSTEM_ADMIN: R},
    "user.create": {Role.PARTNER_ADMIN: O, Role.SYSTEM_ADMIN: R},
    "user.update": {Role.PARTNER_ADMIN: O, Role.SYSTEM_ADMIN: R},
    "api_token.read": {Role.PARTNER_ADMIN: O, Role.SYSTEM_ADMIN: R},
    "api_token.create": {Role.PARTNER_ADMIN: O, Role.SYSTEM_ADMIN: R},
    "api_token.revoke": {Role.PARTNER_ADMIN: O, Role.SYSTEM_ADMIN: R},
    # audit: the processing log; a subject's own view is read on the subject's behalf
    "audit.read": {Role.PARTNER_ADMIN: O, Role.SYSTEM_ADMIN: R},
    "audit.subject.read": {
        Role.COACH: W,
        Role.EMPLOYER_ADVISER: W,
        Role.PARTNER_ADMIN: O,
        Role.SYSTEM_ADMIN: R,
    },
    # registry (people, employers, interop). Candidate visibility beyond the own
    # organisation follows consent: see people/visibility.py. Analysts see no personal data.
    "candidate.read": {
        Role.COACH: O,
        Role.EMPLOYER_ADVISER: O,
        Role.PROGRAMME_MANAGER: O,
        Role.PARTNER_ADMIN: O,
        Role.SYSTEM_ADMIN: R,
    },
    "candidate.create": {
        Role.COACH: O,
        Role.EMPLOYER_ADVISER: O,
        Role.PARTNER_ADMIN: O,
        Role.EMPLOYER: W,
        Role.SYSTEM_ADMIN: R,
    },
    "candidate.update": {
        Role.COACH: O,
        Role.EMPLOYER_ADVISER: O,
        Role.PARTNER_ADMIN: O,
        Role.SYSTEM_ADMIN: R,
    },
    "candidate.export": {Role.COACH: O, Role.PARTNER_ADMIN: O, Role.SYSTEM_ADMIN: R},
    "candidate.erase": {Role.PARTNER_ADMIN: O, Role.SYSTEM_ADMIN: R},
    "candidate.suggestions.read": {
        Role.EMPLOYER: W,
        Role.EMPLOYER_ADVISER: O,
        Role.COACH: O,
        Role.SYSTEM_ADMIN: R,
    },
    "consent.manage": {
        Role.COACH: O,
        Role.EMPLOYER_ADVISER: O,
        Role.PARTNER_ADMIN: O,
        Role.SYSTEM_ADMIN: R,
    },
    "introduction.create": {Role.COACH: O, Role.EMPLOYER_ADVISER: O, Role.SYSTEM_ADMIN: R},
    "introduction.read": {
        Role.COACH: O,
        Role.EMPLOYER_ADVISER: O,
        Role.EMPLOYER: W,
        Role.SYSTEM_ADMIN: R,
    },
    "employer.read": {**everyone(R), Role.EMPLOYER: W},
    "employer.create": {
        Role.EMPLOYER_ADVISER: R,
        Role.COACH: R,
        Role.PARTNER_ADMIN: O,
        Role.SYSTEM_ADMIN: R,
    },
    "vacancy.read": {**everyone(R), Role.EMPLOYER: W},
    "vacancy.create": {
        Role.EMPLOYER_ADVISER: R,
        Role.COACH: R,
        Role.PARTNER_ADMIN: O,
        Role.EMPLOYER: W,
        Role.SYSTEM_ADMIN: R,
    },
    "vacancy.update": {
        Role.EMPLOYER_ADVISER: R,
        Role.PARTNER_ADMIN: O,
        Role.EMPLOYER: W,
        Role.SYSTEM_ADMIN: R,
    },
    # extraction: text in, ESCO concepts out; nothing is stored, so scope is the own work
    "extraction.use": {
        Role.COACH: W,
        Role.EMPLOYER_ADVISER: W,
        Role.PROGRAMME_MANAGER: W,
        Role.PARTNER_ADMIN: O,
        Role.EMPLOYER: W,
        Role.ANALYST: R,
        Role.SYSTEM_ADMIN: R,
    },
    "import.run": {Role.PARTNER_ADMIN: O, Role.SYSTEM_ADMIN: R},
    "export.run": {
        Role.PARTNER_ADMIN: O,
        Role.EMPLOYER_ADVISER: R,
        Role.ANALYST: R,
        Role.SYSTEM_ADMIN: R,
    },
    # matching and careers (issue 6): suggestions show only candidates the organisation may
    # see (people/visibility.py); career routes of an occupation carry no personal data.
    "match.read": {
        Role.COACH: O,
        Role.EMPLOYER_ADVISER: O,
        Role.PROGRAMME_MANAGER: O,
        Role.PARTNER_ADMIN: O,
        Role.SYSTEM_ADMIN: R,
    },
    "match.feedback": {Role.COACH: O, Role.EMPLOYER_ADVISER: O, Role.SYSTEM_ADMIN: R},
    "career.read": everyone(R),
    "training.read": everyone(R),
    "training.import": {Role.PARTNER_ADMIN: O, Role.PROGRAMME_MANAGER: R, Role.SYSTEM_ADMIN: R},
    # the workbench (issue 14): acting on candidates, employers and proposals. Contact
    # moments with a candidate follow the candidate's visibility (people/visibility.py).
    "contact_moment.read": {
        Role.COACH: O,
        Role.EMPLOYER_ADVISER: O,
        Role.PROGRAMME_MANAGER: O,
        Role.PARTNER_ADMIN: O,
        Role.SYSTEM_ADMIN: R,
    },
    "contact_moment.create": {
        Role.COACH: O,
        Role.EMPLOYER_ADVISER: O,
        Role.PARTNER_ADMIN: O,
        Role.SYSTEM_ADMIN: R,
    },
    "employer.update": {
        Role.EMPLOYER_ADVISER: R,
        Role.COACH: R,
        Role.PARTNER_ADMIN: O,
        Role.SYSTEM_ADMIN: R,
    },
    "employer_contact.read": {
        Role.COACH: R,
        Role.EMPLOYER_ADVISER: R,
        Role.PROGRAMME_MANAGER: R,
        Role.PARTNER_ADMIN: O,
        Role.SYSTEM_ADMIN: R,
    },
    "employer_contact.create": {
        Role.COACH: R,
        Role.EMPLOYER_ADVISER: R,
        Role.PARTNER_ADMIN: O,
        Role.SYSTEM_ADMIN: R,
    },
    "introduction.advance": {Role.COACH: O, Role.EMPLOYER_ADVISER: O, Role.SYSTEM_ADMIN: R},
    "introduction.answer": {Role.EMPLOYER: W},
    # chains and cases (issue 14): chains carry no personal data; a trajectory is read by
    # its own coach (OWN), its organisation, or the whole region for oversight; only coaches
    # act on trajectories; reassignment is for those who lead the coaches.
    "chain.read": everyone(R),
    "chain.manage": {Role.PROGRAMME_MANAGER: R, Role.SYSTEM_ADMIN: R},
    "trajectory.read": {
        Role.COACH: W,
        Role.PROGRAMME_MANAGER: R,
        Role.PARTNER_ADMIN: O,
        Role.SYSTEM_ADMIN: R,
    },
    "trajectory.create": {Role.COACH: W, Role.PARTNER_ADMIN: O, Role.SYSTEM_ADMIN: R},
    "trajectory.update": {Role.COACH: W, Role.SYSTEM_ADMIN: R},
    "trajectory.reassign": {Role.PARTNER_ADMIN: O, Role.PROGRAMME_MANAGER: R, Role.SYSTEM_ADMIN: R},
    # placements follow their trajectory: read with it, changed by its own coach
    "placement.read": {
        Role.COACH: W,
        Role.PROGRAMME_MANAGER: R,
        Role.PARTNER_ADMIN: O,
        Role.SYSTEM_ADMIN: R,
    },
    "placement.create": {Role.COACH: W, Role.SYSTEM_ADMIN: R},
    "placement.update": {Role.COACH: W, Role.SYSTEM_ADMIN: R},
    "handover.read": {
        Role.COACH: W,
        Role.PROGRAMME_MANAGER: R,
        Role.PARTNER_ADMIN: O,
        Role.SYSTEM_ADMIN: R,
    },
    "handover.propose": {Role.COACH: W, Role.SYSTEM_ADMIN: R},
    "handover.decide": {Role.COACH: W, Role.SYSTEM_ADMIN: R},
    # the pooled budget (issue 15): funds, rules and the ledger carry no personal data and
    # are read region-wide; programme managers manage funds and approve (never their own
    # request, see budget/requests.py); coaches request for their own trajectories; a
    # provider books invoices with a partner_admin API token narrowed to invoice.submit:
    # region scope, since a provider is not the coach's organisation (it invoices the
    # approved request whose number it was given; the Idempotency-Key guards retries).
    "budget.read": {
        Role.COACH: R,
        Role.PROGRAMME_MANAGER: R,
        Role.PARTNER_ADMIN: O,
        Role.ANALYST: R,
        Role.SYSTEM_ADMIN: R,
    },
    "fund.manage": {Role.PROGRAMME_MANAGER: R, Role.SYSTEM_ADMIN: R},
    "instrument.manage": {Role.PROGRAMME_MANAGER: R, Role.SYSTEM_ADMIN: R},
    "intervention.request": {Role.COACH: W, Role.SYSTEM_ADMIN: R},
    "intervention.approve": {Role.PROGRAMME_MANAGER: R, Role.SYSTEM_ADMIN: R},
    "intervention.cancel": {Role.COACH: W, Role.PROGRAMME_MANAGER: R, Role.SYSTEM_ADMIN: R},
    "invoice.submit": {Role.PARTNER_ADMIN: R, Role.PROGRAMME_MANAGER: R, Role.SYSTEM_ADMIN: R},
    "invoice.reverse": {Role.PROGRAMME_MANAGER: R, Role.SYSTEM_ADMIN: R},
    # results monitor (issue 16): aggregated figures for those who steer and account for the
    # programme; the programme manager (and system administrator) see exact numbers and may
    # cut by coach, everyone else gets small numbers suppressed (ADR 0023). The regional
    # board is a read-only view of the same figures, not a role.
    "monitor.read": {
        Role.PROGRAMME_MANAGER: R,
        Role.ANALYST: R,
        Role.PARTNER_ADMIN: R,
        Role.SYSTEM_ADMIN: R,
    },
    "monitor.export": {
        Role.PROGRAMME_MANAGER: R,
        Role.ANALYST: R,
        Role.PARTNER_ADMIN: R,
        Role.SYSTEM_ADMIN: R,
    },
    "monitor.refresh": {Role.SYSTEM_ADMIN: R},
    # work-to-work (issue 14, item 8): an employer registers its own employees at risk; an
    # employer adviser registers for any employer of the region (also for a sector fund).
    # The registrations are read by those who register them and who lead the programme.
    "work_to_work.register": {
        Role.EMPLOYER: W,
        Role.EMPLOYER_ADVISER: R,
        Role.SYSTEM_ADMIN: R,
    },
    "work_to_work.read": {
        Role.EMPLOYER: W,
        Role.EMPLOYER_ADVISER: R,
        Role.PROGRAMME_MANAGER: R,
        Role.SYSTEM_ADMIN: R,
    },
}

# Actions anyone may perform without logging in.
PUBLIC_ACTIONS = frozenset({"health.read", "taxonomy.read"})


def scope_for(action: str, role: Role) -> Scope | None:
    """The scope `role` has for `action`, or None when it may not do it."""
    if action in PUBLIC_ACTIONS:
        return Scope.PUBLIC
    if action not in PERMISSIONS:
        raise KeyError(f"undeclared action {action!r}: add it to access.roles.PERMISSIONS")
    return PERMISSIONS[action].get(role)
