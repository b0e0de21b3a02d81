"""Validators for outside input shared by the registry schemas (API, pages, CSV import)."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.nl import bsn as stdnum_bsn
from stdnum.nl import postcode as stdnum_postcode

from ontschot.geo import find_municipality

ESCO_PREFIX = "http://data.europa.eu/esco/"
_ISO_639_3 = re.compile(r"^[a-z]{3}$")
_KVK = re.compile(r"^[0-9]{8}$")


def check_bsn(value: str) -> str:
    """A BSN that passes the 11-proef, as nine digits. The value is never echoed in errors."""
    try:
        return str(stdnum_bsn.validate(value))
    except StdnumError:
        raise ValueError("geen geldig BSN (11-proef)") from None


def check_postcode(value: str) -> str:
    try:
        return str(stdnum_postcode.validate(value)).replace(" ", "")
    except StdnumError:
        raise ValueError("geen geldige postcode (1234AB)") from None


def check_municipality(value: str) -> str:
    found = find_municipality(value)
    if found is None:
        raise ValueError("onbekende gemeente")
    return found.name


def check_esco_uri(value: str) -> str:
    value = value.strip()
    if not value.startswith(ESCO_PREFIX) or len(value) > 200 or " " in value:
        raise ValueError(f"geen ESCO-URI (begint met {ESCO_PREFIX})")
    return value


def check_uri(value: str) -> str:
    value = value.strip()
    if not value.startswith(("http://", "https://")) or len(value) > 200 or " " in value:
        raise ValueError("geen geldige URI")
    return value


def check_language(value: str) -> str:
    value = value.strip().lower()
    if not _ISO_639_3.match(value):
        raise ValueError("taalcode volgens ISO 639-3 (drie letters, bijv. nld)")
    return value


def check_kvk(value: str) -> str:
    """KvK number: eight digits. python-stdnum has no Dutch KvK module and KvK numbers carry
    no check digit since 2016, so the format is all that can be checked offline."""
    value = value.strip().replace(" ", "")
    if not _KVK.match(value):
        raise ValueError("KvK-nummer bestaat uit 8 cijfers")
    return value


def check_text(value: str) -> str:
    value = " ".join(value.split())
    if not value:
        raise ValueError("mag niet leeg zijn")
    return value


Bsn = Annotated[str, AfterValidator(check_bsn)]
Postcode = Annotated[str, AfterValidator(check_postcode)]
MunicipalityName = Annotated[str, AfterValidator(check_municipality)]
EscoUri = Annotated[str, AfterValidator(check_esco_uri)]
OtherUri = Annotated[str, AfterValidator(check_uri)]
LanguageCode = Annotated[str, AfterValidator(check_language)]
KvkNumber = Annotated[str, AfterValidator(check_kvk)]
Text = Annotated[str, AfterValidator(check_text)]
