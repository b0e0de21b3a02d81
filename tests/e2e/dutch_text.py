"""Finding English on a Dutch page: the visible text, without what is marked `lang="en"`,
checked against words that are English and not Dutch, and against raw codes."""

from __future__ import annotations

import re
from html.parser import HTMLParser


# Frequent English words that are not (also) Dutch words, and the English of our own domain
# and of the frameworks we use. "of", "is", "in", "over", "door", "want", "diploma", "basis"
# are Dutch too.
def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


ENGLISH = _words(
    """
    the and with for from this that these those should would could must will shall your
    you our their there what which when where why who how not yes please input valid field
    required error errors success failure failed denied invalid value values string integer
    number true false none null read write create update delete list show user users
    candidate candidates vacancy vacancies employer employers skill skills occupation
    occupations matches scores level levels seeking employed risk placed inactive certificate
    licence language education source self declared confirmed admin analyst visitor
    page pages next previous search results result found loading submit save cancel back
    home logout password name first last birth date available hours travel minutes permanent
    temporary full part time job title description requirements optional essential related
    covered missing gaps gap offers offer provider cost unknown other share profile
    suggestions introduction introductions consent purpose category legal public task
    settings erase
    """
)

# Words that look English but are right on these pages (names, abbreviations, Dutch usage).
ALLOWED = _words(
    """
    esco api json-ld kvk bsn nug ww wajong wia mbo hbo wo vca vol-vca bhv haccp uwv roc sbb
    rmt ict it e-mail email-adres online open team manager management coach coaches
    jobcoaching ontschot eupl twente b c ce d be
    """
)

_CODE = re.compile(r"\b[a-z]+(?:[._][a-z]+)+\b")  # candidate.read, from_occupation
_CAMEL = re.compile(r"\b[a-z]+[A-Z][a-zA-Z]+\b")  # firstName, hasBsn
_WORD = re.compile(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'-]*")


class _Page(HTMLParser):
    """Visible text outside `lang="en"` elements, and the links of the page."""

    SKIP = frozenset({"script", "style", "template", "noscript"})
    VOID = frozenset({"br", "img", "input", "meta", "link", "hr", "source", "wbr", "col", "area"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.links: list[str] = []
        self._stack: list[bool] = []  # per open element: hidden from the check?

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "a" and found.get("href"):
            self.links.append(str(found["href"]))
        if tag in self.VOID:
            return
        hidden = bool(self._stack and self._stack[-1])
        hidden = hidden or tag in self.SKIP or (found.get("lang") or "").startswith("en")
        self._stack.append(hidden)

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID and self._stack:
            self._stack.pop()

    def handle_data(self, data: str) -> None:
        if not (self._stack and self._stack[-1]):
            self.parts.append(data)


def read_page(html: str) -> tuple[str, list[str]]:
    """The checked text and the links of an HTML page."""
    parser = _Page()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split()), parser.links


def english_in(text: str, extra_allowed: frozenset[str] = frozenset()) -> list[str]:
    """English words and raw codes in `text` (a page's checked text)."""
    allowed = ALLOWED | extra_allowed
    text = re.sub(r"\S+@\S+|https?://\S+|\b[\w.-]+\.(?:nl|eu|org|com|example)\b", " ", text)
    found = [m.group(0) for m in _CODE.finditer(text)]
    found += [m.group(0) for m in _CAMEL.finditer(text)]
    found += [w for w in _WORD.findall(text) if w.lower() in ENGLISH and w.lower() not in allowed]
    return sorted(set(found))
