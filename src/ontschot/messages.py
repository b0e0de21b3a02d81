"""Validation messages in Dutch, for pages and for the row reports of imports alike."""

from __future__ import annotations

# pydantic's English messages, as a person on a Dutch page reads them
_MESSAGES = {
    "Field required": "Vul dit veld in.",
    "Input should be a valid date": "Vul een datum in (dd-mm-jjjj).",
    "Input should be a valid integer": "Vul een heel getal in.",
    "Input should be a valid number": "Vul een getal in.",
    "Input should be a valid string": "Vul tekst in.",
    "String should have at most": "Dit is te lang.",
    "String should have at least": "Dit is te kort.",
    "List should have at most": "Dit zijn te veel keuzes.",
    "Extra inputs are not permitted": "Dit veld is onbekend.",
    "String should match pattern": "Dit heeft niet de goede vorm.",
}


def dutch_message(message: str) -> str:
    """A pydantic message in Dutch; ours are Dutch already and only get a capital."""
    message = message.removeprefix("Value error, ")
    for english, dutch in _MESSAGES.items():
        if message.startswith(english):
            return dutch
    if message.startswith("Input should be less than or equal to"):
        return "Dit getal is te groot."
    if message.startswith("Input should be greater than or equal to"):
        return "Dit getal is te klein."
    if message.startswith("Input should be"):
        return "Kies een van de mogelijkheden."
    return message[:1].upper() + message[1:] + ("" if message.endswith(".") else ".")
