"""The nine sector chains of a synthetic Twente-like region and their function profiles.

Four are named in the articles this product follows (Logistiek, Zorg & Welzijn, ICT,
Techniek); the other five are the sectors with many vacancies in Twente. Each function
profile names an ESCO occupation from the curated list (`data/occupations.csv`); the
skills that count and those learnt on the job are read from the bundled taxonomy.
"""

from __future__ import annotations

from dataclasses import dataclass

from ontschot.synth.occupations import ESCO_OCCUPATION


@dataclass(frozen=True)
class ProfileSpec:
    title: str
    esco_id: str
    learn_on_job: str


@dataclass(frozen=True)
class ChainSpec:
    name: str
    sector: str
    employer_sectors: tuple[str, ...]
    capacity: int
    intake: str
    entry_route: str
    profiles: tuple[ProfileSpec, ...]
    # share of trajectories that end without work: care loses people faster
    drop_out: float

    def occupation_uris(self) -> list[str]:
        return [ESCO_OCCUPATION + p.esco_id for p in self.profiles]


CHAINS: tuple[ChainSpec, ...] = (
    ChainSpec(
        "Logistiek",
        "Logistiek",
        ("Logistiek", "Vervoer"),
        120,
        "Werkzoekenden die fysiek werk aankunnen en in ploegen willen werken; taal op A2.",
        "Meeloopdag in het distributiecentrum, heftruckcertificaat via het ROC, dan een "
        "proefplaatsing van 6 weken met de intentie van een contract van 6 maanden.",
        (
            ProfileSpec(
                "Orderpicker",
                "cd94def5-3442-4c2e-ae3d-0761a3008bcb",
                "Werken met de handscanner en het magazijnsysteem.",
            ),
            ProfileSpec(
                "Heftruckchauffeur",
                "eeac6251-1974-42f5-91ed-513c6c883755",
                "Veilig stapelen in hoogbouw; het certificaat haalt men in de keten.",
            ),
            ProfileSpec(
                "Vrachtwagenchauffeur",
                "45037d43-a8f5-4f46-b332-b2935bc305f4",
                "Rijbewijs C en code 95 met scholingsbudget van de werkgever.",
            ),
        ),
        0.18,
    ),
    ChainSpec(
        "Zorg & Welzijn",
        "Zorg en welzijn",
        ("Zorg en welzijn",),
        100,
        "Affiniteit met zorg, VOG, bereid tot onregelmatige diensten; taal op B1.",
        "Oriëntatiestage van twee weken, dan een leerwerkbaan (BBL niveau 2 of 3).",
        (
            ProfileSpec(
                "Helpende zorg en welzijn",
                "87d0795a-d41f-47ee-979f-0ab7d73836e7",
                "Persoonlijke verzorging onder begeleiding van een werkbegeleider.",
            ),
            ProfileSpec(
                "Thuiszorgmedewerker",
                "1391bdf9-bd61-4fb5-91ca-c29036ab2b60",
                "Rapporteren in het cliëntdossier; werken in een wijkteam.",
            ),
            ProfileSpec(
                "Begeleider gehandicaptenzorg",
                "9c55aa23-e3f2-4c00-8c90-5ed5204951a3",
                "Methodisch werken met ondersteuningsplannen.",
            ),
        ),
        0.34,
    ),
    ChainSpec(
        "ICT",
        "ICT",
        ("ICT",),
        40,
        "Digitale basisvaardigheden, logisch denkvermogen; omscholing mogelijk vanaf mbo 4.",
        "Assessment, een omscholingstraject van 6 maanden en een traineeship bij een "
        "partnerwerkgever.",
        (
            ProfileSpec(
                "Servicedeskmedewerker",
                "aaeec9a7-dc57-4485-890c-86b3eef735f9",
                "Het ticketsysteem en de producten van de werkgever.",
            ),
            ProfileSpec(
                "Systeembeheerder",
                "9e2e6e1e-363b-4e1b-a673-7bc0f7343300",
                "Beheer van de netwerkomgeving van de klant.",
            ),
            ProfileSpec(
                "Software-ontwikkelaar",
                "f2b15a0e-e65a-438a-affb-29b9d50b77d1",
                "De eigen ontwikkelstraat en codeconventies.",
            ),
        ),
        0.2,
    ),
    ChainSpec(
        "Techniek & Installatie",
        "Techniek",
        ("Techniek en industrie", "Bouw en installatie"),
        60,
        "Technische belangstelling, handig; VCA haalt men in fase 1.",
        "Praktijktest bij het opleidingsbedrijf, VCA en een BBL-opleiding niveau 2.",
        (
            ProfileSpec(
                "Monteur elektrotechnische installaties",
                "33960bab-4423-4808-af6c-ec2b485dba41",
                "Werken volgens NEN 1010 en NEN 3140 onder begeleiding.",
            ),
            ProfileSpec(
                "Elektromonteur",
                "5d009d45-3bb9-4e33-8760-294f59adec8c",
                "Storingen zoeken aan de machines van de klant.",
            ),
            ProfileSpec(
                "Automonteur",
                "4ad4024e-d1d3-4dea-b6d1-2c7948111dce",
                "Diagnoseapparatuur van het merk.",
            ),
        ),
        0.2,
    ),
    ChainSpec(
        "Bouw & Infra",
        "Bouw",
        ("Bouw en installatie",),
        50,
        "Fysiek fit, VCA (in fase 1 te halen), bereid om op wisselende locaties te werken.",
        "Werkervaringsplek van 4 weken bij het bouwopleidingsbedrijf, daarna leerwerkbaan.",
        (
            ProfileSpec(
                "Timmerman",
                "2a22ff9e-de3b-408d-b312-5034896cc4f4",
                "Maatvoering en werken met bouwtekeningen.",
            ),
            ProfileSpec(
                "Metselaar",
                "05f321f8-055b-407d-bf19-e0ddabda56b7",
                "Metselverbanden en werken op de steiger.",
            ),
            ProfileSpec(
                "Steigerbouwer",
                "18fa8080-3156-429a-bbd7-b3ef559b6721",
                "Het steigerbouwcertificaat, in de keten te halen.",
            ),
        ),
        0.22,
    ),
    ChainSpec(
        "Maakindustrie & Metaal",
        "Maakindustrie",
        ("Techniek en industrie",),
        80,
        "Nauwkeurig, technisch inzicht, bereid tot ploegendienst.",
        "Proefdag in de productiehal, interne opleiding en een proefplaatsing van 8 weken.",
        (
            ProfileSpec(
                "Productiemedewerker",
                "245be6d1-fe9a-4ac8-9f81-122a687e4724",
                "De productielijn en kwaliteitscontrole van het bedrijf.",
            ),
            ProfileSpec(
                "Operator CNC",
                "5c082067-ea18-4ccb-8c43-e70b18ad8120",
                "Programmeren van de eigen machines.",
            ),
            ProfileSpec(
                "Lasser",
                "7aedaa07-3884-4c5b-88f9-80997b2aa54b",
                "Lascertificaten via het opleidingscentrum metaal.",
            ),
        ),
        0.2,
    ),
    ChainSpec(
        "Schoonmaak & Facilitair",
        "Facilitair",
        ("Horeca en facilitair",),
        70,
        "Zelfstandig kunnen werken, vroege of late uren; taal op A2 volstaat.",
        "Kennismaking op locatie, een inwerkweek met een maatje, dan een contract.",
        (
            ProfileSpec(
                "Schoonmaker",
                "303a1e34-cb16-4054-b323-81e5eec17397",
                "Werken met machines en middelen volgens het schoonmaakplan.",
            ),
            ProfileSpec(
                "Medewerker huishoudelijke dienst",
                "731ecac4-06e8-4ec2-a559-101fecbd9183",
                "Hygiënerichtlijnen van de zorginstelling.",
            ),
            ProfileSpec(
                "Beveiliger",
                "31808988-fc0a-4bc3-9e47-27216d6759f5",
                "Het diploma Beveiliger 2, betaald door de werkgever.",
            ),
        ),
        0.25,
    ),
    ChainSpec(
        "Horeca & Toerisme",
        "Horeca",
        ("Horeca en facilitair", "Detailhandel"),
        60,
        "Gastvrij, bereid tot avond- en weekendwerk.",
        "Proefdraaien in de keuken of bediening, dan leren op de werkvloer met SVH-certificaat.",
        (
            ProfileSpec(
                "Kok",
                "90f75f67-495d-49fa-ab57-2f320e251d7e",
                "De menukaart en HACCP van het bedrijf.",
            ),
            ProfileSpec(
                "Keukenhulp",
                "e1cf6897-158d-4b48-a39e-2a3a8cac216c",
                "Voorbereiden en afwassen volgens de keukenroutine.",
            ),
            ProfileSpec(
                "Medewerker bediening",
                "d5db9d5c-2ebf-4a54-a79a-1b7e7ff70471",
                "Het kassasysteem en de wijnkaart.",
            ),
        ),
        0.3,
    ),
    ChainSpec(
        "Onderwijs & Kinderopvang",
        "Onderwijs",
        ("Onderwijs en kinderopvang",),
        40,
        "Affiniteit met kinderen, VOG, taal op niveau 2F/B1.",
        "Snuffelstage, dan een BBL-opleiding Pedagogisch medewerker met een leerwerkplek.",
        (
            ProfileSpec(
                "Pedagogisch medewerker kinderopvang",
                "3f74aad8-2d60-4be2-b059-8dba5568d530",
                "Het pedagogisch beleidsplan en observeren van kinderen.",
            ),
            ProfileSpec(
                "Onderwijsassistent",
                "4d27152a-a8ee-4f5a-9f93-a2fb4fb2b2e3",
                "Begeleiden van kleine groepen onder de leraar.",
            ),
            ProfileSpec(
                "Leraar basisonderwijs (zij-instroom)",
                "03d79393-7b30-4159-945b-01963eddd302",
                "Zij-instroom: lesgeven met begeleiding, de pabo in deeltijd.",
            ),
        ),
        0.24,
    ),
)
