"""The chain type every region starts with: the two phases of the chain approach.

It is data, not code: `service.revise_chain_type` writes it as version 1 (the demo and a new
region do so), and an administrator changes it into version 2, 3, ... from the pages or API.
"""

from __future__ import annotations

from ontschot.chains.schemas import ChainTypeVersionCreate

STANDARD_KEY = "standaard"

STANDARD_CHAIN_TYPE = ChainTypeVersionCreate.model_validate(
    {
        "name": "Beroepsgroepenketen in twee fasen",
        "phases": [
            {
                "name": "Fase 1: ontwikkelen zonder werkgever",
                "needsEmployer": False,
                "statuses": ["Intake", "Scholing", "Werkfit-activiteiten", "Klaar voor werkgever"],
            },
            {
                "name": "Fase 2: werken bij een werkgever",
                "needsEmployer": True,
                "statuses": ["Proefplaatsing", "Betaald werk", "Nazorg"],
            },
        ],
        "results": [
            {"name": "Duurzaam werk", "isWork": True},
            {"name": "Werk (niet duurzaam)", "isWork": True},
            {"name": "Naar opleiding", "isWork": False},
            {"name": "Uitgevallen", "isWork": False},
            {"name": "Verhuisd of buiten de regio", "isWork": False},
        ],
    }
)
