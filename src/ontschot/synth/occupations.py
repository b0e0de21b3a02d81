"""The curated occupations of a synthetic Dutch region, with their weights and traits.

About sixty ESCO occupations that make up most vacancies and job seekers of a Dutch
arbeidsmarktregio: logistics, care, technical and retail work come first, rare
occupations are left out. URIs were looked up in the ESCO v1.2.0 Dutch occupation file
(`occupations_nl.csv`, preferred labels). Weights are relative shares of vacancies; the
`supply` factor says how many candidates there are per vacancy compared to the average,
so that some occupations are in shortage (below 1) and others in surplus (above 1). The
figures are invented to look plausible, not measured.

The skill profiles themselves are read from the taxonomy tables (`occupation_skill`), see
`profiles.py`, so a newer ESCO import changes the generated skills without code changes.
"""

from __future__ import annotations

from dataclasses import dataclass

ESCO_OCCUPATION = "http://data.europa.eu/esco/occupation/"


@dataclass(frozen=True)
class CuratedOccupation:
    uri: str
    label: str  # Dutch ESCO preferred label, for reading this file; the DB label is used
    sector: str
    weight: float  # relative share of vacancies
    supply: float  # candidates per vacancy relative to the regional average
    education: str  # typical EducationLevel code
    salary: tuple[int, int]  # typical gross monthly salary range in euros (full time)
    requirements: tuple[tuple[str, str], ...] = ()  # (kind, value) hard requirements
    title: str | None = None  # a shorter job title used in vacancy texts


def _o(suffix: str, label: str, sector: str, weight: float, supply: float, education: str,
       salary: tuple[int, int], requirements: tuple[tuple[str, str], ...] = (),
       title: str | None = None) -> CuratedOccupation:
    return CuratedOccupation(ESCO_OCCUPATION + suffix, label, sector, weight, supply,
                             education, salary, requirements, title)


LOGISTIEK = "Logistiek"
VERVOER = "Vervoer"
ZORG = "Zorg en welzijn"
TECHNIEK = "Techniek en industrie"
BOUW = "Bouw en installatie"
DETAILHANDEL = "Detailhandel"
HORECA = "Horeca en facilitair"
ZAKELIJK = "Zakelijke dienstverlening"
ICT = "ICT"
ONDERWIJS = "Onderwijs en kinderopvang"
GROEN = "Groen en agrarisch"

VCA = ("certificate", "VCA Basis")
HEFTRUCK = ("certificate", "Heftruckcertificaat")
RIJBEWIJS_B = ("licence", "B")
RIJBEWIJS_C = ("licence", "C")
RIJBEWIJS_CE = ("licence", "CE")
RIJBEWIJS_D = ("licence", "D")
BIG = ("certificate", "BIG-registratie")
VOG = ("certificate", "Verklaring Omtrent het Gedrag")
BEVEILIGING = ("certificate", "Diploma Beveiliger 2")
HACCP = ("certificate", "HACCP")

OCCUPATIONS: tuple[CuratedOccupation, ...] = (
    # logistics and transport: large in Twente (distribution centres along the A1/A35)
    _o("bea705fe-06ac-4147-b8e0-6e8ac1208d8f", "magazijnmedewerker", LOGISTIEK, 7.0, 1.3,
       "vmbo", (2300, 2800), (HEFTRUCK,)),
    _o("eeac6251-1974-42f5-91ed-513c6c883755", "heftruckchauffeur", LOGISTIEK, 3.0, 0.8,
       "vmbo", (2400, 2900), (HEFTRUCK,)),
    _o("cd94def5-3442-4c2e-ae3d-0761a3008bcb", "orderpicker", LOGISTIEK, 5.0, 1.4, "basis",
       (2200, 2600)),
    _o("c8b296be-54ae-48cf-be21-031fa8457937", "logistiek medewerker", LOGISTIEK, 3.0, 1.2,
       "mbo", (2400, 3000)),
    _o("f5cb9901-86fc-48d0-9cde-667fbe8cef3a", "inpakker met de hand", LOGISTIEK, 2.0, 2.0,
       "basis", (2200, 2450), title="inpakker"),
    _o("45037d43-a8f5-4f46-b332-b2935bc305f4", "vrachtwagenchauffeur", VERVOER, 4.0, 0.5,
       "mbo", (2600, 3300), (RIJBEWIJS_CE,)),
    _o("0c408028-c48f-4df8-ba5d-c3d3be15f5a2", "auto- en bestelwagenkoerier", VERVOER, 2.5,
       1.1, "vmbo", (2200, 2600), (RIJBEWIJS_B,), title="bezorger bestelbus"),
    _o("00cee175-1376-43fb-9f02-ba3d7a910a58", "buschauffeur", VERVOER, 1.5, 0.5, "mbo",
       (2600, 3200), (RIJBEWIJS_D,)),
    _o("6f7c1e84-8162-4c20-a575-b57ff624eef5", "taxichauffeur", VERVOER, 1.0, 0.9, "vmbo",
       (2200, 2700), (RIJBEWIJS_B,)),
    _o("7ed2e153-8da8-4c0d-b4c5-3402c623f34b", "postbode", VERVOER, 1.0, 1.5, "basis",
       (2200, 2500)),
    # care and welfare: the largest shortage
    _o("8d3e8aaa-791b-4c75-a465-f3f827028f50", "algemeen verpleegkundige", ZORG, 5.0, 0.4,
       "hbo", (3200, 4600), (BIG,), title="verpleegkundige"),
    _o("87d0795a-d41f-47ee-979f-0ab7d73836e7", "verpleeghulp", ZORG, 4.0, 0.6, "mbo",
       (2500, 3200), (VOG,), title="verzorgende IG"),
    _o("1391bdf9-bd61-4fb5-91ca-c29036ab2b60", "thuiszorgmedewerker", ZORG, 3.5, 0.6, "mbo",
       (2400, 3000), (VOG, RIJBEWIJS_B)),
    _o("85482504-c83d-4038-80d9-265198d18b48", "helpende thuiszorg", ZORG, 2.0, 0.9, "mbo",
       (2300, 2700), (VOG,), title="helpende zorg en welzijn"),
    _o("30194ac4-93b8-4450-8a15-f6f7cbe351cb", "kraamverzorgende", ZORG, 0.8, 0.6, "mbo",
       (2500, 3200), (VOG,)),
    _o("4edbde9f-218e-49c7-812f-c45262fb4128", "woonbegeleider", ZORG, 2.0, 0.7, "mbo",
       (2600, 3400), (VOG,), title="persoonlijk begeleider"),
    _o("9c55aa23-e3f2-4c00-8c90-5ed5204951a3", "begeleider personen met een beperking", ZORG,
       2.0, 0.8, "mbo", (2600, 3400), (VOG,), title="begeleider gehandicaptenzorg"),
    _o("0c041d1e-1841-4acb-b0a1-2c387a61bf65", "doktersassistent", ZORG, 1.2, 0.9, "mbo",
       (2500, 3200)),
    _o("7b74626d-b487-48a1-9e80-47faf9928210", "apotheekmedewerker", ZORG, 0.8, 0.7, "mbo",
       (2400, 3100), title="apothekersassistent"),
    _o("bdc74965-1d1a-4f8e-a490-9cf71f494e02", "tandartsassistent", ZORG, 0.6, 1.0, "mbo",
       (2300, 2900)),
    _o("006cc1f9-2841-41c3-991a-dc3f2f3bd533", "fysiotherapeut", ZORG, 0.5, 0.8, "hbo",
       (3000, 4300), (BIG,)),
    _o("4b05bef2-ded4-4b09-ab94-f4c6a555a775", "sociaal werker", ZORG, 1.0, 1.1, "hbo",
       (3100, 4300), (VOG,)),
    _o("8d703e8f-1e57-4246-8a6b-cb87a760d4ab", "maatschappelijk werker", ZORG, 0.6, 1.2,
       "hbo", (3200, 4500), (VOG,)),
    _o("d38c2107-98f2-47b7-8bb4-f69750d51082", "zorghulp", ZORG, 1.5, 1.3, "vmbo",
       (2200, 2600), (VOG,), title="zorghulp"),
    # education and childcare
    _o("3f74aad8-2d60-4be2-b059-8dba5568d530", "medewerker kinderdagverblijf", ONDERWIJS,
       1.8, 0.8, "mbo", (2400, 3100), (VOG,), title="pedagogisch medewerker"),
    _o("4d27152a-a8ee-4f5a-9f93-a2fb4fb2b2e3", "onderwijsassistent", ONDERWIJS, 1.0, 1.1,
       "mbo", (2400, 3100), (VOG,)),
    _o("03d79393-7b30-4159-945b-01963eddd302", "leraar basisonderwijs", ONDERWIJS, 1.2, 0.5,
       "hbo", (3300, 4900), (VOG,), title="leerkracht basisonderwijs"),
    # technical work and industry (metal, high tech, plastics, textile heritage)
    _o("33960bab-4423-4808-af6c-ec2b485dba41", "monteur elektrische installaties gebouwen",
       TECHNIEK, 3.0, 0.4, "mbo", (2700, 3600), (VCA,), title="elektromonteur"),
    _o("7aedaa07-3884-4c5b-88f9-80997b2aa54b", "lasser", TECHNIEK, 2.0, 0.5, "mbo",
       (2600, 3400), (VCA,)),
    _o("269c47e7-9017-4aa6-bce8-49e89a696a64", "monteur industriële machines", TECHNIEK, 2.0,
       0.5, "mbo", (2800, 3700), (VCA,), title="servicemonteur"),
    _o("5c082067-ea18-4ccb-8c43-e70b18ad8120", "operator CNC-machine", TECHNIEK, 1.8, 0.5,
       "mbo", (2700, 3500), title="CNC-operator"),
    _o("245be6d1-fe9a-4ac8-9f81-122a687e4724", "productiemedewerker", TECHNIEK, 5.0, 1.5,
       "vmbo", (2200, 2700)),
    _o("af2f3615-63ab-44dc-957d-c9660410d336", "assemblagemedewerker metaal", TECHNIEK, 2.0,
       1.0, "vmbo", (2300, 2800), title="assemblagemedewerker"),
    _o("599f34f0-bdf7-49e3-b5a9-f5d55f9e6873", "assemblagemedewerker kunststof", TECHNIEK,
       1.0, 1.2, "vmbo", (2200, 2700), title="productiemedewerker kunststof"),
    _o("5d009d45-3bb9-4e33-8760-294f59adec8c", "elektromechanicus", TECHNIEK, 1.2, 0.5,
       "mbo", (2900, 3800), (VCA,), title="monteur elektromechanica"),
    _o("4ad4024e-d1d3-4dea-b6d1-2c7948111dce", "automonteur", TECHNIEK, 1.5, 0.7, "mbo",
       (2500, 3300)),
    # construction and installation
    _o("ed3cf43d-c2c1-4c46-82fc-1375e27e0290", "loodgieter", BOUW, 1.2, 0.5, "mbo",
       (2700, 3500), (VCA,), title="installatiemonteur"),
    _o("2a22ff9e-de3b-408d-b312-5034896cc4f4", "timmerman", BOUW, 1.5, 0.6, "mbo",
       (2700, 3500), (VCA,)),
    _o("05f321f8-055b-407d-bf19-e0ddabda56b7", "metselaar", BOUW, 0.8, 0.6, "mbo",
       (2700, 3400), (VCA,)),
    _o("15620506-fb5d-49cd-87a2-1c9047fb406a", "schilder bouw", BOUW, 1.0, 0.9, "mbo",
       (2600, 3300), (VCA,), title="schilder"),
    _o("f4a22809-c00c-4dd0-8b09-c7251f8dcd1c", "stukadoor", BOUW, 0.5, 0.8, "vmbo",
       (2600, 3300), (VCA,)),
    _o("b4c6d1b0-929e-48be-9f67-47bd8c30658b", "dakdekker", BOUW, 0.4, 0.6, "vmbo",
       (2600, 3300), (VCA,)),
    _o("02447817-ea01-4d8b-b09c-8bc128e447e6", "tegelzetter", BOUW, 0.4, 0.8, "vmbo",
       (2600, 3300), (VCA,)),
    _o("18fa8080-3156-429a-bbd7-b3ef559b6721", "steigerbouwer", BOUW, 0.6, 0.8, "vmbo",
       (2500, 3200), (VCA,)),
    # retail
    _o("0b15375e-dfdd-4047-9efb-096e0aaee7d2", "winkelmedewerker", DETAILHANDEL, 5.0, 1.6,
       "vmbo", (2000, 2500), title="verkoopmedewerker"),
    _o("2b871272-bd61-4206-bd1a-0b96d7023098", "kassamedewerker", DETAILHANDEL, 2.0, 1.8,
       "vmbo", (2000, 2300), title="caissière"),
    _o("d35f9e79-5778-43b4-8667-0e3ba1fcb19a", "schappenvuller", DETAILHANDEL, 2.5, 1.8,
       "basis", (2000, 2300), title="vakkenvuller"),
    _o("13da27aa-ca6a-476d-ab2c-efc9e5bd97b2", "verkoopspecialist kleding", DETAILHANDEL,
       1.0, 1.5, "mbo", (2100, 2600), title="verkoopmedewerker mode"),
    _o("1aadb308-432a-4d01-b54b-b4f7f76dd419", "bakker", DETAILHANDEL, 0.6, 0.9, "mbo",
       (2300, 2900), (HACCP,)),
    _o("37c7880e-cfee-4c41-a41b-061682fefde3", "slager", DETAILHANDEL, 0.4, 0.9, "mbo",
       (2300, 2900), (HACCP,)),
    _o("099c6bb0-22d3-4c5d-8bf5-70910af381ef", "kapper", DETAILHANDEL, 0.6, 1.3, "mbo",
       (2000, 2600)),
    _o("9e81adde-9983-44fa-b74b-c548d0dbfbdd", "winkelmanager", DETAILHANDEL, 0.8, 1.2,
       "mbo", (2800, 3800), title="filiaalmanager"),
    # hospitality, cleaning and facility services
    _o("90f75f67-495d-49fa-ab57-2f320e251d7e", "kok", HORECA, 2.0, 0.7, "mbo", (2300, 3000),
       (HACCP,)),
    _o("e1cf6897-158d-4b48-a39e-2a3a8cac216c", "keukenhulp", HORECA, 1.5, 1.5, "basis",
       (2000, 2300)),
    _o("d5db9d5c-2ebf-4a54-a79a-1b7e7ff70471", "ober/serveerster", HORECA, 1.8, 1.2, "vmbo",
       (2000, 2400), title="medewerker bediening"),
    _o("f7b04542-d8c7-42db-8475-e63b507cce82", "receptionist", HORECA, 0.8, 1.5, "mbo",
       (2200, 2700)),
    _o("303a1e34-cb16-4054-b323-81e5eec17397", "schoonmaker gebouwen", HORECA, 4.0, 1.4,
       "basis", (2100, 2400), title="schoonmaker"),
    _o("92cba6b4-8fca-49bb-b68c-45c5096fedc9", "glazenwasser", HORECA, 0.4, 1.0, "vmbo",
       (2200, 2600)),
    _o("731ecac4-06e8-4ec2-a559-101fecbd9183", "medewerker huishoudelijke dienst", HORECA,
       1.2, 1.6, "basis", (2000, 2400), title="medewerker huishouding"),
    _o("31808988-fc0a-4bc3-9e47-27216d6759f5", "beveiliger", HORECA, 1.2, 1.0, "mbo",
       (2300, 2900), (BEVEILIGING,)),
    _o("1822bfc2-e735-449f-ba00-ca71eb5c062b", "conciërge", HORECA, 0.5, 1.8, "vmbo",
       (2300, 2800)),
    # office and business services: surplus of administrative staff
    _o("044d78cc-f62f-4532-83a5-8e04f2889652", "administratief medewerker", ZAKELIJK, 2.5,
       2.4, "mbo", (2300, 2900)),
    _o("c3aae59e-1441-4b3e-bdd1-6da50dc7cf42", "boekhouder", ZAKELIJK, 1.0, 1.2, "mbo",
       (2700, 3600), title="financieel administratief medewerker"),
    _o("ade351da-7bda-424e-8682-bbdcab2a25be", "salarisadministrateur", ZAKELIJK, 0.5, 1.0,
       "mbo", (2800, 3700)),
    _o("0ededdc2-050a-4ec3-8e70-6295105fcd19", "callcentermedewerker", ZAKELIJK, 1.5, 1.8,
       "vmbo", (2100, 2500), title="klantenservicemedewerker"),
    _o("13d1b2b4-99dd-44da-9734-c9f74bae18f7", "vertegenwoordiger klantenservice", ZAKELIJK,
       1.0, 1.5, "mbo", (2300, 2900), title="medewerker klantcontact"),
    _o("29fa406d-de89-4515-be8d-0fe7bda993f1", "inkoper", ZAKELIJK, 0.6, 1.2, "hbo",
       (3200, 4500)),
    _o("2eac08c2-a81a-46fc-8d75-eb0e0f3e0f6d", "accountmanager", ZAKELIJK, 1.0, 1.3, "hbo",
       (3200, 4800), (RIJBEWIJS_B,)),
    # ICT (Twente has a university and a high-tech cluster)
    _o("f2b15a0e-e65a-438a-affb-29b9d50b77d1", "software ontwikkelaar", ICT, 1.5, 0.6, "hbo",
       (3500, 5500), title="softwareontwikkelaar"),
    _o("9e2e6e1e-363b-4e1b-a673-7bc0f7343300", "ict systeembeheerder", ICT, 1.0, 0.8, "mbo",
       (3000, 4200), title="systeembeheerder"),
    _o("aaeec9a7-dc57-4485-890c-86b3eef735f9", "medewerker helpdesk", ICT, 1.0, 1.3, "mbo",
       (2500, 3200), title="servicedeskmedewerker"),
    _o("d3edb8f8-3a06-47a0-8fb9-9b212c006aa2", "data-analist", ICT, 0.5, 1.0, "hbo",
       (3500, 5000)),
    # green work
    _o("e7970c7a-7769-4002-87d3-0a8ea94fdd6f", "hovenier", GROEN, 1.0, 0.9, "vmbo",
       (2300, 2900)),
    _o("a48b9a5a-5ded-482d-8cda-7fd097a32c16",
       "medewerker groenvoorziening/medewerkster groenvoorziening", GROEN, 1.0, 1.4, "vmbo",
       (2200, 2700), title="medewerker groenvoorziening"),
    _o("1a9d99ba-4c08-4864-8f6a-1b0f2b4cf883", "tuinbouwmedewerker", GROEN, 0.8, 1.3,
       "basis", (2100, 2500)),
    _o("2480f8b0-4c02-4c66-84ad-2677c1548e03", "chauffeur vuilniswagen", GROEN, 0.4, 1.0,
       "vmbo", (2500, 3000), (RIJBEWIJS_C,), title="chauffeur reiniging"),
)

SECTORS: tuple[str, ...] = tuple(dict.fromkeys(o.sector for o in OCCUPATIONS))
