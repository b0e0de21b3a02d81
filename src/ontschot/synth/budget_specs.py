"""The demo region's financiers, funds, rules and instruments, with where each comes from.

The funds follow real Dutch schemes (their sources are stored on the fund and listed in
`docs/demo.md`); amounts are sized to a region's year so that some funds run low, as the
UWV scholingsvoucher did in 2017. Municipal funds are made for the region's three largest
municipalities, so a region other than Twente gets the same shape.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ontschot.synth.regions import Region

CARE_SECTOR = "Zorg en welzijn"  # the care chain's sector (chain_specs.CHAINS)

SOURCE_SCHOLINGSVOUCHER = (
    "Naar het voorbeeld van de UWV-scholingsvoucher (Tijdelijke regeling subsidie scholing "
    "richting een kansberoep, 2016–2018): de volledige opleidingskosten tot € 2.500 incl. "
    "btw, eenmaal per persoon, voor werkzoekenden met WW. Het landelijke plafond was in "
    "2017 in april bereikt. Bronnen: caict.nl/subsidies/4-10-scholingsvouchers-werkzoekenden-2; "
    "UWV jaarverslag 2016, 'Scholingsvoucher en plaatsingsfee 2017'."
)
SOURCE_PROEFPLAATSING = (
    "UWV-proefplaatsing: UWV betaalt de uitkering door tijdens een proefplaatsing van ten "
    "hoogste 2 maanden; jobcoaching voor mensen met WIA of Wajong (Werkvoorzieningen UWV). "
    "Bron: fhkn.nl, 'Scholingsvoucher uitgebreid' (december 2014)."
)
SOURCE_LOONKOSTENSUBSIDIE = (
    "De gemeente vergoedt de werkgever het verschil tussen loonwaarde en wettelijk "
    "minimumloon voor mensen in de bijstand met een loonwaarde onder het minimumloon; de "
    "loonwaardemeting is de offerte. Bron: Participatiewet artikel 10c, 10d, 10da en 10e; "
    "Besluit loonkostensubsidie Participatiewet 2021 (wetten.overheid.nl/BWBR0044894)."
)
SOURCE_REINTEGRATIE = (
    "Gemeentelijk re-integratiebudget (Participatiewet, werkdeel van het participatiebudget): "
    "taal, werkfit-trajecten, schuldhulp en reiskosten voor inwoners met bijstand en voor "
    "'niet-uitkeringsgerechtigden' (nuggers). Bron: Participatiewet artikel 7 (ondersteuning "
    "bij arbeidsinschakeling door het college), wetten.overheid.nl/BWBR0015703."
)
SOURCE_REGIONAAL = (
    "Naar de financiering van het Leerwerkloket Twente (december 2016): UWV, het ROC van "
    "Twente en de 14 Twentse gemeenten brengen elk ten minste € 75.000 per jaar in, vijf jaar "
    "lang; het geld is er voor iedereen in de regio, ook zonder uitkering. Bronnen: "
    "roskam.nl, 'Meer geldstromen voor matches op de arbeidsakker in Twente'; radiohengelotv.nl, "
    "'Leerwerkloket Twente blijvend in actie'."
)
SOURCE_SZW = (
    "Structurele bijdrage van het ministerie van SZW aan het Leerwerkloket (€ 100.000 per "
    "jaar vanaf 2017) voor onafhankelijk loopbaan- en scholingsadvies, ook voor werkenden met "
    "risico op ontslag. Bron: radiohengelotv.nl, 'Leerwerkloket Twente blijvend in actie'."
)
SOURCE_SECTORPLAN = (
    "Naar SectorplanPlus Zorg en Welzijn (VWS, 2017–2021, via de regionale "
    "werkgeversorganisaties van RegioPlus): cofinanciering van opleidingen in zorg en welzijn, "
    "tot € 2.500 per praktijkleerplaats. Bronnen: wzw.nl/hrm/arbeidsmarkt-en-onderwijs/"
    "sectorplanplus; leerpuntkoel.nl, 'Subsidies'."
)


@dataclass(frozen=True)
class FinancierSpec:
    key: str
    name: str
    kind: str


@dataclass(frozen=True)
class FundSpec:
    financier: str
    name: str
    euros_per_year: int
    rules: dict[str, Any]
    source: str
    yearly: bool = True  # one fund per calendar year, or one over the whole demo window


@dataclass(frozen=True)
class InstrumentSpec:
    kind: str
    name: str
    provider: str
    euros: int | None  # None: priced per quote
    weeks: int | None
    quote_euros: tuple[int, int] = (0, 0)  # the range a quote falls in


@dataclass(frozen=True)
class BudgetSpec:
    financiers: tuple[FinancierSpec, ...]
    funds: tuple[FundSpec, ...]
    instruments: tuple[InstrumentSpec, ...] = field(default=())


def budget_spec(region: Region) -> BudgetSpec:
    big = region.largest[:3]
    financiers = [
        FinancierSpec("uwv", f"UWV {region.name}", "uwv"),
        FinancierSpec("szw", "Ministerie van Sociale Zaken en Werkgelegenheid", "national"),
        FinancierSpec(
            "werkplein",
            f"Werkplein {region.name} (UWV, ROC en de {len(region.municipalities)} gemeenten)",
            "other",
        ),
        FinancierSpec(
            "zorg", f"Zorg en Welzijn {region.name} (werkgeversorganisatie)", "sector_fund"
        ),
        *(FinancierSpec(f"gemeente:{m}", f"Gemeente {m}", "gemeente") for m in big),
    ]
    funds = [
        FundSpec(
            "uwv",
            "UWV-scholingsbudget WW",
            90_000,
            {
                "instruments": ["training"],
                "benefits": ["ww"],
                "maxPerPersonCents": 250_000,
                "maxPerInterventionCents": 250_000,
            },
            SOURCE_SCHOLINGSVOUCHER,
        ),
        FundSpec(
            "uwv",
            "UWV proefplaatsing en jobcoaching",
            60_000,
            {
                "instruments": ["trial_placement", "job_coaching"],
                "benefits": ["ww", "wia", "wajong"],
            },
            SOURCE_PROEFPLAATSING,
        ),
        *(
            FundSpec(
                f"gemeente:{m}",
                f"Loonkostensubsidie Participatiewet {m}",
                share,
                {
                    "instruments": ["wage_cost_subsidy", "job_coaching"],
                    "benefits": ["bijstand"],
                    "municipalities": [m],
                },
                SOURCE_LOONKOSTENSUBSIDIE,
            )
            for m, share in zip(big, (260_000, 120_000, 110_000), strict=False)
        ),
        FundSpec(
            f"gemeente:{big[0]}",
            f"Re-integratiebudget {big[0]}",
            70_000,
            {
                "instruments": ["language_course", "work_fit", "debt_counselling", "travel_costs"],
                "benefits": ["bijstand", "none"],
                "municipalities": [big[0]],
            },
            SOURCE_REINTEGRATIE,
        ),
        FundSpec(
            "zorg",
            f"Sectorfonds Zorg en Welzijn {region.name}",
            60_000,
            {
                "instruments": ["training"],
                "sectors": [CARE_SECTOR],
                "maxPerInterventionCents": 250_000,
                "coFinancingPercent": 50,
            },
            SOURCE_SECTORPLAN,
        ),
        FundSpec(
            "szw",
            "Loopbaanadvies Leerwerkloket",
            30_000,
            {"instruments": ["career_advice"]},
            SOURCE_SZW,
        ),
        FundSpec(
            "werkplein",
            f"Regionaal werkfonds {region.name}",
            240_000,
            {
                "instruments": [
                    "training",
                    "career_advice",
                    "job_coaching",
                    "language_course",
                    "trial_placement",
                    "travel_costs",
                ],
                "maxPerPersonCents": 500_000,
            },
            SOURCE_REGIONAAL,
            yearly=False,
        ),
    ]
    instruments = (
        InstrumentSpec(
            "job_coaching", "Jobcoaching, 6 maanden", f"Jobcoach {region.name}", 2_400, 26
        ),
        InstrumentSpec(
            "trial_placement",
            "Begeleiding proefplaatsing, 2 maanden",
            f"Werkplein {region.name}",
            900,
            9,
        ),
        InstrumentSpec(
            "wage_cost_subsidy",
            "Loonkostensubsidie, eerste 6 maanden (na loonwaardemeting)",
            f"Gemeente {big[0]}",
            None,
            26,
            (2_400, 6_600),
        ),
        InstrumentSpec(
            "language_course", "Taalcursus NT2, A2 naar B1", f"Taalhuis {region.name}", 1_350, 20
        ),
        InstrumentSpec("work_fit", "Werkfit-traject", f"Re-integratie {region.name}", 2_750, 16),
        InstrumentSpec("career_advice", "Loopbaanadvies", f"Leerwerkloket {region.name}", 650, 6),
        InstrumentSpec(
            "debt_counselling", "Budgetcoaching bij schulden", f"Schuldhulp {big[0]}", 600, 12
        ),
        InstrumentSpec(
            "travel_costs",
            "Reiskosten naar werk of opleiding",
            "Openbaar vervoer",
            None,
            12,
            (90, 480),
        ),
    )
    return BudgetSpec(tuple(financiers), tuple(funds), instruments)
