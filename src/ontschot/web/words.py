"""The Dutch words pages use for form fields, and which ESCO concepts have no Dutch label.

One list of field names serves every form's error summary, so a summary always names the
field it points at ("Geboortedatum: vul een datum in") instead of repeating a bare message.
"""

from __future__ import annotations

import re
import threading
from typing import Any

from sqlalchemy import or_, select

FIELD_NAMES: dict[str, str] = {
    # candidate registration
    "first_name": "Voornaam",
    "last_name": "Achternaam",
    "birth_date": "Geboortedatum",
    "bsn": "BSN",
    "email": "E-mailadres",
    "phone": "Telefoon",
    "municipality": "Gemeente",
    "postcode": "Postcode",
    "benefit": "Uitkering",
    "status": "Status",
    "available_from": "Beschikbaar vanaf",
    "hours_min": "Minimaal uren per week",
    "hours_max": "Maximaal uren per week",
    "max_travel_km": "Maximale reisafstand",
    "max_travel_minutes": "Maximale reistijd",
    "driving_licences": "Rijbewijzen",
    "language": "Taal",
    "language_level": "Taalniveau",
    "education_level": "Opleidingsniveau",
    "education_status": "Opleiding",
    "education_field": "Richting",
    "work_job_title": "Functie",
    "work_employer": "Werkgever",
    "work_occupation_uri": "Beroep (ESCO)",
    "work_start": "Werkervaring van",
    "work_end": "Werkervaring tot",
    "skill_uri": "Vaardigheden",
    "skills": "Vaardigheden",
    "notes": "Notities",
    "wish_new_uri": "Gewenst beroep",
    "wish_sectors": "Gewenste sectoren",
    "contract_forms": "Gewenste contractvormen",
    "transport": "Vervoer",
    # contact moments and proposals
    "contact_kind": "Soort contact",
    "occurred_on": "Datum",
    "summary": "Samenvatting",
    "next_action": "Volgende actie",
    "next_action_due": "Uiterlijk op",
    "reason": "Reden",
    "vacancy_id": "Vacature",
    # vacancies and employers
    "employer_id": "Werkgever",
    "title": "Titel",
    "occupation_uri": "Beroep (ESCO)",
    "optional_uri": "Gewenste vaardigheden",
    "contract_form": "Contractvorm",
    "salary_min": "Salaris vanaf",
    "salary_max": "Salaris tot",
    "start_date": "Startdatum",
    "closing_date": "Sluitingsdatum",
    "requirements": "Harde eisen",
    "description": "Omschrijving",
    "name": "Naam",
    "kvk_number": "KvK-nummer",
    "sector": "Sector",
    "contact_user_id": "Vaste contactpersoon",
    "contact_role": "Functie",
    "contact_phone": "Telefoon",
    "contact_email": "E-mailadres",
    # users and tokens
    "display_name": "Naam",
    "password": "Eerste wachtwoord",
    "new_password": "Nieuw wachtwoord",
    "role": "Rol",
    "organisation_id": "Organisatie",
    "kind": "Soort organisatie",
    "region_code": "Regiocode",
    "region_name": "Naam van de regio",
    "actions": "Handelingen",
}

# Fields chosen with the ESCO picker: the summary links to their search box.
PICKER_FIELDS = frozenset(
    {"work_occupation_uri", "skill_uri", "occupation_uri", "optional_uri", "wish_new_uri"}
)

_lock = threading.Lock()


def english_only_uris(app: Any) -> frozenset[str]:
    """URIs (and labels) of occupations and skills with only an English label, once per app.

    The taxonomy changes only by an import, after which the app is restarted; a page never
    waits for more than this one query.
    """
    state = getattr(app, "state", None)
    if state is None:
        return frozenset()
    cached: frozenset[str] | None = getattr(state, "english_only_uris", None)
    if cached is not None:
        return cached
    factory = getattr(state, "sessionmaker", None)
    if factory is None:
        return frozenset()
    with _lock:
        cached = getattr(state, "english_only_uris", None)
        if cached is None:
            loaded = _load(factory)
            if loaded is None:
                return frozenset()
            cached = state.english_only_uris = loaded
    return cached


def _load(factory: Any) -> frozenset[str] | None:
    from ontschot.taxonomy.models import Occupation, Skill

    uris: set[str] = set()
    try:
        with factory() as db:
            for model in (Occupation, Skill):
                rows = db.execute(
                    select(model.uri, model.label_en).where(
                        or_(model.label_nl.is_(None), model.label_nl == "")
                    )
                )
                # the labels too: some explanations (gaps) carry a label without its URI
                for uri, label in rows:
                    uris.update((uri, label))
    except Exception:  # a page without badges beats no page; tried again on the next one
        return None
    return frozenset(uris)


# ISO 639-3 codes as stored, with the Dutch name a person reads and picks.
LANGUAGE_NAMES: dict[str, str] = {
    "nld": "Nederlands",
    "eng": "Engels",
    "deu": "Duits",
    "fra": "Frans",
    "spa": "Spaans",
    "por": "Portugees",
    "ita": "Italiaans",
    "pol": "Pools",
    "ron": "Roemeens",
    "bul": "Bulgaars",
    "ukr": "Oekraïens",
    "rus": "Russisch",
    "tur": "Turks",
    "ara": "Arabisch",
    "tir": "Tigrinya",
    "som": "Somalisch",
    "fas": "Perzisch",
    "prs": "Dari",
    "pus": "Pasjtoe",
    "kur": "Koerdisch",
    "ber": "Berbers (Tamazight)",
    "pap": "Papiaments",
    "srn": "Sranantongo",
    "hin": "Hindi",
    "zho": "Chinees",
    "fry": "Fries",
    "nds": "Nedersaksisch (Twents)",
}


def language_name(code: str | None) -> str:
    """The Dutch name of a language; an unlisted code is shown as 'taalcode xyz'."""
    if not code:
        return ""
    return LANGUAGE_NAMES.get(code, f"taalcode {code}")


REQUIREMENT_KINDS = {
    "diploma": "Diploma",
    "certificate": "Certificaat",
    "licence": "Rijbewijs",
    "language": "Taal",
}

# The hard requirements a vacancy form offers, grouped, as `kind:value[:level]`.
REQUIREMENT_CHOICES: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "Diploma",
        [
            ("diploma:mbo:1", "mbo niveau 1"),
            ("diploma:mbo:2", "mbo niveau 2"),
            ("diploma:mbo:3", "mbo niveau 3"),
            ("diploma:mbo:4", "mbo niveau 4"),
            ("diploma:hbo", "hbo"),
            ("diploma:wo", "wo"),
        ],
    ),
    (
        "Certificaat",
        [
            ("certificate:VCA", "VCA basis"),
            ("certificate:VOL-VCA", "VOL-VCA"),
            ("certificate:BHV", "BHV"),
            ("certificate:heftruck", "Heftruckcertificaat"),
            ("certificate:reachtruck", "Reachtruckcertificaat"),
            ("certificate:HACCP", "HACCP (hygiëne)"),
            ("certificate:code95", "Code 95"),
        ],
    ),
    (
        "Rijbewijs",
        [("licence:B", "B"), ("licence:C", "C"), ("licence:CE", "CE"), ("licence:D", "D")],
    ),
    (
        "Taal",
        [
            ("language:nld:redelijk", "Nederlands, redelijk"),
            ("language:nld:goed", "Nederlands, goed"),
            ("language:eng:goed", "Engels, goed"),
        ],
    ),
]


def requirement_text(kind: str, value: str, level: str | None = None) -> str:
    """A hard requirement in Dutch words: `Taal: Nederlands (goed)`, `Diploma: mbo niveau 2`."""
    head = REQUIREMENT_KINDS.get(kind, kind)
    if kind == "language":
        return f"{head}: {language_name(value)}" + (f" ({level})" if level else "")
    if kind == "diploma" and value == "mbo" and level:
        return f"{head}: mbo niveau {level}"
    if kind == "diploma":
        from ontschot.people.vum import label_nl

        value = label_nl(value)
    return f"{head}: {value}" + (f" ({level})" if level else "")


VACANCY_STATUS_NAMES = {"open": "open", "filled": "vervuld", "closed": "gesloten"}


# What a permission or a processing-log entry means, in the words of the person reading it.
ACTION_NAMES: dict[str, str] = {
    "account.read": "eigen account bekijken",
    "api_token.create": "API-token aanmaken",
    "api_token.read": "API-tokens bekijken",
    "api_token.revoke": "API-token intrekken",
    "audit.read": "verwerkingslog bekijken",
    "audit.subject.read": "verwerkingen over één persoon bekijken",
    "candidate.create": "werkzoekende inschrijven",
    "candidate.erase": "persoonsgegevens verwijderen",
    "candidate.export": "inzage in alle gegevens",
    "candidate.list": "lijst van werkzoekenden bekijken",
    "candidate.lookup": "werkzoekende opzoeken",
    "candidate.read": "profiel bekijken",
    "candidate.read.full": "volledig profiel bekijken",
    "candidate.read.anonymised": "profiel zonder naam bekijken",
    "candidate.read.none": "profiel opgevraagd (niet getoond)",
    "candidate.skills.add": "vaardigheden toegevoegd",
    "candidate.skills.remove": "vaardigheid verwijderd",
    "candidate.suggestions.read": "voorgestelde kandidaten bekijken",
    "candidate.suggestions.read.full": "voorgestelde kandidaten bekijken",
    "candidate.suggestions.read.anonymised": "voorgestelde kandidaten zonder naam bekijken",
    "candidate.update": "profiel wijzigen",
    "candidate.versions.read": "wijzigingsgeschiedenis bekijken",
    "career.read": "loopbaanroutes bekijken",
    "consent.give": "toestemming gegeven",
    "consent.manage": "toestemmingen beheren",
    "consent.read": "toestemmingen bekijken",
    "consent.withdraw": "toestemming ingetrokken",
    "dashboard.read": "startpagina bekijken",
    "employer.create": "werkgever registreren",
    "employer.read": "werkgevers bekijken",
    "export.run": "gegevens exporteren",
    "export.vacancies": "vacatures geëxporteerd",
    "extraction.use": "tekstanalyse gebruiken",
    "health.read": "controle of de dienst werkt",
    "import.run": "gegevens importeren",
    "import.candidates": "werkzoekenden geïmporteerd",
    "import.vacancies": "vacatures geïmporteerd",
    "import.undone": "import teruggedraaid",
    "import.training": "opleidingen geïmporteerd",
    "introduction.create": "voorstellen aan een werkgever",
    "introduction.advance": "status van een voorstel gewijzigd",
    "introduction.answer": "antwoord van de werkgever op een voorstel",
    "contact_moment.create": "contactmoment vastgelegd",
    "contact_moment.read": "contactmomenten bekeken",
    "employer_contact.create": "contactmoment met werkgever vastgelegd",
    "employer_contact.read": "contactmomenten met werkgevers bekijken",
    "employer.update": "werkgever wijzigen",
    "employer.contact_person.add": "contactpersoon van werkgever toegevoegd",
    "employer.contact_person.remove": "contactpersoon van werkgever verwijderd",
    "introduction.read": "voorstel aan werkgever bekijken",
    "introduction.withdraw": "voorstel aan werkgever ingetrokken",
    "match.feedback": "vacaturesuggestie beoordelen",
    "match.read": "vacaturesuggesties bekijken",
    "organisation.create": "organisatie aanmaken",
    "organisation.read": "organisaties bekijken",
    "taxonomy.import": "ESCO-taxonomie bijwerken",
    "taxonomy.read": "beroepen en vaardigheden bekijken",
    "training.import": "opleidingsaanbod importeren",
    "training.read": "opleidingsaanbod bekijken",
    "user.create": "gebruiker aanmaken",
    "user.change_role": "rol van gebruiker gewijzigd",
    "user.disable": "gebruiker geblokkeerd",
    "user.read": "gebruikers bekijken",
    "user.reset_password": "wachtwoord opnieuw ingesteld",
    "user.update": "gebruikers wijzigen",
    "vacancy.create": "vacature registreren",
    "vacancy.read": "vacatures bekijken",
    "vacancy.skills.add": "vaardigheden aan vacature toegevoegd",
    "vacancy.update": "vacature wijzigen",
    "chain.read": "ketens bekijken",
    "chain.manage": "ketens inrichten",
    "chain.create": "keten aangemaakt",
    "chain.update": "keten gewijzigd",
    "chain.profile.add": "functieprofiel toegevoegd",
    "chain_type.revise": "nieuwe versie van ketentype",
    "trajectory.read": "traject bekeken",
    "trajectory.create": "traject gestart",
    "trajectory.update": "traject bijwerken",
    "trajectory.reassign": "traject aan andere coach toegewezen",
    "trajectory.status.change": "trajectstatus gewijzigd",
    "trajectory.activity.add": "activiteit vastgelegd",
    "trajectory.next_action.set": "volgende actie vastgelegd",
    "trajectory.plan.add": "plan aangevuld",
    "trajectory.plan.done": "planonderdeel gedaan",
    "trajectory.suspend": "traject opgeschort",
    "trajectory.resume": "traject hervat",
    "trajectory.close": "traject afgesloten",
    "placement.read": "plaatsing bekeken",
    "placement.create": "plaatsing vastgelegd",
    "placement.update": "plaatsing bijwerken",
    "placement.follow_up.record": "nazorgcontact vastgelegd",
    "placement.end": "einde dienstverband vastgelegd",
    "placement.follow_up.surface": "nazorgcontact als volgende actie gezet",
    "monitor.read": "resultatenmonitor bekeken",
    "monitor.export": "rapportage van de resultatenmonitor gemaakt",
    "monitor.refresh": "feiten van de resultatenmonitor ververst",
    "handover.read": "warme overdrachten bekeken",
    "handover.propose": "warme overdracht voorgesteld",
    "handover.decide": "over warme overdracht beslissen",
    "handover.accept": "warme overdracht aanvaard",
    "handover.decline": "warme overdracht afgewezen",
    "budget.read": "budget bekeken",
    "fund.manage": "fondsen beheren",
    "instrument.manage": "instrumenten beheren",
    "intervention.request": "interventie aangevraagd",
    "intervention.approve": "interventie goedgekeurd",
    "intervention.reject": "interventie afgewezen",
    "intervention.cancel": "interventie ingetrokken",
    "intervention.queue.read": "aanvragen ter beoordeling bekeken",
    "invoice.submit": "factuur geboekt",
    "invoice.import": "facturen ingelezen",
    "invoice.reverse": "factuur teruggedraaid",
    "financier.create": "financier toegevoegd",
    "fund.create": "fonds aangemaakt",
    "fund.update": "fonds of regels gewijzigd",
    "instrument.create": "instrument toegevoegd",
    "vacancy.fill": "vacature vervuld door plaatsing",
    "work_to_work.register": "werknemer met ontslagrisico aangemeld (van werk naar werk)",
    "work_to_work.read": "aanmeldingen van werk naar werk bekeken",
}
RESULT_NAMES = {"success": "gelukt", "denied": "geweigerd", "failure": "mislukt"}


_ACTION_IN_TEXT = re.compile(r"\(([a-z_]+(?:\.[a-z_]+)+)\)")


def codes_in_words(text: str) -> str:
    """A message that names an action code in brackets, with the code's Dutch words."""
    return _ACTION_IN_TEXT.sub(
        lambda m: f"({ACTION_NAMES[m.group(1)]})" if m.group(1) in ACTION_NAMES else m.group(0),
        text,
    )


def action_name(code: str) -> str:
    """The Dutch words for an action code; an unknown code keeps its code, marked as such."""
    return ACTION_NAMES.get(code, f"handeling {code}")


OBJECT_NAMES = {
    "api_token": "API-token",
    "audit_entry": "verwerkingslog",
    "candidate": "werkzoekende",
    "candidate_consent": "toestemming",
    "contact_moment": "contactmoment",
    "chain": "keten",
    "chain_type": "ketentype",
    "function_profile": "functieprofiel",
    "handover": "warme overdracht",
    "trajectory": "traject",
    "placement": "plaatsing",
    "financier": "financier",
    "fund": "fonds",
    "instrument": "instrument",
    "intervention_request": "interventie-aanvraag",
    "invoice": "factuur",
    "monitor_snapshot": "feiten van de resultatenmonitor",
    "monitor_report": "rapportage van de resultatenmonitor",
    "employer": "werkgever",
    "import": "import",
    "introduction": "voorstel aan werkgever",
    "organisation": "organisatie",
    "training_offer": "opleiding",
    "user": "gebruiker",
    "vacancy": "vacature",
    "at_risk_employee": "aanmelding van werk naar werk",
}


# Where a vacancy or a person came from, when it was not a named partner system.
SOURCE_NAMES = {"synth": "demoregio (verzonnen gegevens)", "page": "ingevoerd op deze site"}
