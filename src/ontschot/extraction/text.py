"""Text handling for extraction: tokens with offsets, a light Dutch/English stemmer,
compound splitting and sentence boundaries.

The stemmer is deliberately crude and symmetric: labels and input pass through the same
function, so 'verpleegster', 'verpleger' and 'verplegers' meet in one key, as do
'magazijnmedewerkers' and 'magazijnmedewerker', 'kassière' and 'kassier'. It only has to
make equal things equal; it never has to produce a real word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from ontschot.taxonomy.text import fold_accents

_WORD = re.compile(r"[^\W_]+(?:\+\+|#|['’][^\W_]+)?", re.UNICODE)
_SENTENCE_END = re.compile(r"\s*\n\s*[-•*·▪–]?\s*|(?<=[.!?:])\s+|\s+[•▪·]\s+")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words and vacancy boilerplate that carry no skill or occupation meaning.
STOPWORDS = _words(
    """
    de het een en of van voor in op met aan bij als door naar om te tot uit over onder
    dat die dit deze wat wie je jij jouw u uw wij we ons onze hij zij ze hun zijn is
    wordt worden werd ben bent heeft hebt heb hebben kan kun kunt kunnen zal zult zullen
    moet moeten mag mogen wil wilt willen ook nog niet geen wel zeer erg heel meer veel
    goed goede nieuwe alle andere eigen zoals waarbij waar zowel binnen tussen tijdens
    the a an and or of for in on with at by as to from into over under that this these
    those what who you your we our us he she they their his her its is are be been being
    has have having can could will would shall should must may might not no also very
    more much good new all other own such as well within between during via per
    m v x mv
    """
)

# Words that announce how strongly a requirement holds.
ESSENTIAL_CUES = (
    "vereist",
    "verplicht",
    "noodzakelijk",
    "beschik je over",
    "je beschikt over",
    "must",
    "required",
    "requirement",
    "essential",
    "mandatory",
    "you have",
    "je hebt",
    "heb je",
    "minimaal",
    "at least",
    "need to",
    "moet je",
)
OPTIONAL_CUES = (
    "pré",
    "pre",
    "pluspunt",
    "een plus",
    "is een plus",
    "bij voorkeur",
    "nice to have",
    "nice-to-have",
    "preferred",
    "preferably",
    "a plus",
    "bonus",
    "welkom",
    "an advantage",
    "strekt tot aanbeveling",
    "optioneel",
)


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    norm: str
    stem: str


# The same folding as taxonomy search, so labels and input meet in one form.
fold_text = fold_accents


# Words repeat a lot; whole texts do not, so only the word-level calls are cached.
fold = lru_cache(maxsize=100_000)(fold_text)


def _collapse_doubles(word: str) -> str:
    out: list[str] = []
    for ch in word:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


_GENDER = (
    ("trices", "teur"),
    ("trice", "teur"),
    ("euses", "eur"),
    ("euse", "eur"),
    ("aressen", "aar"),
    ("ares", "aar"),
    ("sters", "er"),
    ("ster", "er"),
)
_DIMINUTIVE = ("etjes", "tjes", "pjes", "jes", "etje", "tje", "pje", "je")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Symmetric matching key for a folded word (Dutch and English suffixes)."""
    w = word.replace("'", "").replace("’", "")
    if len(w) <= 3 or w.isdigit():
        return w
    for suffix, repl in _GENDER:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)] + repl
            break
    else:
        for suffix in _DIMINUTIVE:
            if w.endswith(suffix) and len(w) - len(suffix) >= 4:
                w = w[: -len(suffix)]
                break
        else:
            if w.endswith("ies") and len(w) > 5:
                w = w[:-3] + "y"
            elif w.endswith("en") and len(w) > 5:
                w = w[:-2]
            elif w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 4:
                w = w[:-1]
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    elif w.endswith("t") and len(w) > 4 and w[-2] not in "aeiou":
        w = w[:-1]  # verb forms: 'bewaakt' ~ 'bewaken', 'rijdt' ~ 'rijden'
    return _collapse_doubles(w)


@lru_cache(maxsize=200_000)
def word_stem(word: str) -> str:
    """`stem`, and also short Dutch infinitives: 'laden' meets 'laadt' (and 'vracht laden').

    Used for skill labels and the words of a text; occupation titles keep `stem`, whose
    trigrams the title figures were tuned on.
    """
    if len(word) == 5 and word.endswith("en") and word.isalpha():
        return _collapse_doubles(word[:3])
    return stem(word)


def tokens(text: str) -> list[Token]:
    """Word tokens with character offsets into `text`."""
    out = []
    for match in _WORD.finditer(text):
        norm = fold(match.group())
        if norm:
            out.append(Token(match.start(), match.end(), norm, word_stem(norm)))
    return out


def label_keys(text: str) -> list[str]:
    """Stems of the content words of a label, in order."""
    return [t.stem for t in tokens(text) if t.norm not in STOPWORDS and len(t.stem) > 1]


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of sentences or bullet lines, stripped of surrounding space."""
    start = 0
    for match in _SENTENCE_END.finditer(text):
        yield from _trimmed(text, start, match.start())
        start = match.end()
    yield from _trimmed(text, start, len(text))


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end - start >= 2:
        yield start, end


_LINKS = ("", "s", "e", "en")


class CompoundSplitter:
    """Splits Dutch compounds into known parts: 'heftruckchauffeur' -> heftruck + chauffeur.

    `known` tells whether a stem is a word of the taxonomy's vocabulary. The head (the last
    part) carries the meaning in Dutch, so callers may weigh it more.
    """

    def __init__(self, known: Callable[[str], bool], min_part: int = 4) -> None:
        self._known = known
        self._min = min_part
        self._cache: dict[str, tuple[str, ...]] = {}

    def split(self, word: str) -> tuple[str, ...]:
        """Parts of `word` (folded, not stemmed), or () when it is no compound of known words."""
        if len(word) < 2 * self._min or not word.isalpha():
            return ()
        cached = self._cache.get(word)
        if cached is None:
            cached = self._split(word, depth=0) or ()
            if len(self._cache) < 200_000:
                self._cache[word] = cached
        return cached

    def _split(self, word: str, depth: int) -> tuple[str, ...] | None:
        # Prefer the longest head: 'vrachtwagenchauffeur' -> vrachtwagen + chauffeur.
        for cut in range(self._min, len(word) - self._min + 1):
            head = word[cut:]
            if not self._known(word_stem(head)):
                continue
            left = word[:cut]
            for link in _LINKS:
                if link and not left.endswith(link):
                    continue
                base = left[: len(left) - len(link)] if link else left
                if len(base) < 3:
                    continue
                if self._known(word_stem(base)) or self._known(base):
                    return (base, head)
                if depth < 1 and len(base) >= 2 * self._min:
                    inner = self._split(base, depth + 1)
                    if inner:
                        return (*inner, head)
        return None


_FOREIGN = _words(
    """
    und der das ist nicht mit für auf wir sie ich sind einer eine dem den auch sich werden
    les des et pour vous nous avec est une dans sur pas qui sont aux par ce cette leur
    el los las y para con por una del que es en su al como más
    """
)
_DUTCH = _words(
    """
    de het een en van voor met je jij jouw wij ons onze bij als ook niet zijn wordt hebt
    heb bent kun kunt naar wat deze die dit ervaring werkzaamheden functie vereist
    """
)
_ENGLISH = _words(
    """
    the and of for with you your we our at as also not are is be have has will can this
    that experience job role required skills work
    """
)


def detect_language(text: str) -> str | None:
    """'nl', 'en', or None when the text is clearly in another language.

    Short texts (a job title) carry too few function words to tell; they count as Dutch,
    and matching uses the labels of both languages anyway.
    """
    words = [fold(m.group()) for m in _WORD.finditer(text[:5000])]
    dutch = sum(w in _DUTCH for w in words)
    english = sum(w in _ENGLISH for w in words)
    foreign = sum(w in _FOREIGN and w not in _DUTCH and w not in _ENGLISH for w in words)
    if foreign >= 3 and foreign > 2 * (dutch + english):
        return None
    return "en" if english > dutch else "nl"
