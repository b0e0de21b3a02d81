"""Dutch vacancy texts built from many phrase variants per section.

A text has a title, an opening, the tasks, the requirements and the offer. Each section
draws from its own list of variants and frames, and the tasks and requirements name the
Dutch ESCO skill labels of the occupation, so two vacancies for the same occupation at the
same employer still read differently. All wording here is written for Ontschot.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from ontschot.synth.profiles import OccupationProfile, SkillInfo

TITLE_FRAMES = (
    "{t}",
    "{t}",
    "{t}",
    "{T} ({h} uur)",
    "{T} in {m}",
    "Ervaren {t}",
    "Allround {t}",
    "{T} gezocht",
    "Junior {t}",
    "{T} (m/v/x)",
    "Enthousiaste {t}",
    "{T} – {e}",
    "Parttime {t}",
    "Fulltime {t}",
    "{T} regio {m}",
    "Zelfstandig {t}",
)

OPENINGS = (
    "Ben jij de {t} die ons team in {m} komt versterken?",
    "Bij {e} in {m} zoeken we een {t} die van aanpakken weet.",
    "Wil je werken bij een bedrijf waar je er echt toe doet? {e} zoekt een {t}.",
    "Voor onze vestiging in {m} zijn we op zoek naar een gemotiveerde {t}.",
    "{E} groeit, en daarom zoeken we een {t} voor {h} uur per week.",
    "Heb jij hart voor je vak en zoek je een nieuwe uitdaging als {t}?",
    "Werken als {t} in een hecht team? Dan is dit je kans bij {e}.",
    "In {m} is plaats voor een nieuwe collega: een {t} met een positieve instelling.",
    "Zin in een baan waarin geen dag hetzelfde is? Kom als {t} bij {e} werken.",
    "{E} is een begrip in de regio. Wij zoeken per direct een {t}.",
    "Ons team in {m} heeft versterking nodig van een betrouwbare {t}.",
    "Je bent {t} in hart en nieren en je wilt verder groeien? Lees dan snel verder.",
    "Wij zijn {e}, en we zoeken een {t} die samen met ons wil bouwen.",
    "Door uitbreiding van onze werkzaamheden zoeken wij een {t} in {m}.",
    "Ben je op zoek naar een vaste plek als {t}, dicht bij huis in {m}?",
    "Sta jij graag klaar voor anderen? Als {t} bij {e} doe je dat elke dag.",
    "Een {t} die zelfstandig werkt en ook een teamspeler is: dat zoeken wij.",
    "Ook zonder jarenlange ervaring ben je welkom als {t} bij {e}.",
    "Voor {h} uur per week zoeken we een {t} die direct aan de slag wil.",
    "Kom jij ons enthousiaste team in {m} versterken als {t}?",
    "Bij {e} werk je met vakmensen die trots zijn op wat ze doen. Word jij onze {t}?",
    "Wegens pensionering van een collega zoeken wij een {t}.",
    "Het werk als {t} bij {e} is afwisselend en je krijgt veel ruimte.",
    "Op zoek naar werk met betekenis? {E} zoekt een {t} in {m} en omgeving.",
    "Wat ons betreft begin je liever vandaag dan morgen als {t}.",
    "Heb je ervaring als {t}, of wil je het vak leren? Wij leiden je graag op.",
    "In de regio {m} zoeken wij een {t} met oog voor kwaliteit.",
    "Stap in bij {e}: wij zoeken een {t} voor een langere periode.",
)

TASK_HEADERS = (
    "Wat ga je doen?",
    "Jouw werkzaamheden",
    "Dit ga je doen",
    "Over de functie",
    "Je taken",
    "Wat houdt het werk in?",
    "Een greep uit je taken",
)
TASK_LEADS = (
    "",
    "Als {t} ben je onder meer bezig met:",
    "Je werkdag bestaat uit:",
    "Je bent verantwoordelijk voor:",
    "Dit zijn je belangrijkste taken:",
    "In deze functie ga je:",
)
TASK_FRAMES = ("{s}", "{s}", "{s}", "{s} hoort er ook bij", "{s}, samen met je collega's")

REQ_HEADERS = (
    "Wat vragen wij?",
    "Wie ben jij?",
    "Wat breng je mee?",
    "Jouw profiel",
    "Wat wij van je verwachten",
    "Dit neem je mee",
)
EDUCATION_PHRASES = {
    "basis": (
        "Een diploma is niet nodig; inzet wel.",
        "Je hebt geen diploma nodig.",
        "Werkervaring is mooi meegenomen, maar niet verplicht.",
    ),
    "vmbo": (
        "Je hebt minimaal een vmbo-diploma of vergelijkbare ervaring.",
        "Vmbo-niveau of werkervaring in een vergelijkbare functie.",
        "Een afgeronde vmbo-opleiding is een pluspunt.",
    ),
    "mbo": (
        "Je hebt een afgeronde mbo-opleiding in de richting.",
        "Mbo-niveau 2 of 3, of je bent bereid dit bij ons te halen.",
        "Je hebt een mbo-diploma, of je volgt de opleiding via een leerwerktraject.",
    ),
    "hbo": (
        "Je hebt een afgeronde hbo-opleiding.",
        "Hbo-werk- en denkniveau.",
        "Je hebt een hbo-diploma en enkele jaren ervaring.",
    ),
    "wo": ("Je hebt een afgeronde universitaire opleiding.", "Wo-werk- en denkniveau."),
}
EXPERIENCE_PHRASES = (
    "Je hebt ervaring als {t}, of je wilt het vak graag leren.",
    "Minimaal een jaar werkervaring als {t}.",
    "Ervaring is welkom maar niet vereist.",
    "Je werkt nauwkeurig en houdt van aanpakken.",
    "Je bent flexibel en betrouwbaar.",
    "Je bent stressbestendig en houdt het overzicht.",
    "Je werkt graag in een team.",
)
LANGUAGE_PHRASES = (
    "Je spreekt en begrijpt Nederlands.",
    "Je beheerst de Nederlandse taal.",
    "Je kunt je goed verstaanbaar maken in het Nederlands.",
    "Nederlands op niveau B1 (Duits is een pré).",
)
KNOWLEDGE_FRAMES = (
    "Je hebt kennis van {s}.",
    "Kennis van {s} is een pré.",
    "Je weet wat er komt kijken bij {s}.",
    "Je bent thuis in {s}.",
)
OPTIONAL_FRAMES = (
    "Ervaring met {s} is mooi meegenomen.",
    "Kun je ook {s}? Dat is mooi meegenomen.",
    "Pluspunt: je kunt {s}.",
)
REQUIREMENT_PHRASES = {
    "licence": (
        "Je hebt rijbewijs {v}.",
        "Rijbewijs {v} is vereist.",
        "In het bezit van rijbewijs {v}.",
    ),
    "certificate": (
        "Je hebt een geldig certificaat {v} (of haalt het bij ons).",
        "{v} is verplicht.",
        "In het bezit van {v}.",
    ),
}

OFFER_HEADERS = (
    "Wat bieden wij?",
    "Wat krijg je ervoor terug?",
    "Ons aanbod",
    "Wat mag je verwachten?",
    "Dit krijg je van ons",
)
CONTRACT_PHRASES = {
    "vast": ("Een vast contract.", "Een vaste baan bij een stabiele werkgever."),
    "tijdelijk": (
        "Een contract voor een jaar, met uitzicht op een vast dienstverband.",
        "Een tijdelijk contract met kans op verlenging.",
    ),
    "uitzend": (
        "Je start via het uitzendbureau, met uitzicht op een contract bij de opdrachtgever.",
        "Een uitzendcontract met weekloon.",
    ),
    "oproep": ("Een oproepcontract: je werkt wanneer het jou en ons past.",),
    "leerwerk": (
        "Een leerwerkbaan: je werkt en haalt tegelijk je diploma.",
        "Een BBL-plek met een betaalde opleiding.",
    ),
}
OFFER_EXTRAS = (
    "Reiskostenvergoeding.",
    "Goede secundaire arbeidsvoorwaarden volgens de cao.",
    "Ruimte om cursussen en opleidingen te volgen.",
    "Een fijne werksfeer met collega's die voor elkaar klaarstaan.",
    "Een goede inwerkperiode met een vaste buddy.",
    "Acht procent vakantiegeld.",
    "Een fiets van de zaak.",
    "Een pensioenregeling.",
    "Korting op producten van het bedrijf.",
    "Een werkplek dichtbij huis.",
    "Flexibele werktijden in overleg.",
    "Ploegentoeslag bij avond- en weekenddiensten.",
    "Een dertiende maand.",
    "Gratis parkeren bij de deur.",
)
CLOSINGS = (
    "Solliciteren? Reageer via de knop hieronder.",
    "Interesse? Stuur je reactie naar {e}; we nemen binnen een week contact op.",
    "Vragen? Bel ons gerust; een kopje koffie drinken kan ook.",
    "Je werkcoach kan je aanmelden voor een kennismakingsgesprek.",
    "Acquisitie naar aanleiding van deze vacature wordt niet op prijs gesteld.",
    "Reageer snel: we plannen de gesprekken zodra we geschikte kandidaten zien.",
)


@dataclass(frozen=True)
class VacancyFacts:
    profile: OccupationProfile
    employer: str
    municipality: str
    hours_max: int
    contract_form: str
    salary_min: int  # euros per month
    salary_max: int
    requirements: tuple[tuple[str, str], ...]
    essential: tuple[SkillInfo, ...]
    optional: tuple[SkillInfo, ...]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _fill(frame: str, facts: VacancyFacts) -> str:
    title = facts.profile.title
    text = frame.format(
        t=title,
        T=_capital(title),
        m=facts.municipality,
        e=facts.employer,
        E=_capital(facts.employer),
        h=facts.hours_max,
    )
    return text.replace("..", ".")  # a name ending in "B.V." at the end of a sentence


def _euro(amount: int) -> str:
    return f"€ {amount:,}".replace(",", ".")


def vacancy_title(rng: random.Random, facts: VacancyFacts) -> str:
    return _capital(_fill(rng.choice(TITLE_FRAMES), facts))[:200]


def vacancy_text(rng: random.Random, facts: VacancyFacts) -> str:
    """The description: opening, tasks, requirements, offer and a closing line."""
    t = facts.profile.title
    parts = [_fill(rng.choice(OPENINGS), facts)]
    tasks = [s.label_nl for s in facts.essential if s.label_nl and not s.is_knowledge]
    if tasks:
        chosen = rng.sample(tasks, min(len(tasks), rng.randint(3, 6)))
        lead = rng.choice(TASK_LEADS).format(t=t)
        lines = [rng.choice(TASK_HEADERS)] + ([lead] if lead else [])
        lines += ["- " + _capital(rng.choice(TASK_FRAMES).format(s=s)) for s in chosen]
        parts.append("\n".join(lines))
    reqs = [
        rng.choice(EDUCATION_PHRASES.get(facts.profile.curated.education, EDUCATION_PHRASES["mbo"]))
    ]
    reqs += [
        rng.choice(REQUIREMENT_PHRASES[kind]).format(v=value)
        for kind, value in facts.requirements
        if kind in REQUIREMENT_PHRASES
    ]
    reqs += [_fill(p, facts) for p in rng.sample(EXPERIENCE_PHRASES, 2)]
    reqs.append(rng.choice(LANGUAGE_PHRASES))
    knowledge = [
        s.label_nl for s in facts.essential + facts.optional if s.label_nl and s.is_knowledge
    ]
    if knowledge:
        reqs.append(rng.choice(KNOWLEDGE_FRAMES).format(s=rng.choice(knowledge)))
    extras = [s.label_nl for s in facts.optional if s.label_nl and not s.is_knowledge]
    if extras:
        reqs.append(rng.choice(OPTIONAL_FRAMES).format(s=rng.choice(extras)))
    parts.append("\n".join([rng.choice(REQ_HEADERS)] + ["- " + r for r in reqs]))
    offer = [
        f"Een salaris van {_euro(facts.salary_min)} tot {_euro(facts.salary_max)} "
        f"bruto per maand bij een volledige werkweek.",
        rng.choice(CONTRACT_PHRASES.get(facts.contract_form, CONTRACT_PHRASES["vast"])),
    ]
    offer += rng.sample(OFFER_EXTRAS, rng.randint(2, 4))
    parts.append("\n".join([rng.choice(OFFER_HEADERS)] + ["- " + o for o in offer]))
    parts.append(_fill(rng.choice(CLOSINGS), facts))
    return "\n\n".join(parts)
