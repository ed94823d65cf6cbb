"""Word analysis for search: base forms and compound parts, computed in Python.

Finnish inflects and compounds freely, and search backends disagree on how to
stem it. So the portal analyses text itself, the same way for the index and
for the query, and every backend only has to match plain tokens:

- index side (:func:`index_terms`): each word gives its lower-case form, its
  base forms, the parts of a compound and the spans of those parts
  ("työkykykoordinaattorien" gives työkykykoordinaattori, työ, kyky,
  koordinaattori, työkyky, kykykoordinaattori);
- query side (:func:`query_terms`): each word gives its lower-case form and
  its base forms, never its parts, so "koordinaattori" finds the compound but
  "työkykykoordinaattori" does not find every page that mentions "työ".

Finnish uses Voikko (libvoikko with the voikko-fi dictionary). For words
Voikko does not know (field jargon, new compounds such as
"työhönvalmentajia"), a compound is split where both sides are words Voikko
knows, and unknown words without such a split get a Snowball stem.
Swedish and English use Snowball stems. Without libvoikko the Finnish
analysis falls back to Snowball alone and logs that once.
"""

import logging
import re
import threading
import unicodedata
from contextlib import contextmanager
from functools import lru_cache

import snowballstemmer

logger = logging.getLogger(__name__)

# A word: letters and digits, possibly joined by hyphens ("EU-rahoitus").
WORD_RE = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
MAX_WORD_LENGTH = 60
MIN_PART = 3  # shortest compound part considered by the fallback splitter
MIN_HEAD = 4  # shortest last part (head) considered by the fallback splitter
MAX_SPLIT_LENGTH = 32  # longer unknown tokens (codes, addresses) are not split

SNOWBALL_LANGUAGES = {"fi": "finnish", "sv": "swedish", "en": "english"}
# Word classes that carry no topic of their own (Voikko's CLASS values).
FUNCTION_CLASSES = {"sidesana", "kieltosana", "asemosana", "suhdesana"}
STOP_WORDS = {
    "fi": {"olla", "ja", "tai", "sekä", "myös", "kuin", "että", "jos", "niin", "vai"},
    "sv": {"och", "eller", "att", "som", "en", "ett", "i", "på", "av", "för", "med", "till",
           "det", "den", "är", "om", "de", "vi", "hur", "vad"},
    "en": {"and", "or", "the", "a", "an", "of", "in", "on", "for", "to", "with", "is", "are",
           "how", "what", "by", "at", "as", "it", "be"},
}

_local = threading.local()
_voikko_missing_logged = False


def _voikko():
    """One Voikko handle per thread (libvoikko handles are not thread-safe)."""
    global _voikko_missing_logged
    handle = getattr(_local, "voikko", None)
    if handle is None and not getattr(_local, "voikko_failed", False):
        try:
            import libvoikko

            handle = libvoikko.Voikko("fi")
        except Exception as error:  # library or dictionary missing
            _local.voikko_failed = True
            if not _voikko_missing_logged:
                logger.warning("Voikko is not available (%s); Finnish search uses "
                               "Snowball stems only.", error)
                _voikko_missing_logged = True
            return None
        _local.voikko = handle
    return handle


def voikko_available():
    return _voikko() is not None


def normalise(text):
    return unicodedata.normalize("NFC", text).lower()


def words(text):
    """The words of a text in order, lower-cased, hyphenated words kept whole."""
    return [word for word in WORD_RE.findall(normalise(text or "")) if len(word) <= MAX_WORD_LENGTH]


@lru_cache(maxsize=8)
def _stemmer(language):
    return snowballstemmer.stemmer(SNOWBALL_LANGUAGES.get(language, "finnish"))


@lru_cache(maxsize=200_000)
def stem(word, language="fi"):
    return _stemmer(language).stemWord(word)


@lru_cache(maxsize=200_000)
def _analyses(word):
    """Voikko's analyses of one word as (base form, compound parts, word class) tuples."""
    voikko = _voikko()
    if voikko is None or not word:
        return ()
    results = []
    for analysis in voikko.analyze(word):
        base = normalise(analysis.get("BASEFORM", ""))
        if not base:
            continue
        parts = _compound_parts(word, base, analysis.get("STRUCTURE", ""))
        results.append((base, tuple(parts), analysis.get("CLASS", "")))
    return tuple(results)


def _compound_parts(surface, base, structure):
    """Split a compound at Voikko's boundaries: leading parts as written, the last as base."""
    boundaries = []
    position = 0
    for char in structure:
        if char == "=":
            boundaries.append(position)
        else:
            position += 1
    boundaries = [b for b in boundaries if 0 < b < len(surface)]
    if not boundaries:
        return [base]
    starts = [0, *boundaries]
    leading = [surface[a:b] for a, b in zip(starts, boundaries, strict=False)]
    prefix = "".join(leading)
    if not base.startswith(prefix):
        return [base]
    return [part.strip("-") for part in [*leading, base[len(prefix):]] if part.strip("-")]


def _known_base_forms(word):
    return {base for base, _parts, _class in _analyses(word)}


@lru_cache(maxsize=100_000)
def _split_unknown(word):
    """Split a word Voikko does not know into known words: ("työhön", "valmentaja").

    Returns the parts with the last one in its base form, or () when no split
    into known words exists. The longest known head wins.
    """
    for cut in range(MIN_PART, len(word) - MIN_HEAD + 1):
        left, head = word[:cut], word[cut:]
        head_bases = _known_base_forms(head)
        if not head_bases:
            continue
        if _known_base_forms(left):
            left_parts = (left,)
        else:
            left_split = _split_unknown(left)
            if not left_split:
                continue
            left_parts = (*left_split[:-1], left)  # keep the left side as written
        return (*left_parts, sorted(head_bases, key=len)[0])
    return ()


def _spans(parts):
    """Every contiguous run of two or more parts, joined: the sub-compounds."""
    spans = set()
    for start in range(len(parts)):
        for end in range(start + 2, len(parts) + 1):
            spans.add("".join(parts[start:end]))
    return spans


@lru_cache(maxsize=200_000)
def _finnish_word(word):
    """(index terms, query terms, is a function word) of one Finnish word."""
    analyses = _analyses(word)
    index = {word}
    query = {word}
    if analyses:
        function_word = all(word_class in FUNCTION_CLASSES for _b, _p, word_class in analyses)
        for base, parts, _class in analyses:
            index.add(base)
            query.add(base)
            if len(parts) > 1:
                index.update(parts)
                index.update(_spans(parts))
                for part in parts[:-1]:
                    index.update(_known_base_forms(part))
        return frozenset(index), frozenset(query), function_word
    parts = _split_unknown(word) if len(word) <= MAX_SPLIT_LENGTH else ()
    if parts:
        compound = "".join(parts)
        index.update({compound, *parts, *_spans(parts)})
        for part in parts[:-1]:
            index.update(_known_base_forms(part))
        query.add(compound)
    word_stem = stem(word, "fi")
    index.add(word_stem)
    query.add(word_stem)
    return frozenset(index), frozenset(query), False


def _word_terms(word, language):
    """(index terms, query terms, is a function word) of one word in a language."""
    if language == "fi":
        return _finnish_word(word)
    word_stem = stem(word, language)
    terms = frozenset({word, word_stem})
    return terms, terms, word in STOP_WORDS.get(language, ())


def _pieces(word):
    """A hyphenated word and its pieces: "eu-rahoitus" -> eurahoitus, eu, rahoitus."""
    if "-" not in word:
        return [word]
    pieces = [piece for piece in word.split("-") if piece]
    return ["".join(pieces), *pieces]


def index_terms(text, language="fi"):
    """All terms of a text for the index, as a set of plain lower-case tokens."""
    terms = set()
    for word in words(text):
        for piece in _pieces(word):
            terms.update(_word_terms(piece, language)[0])
    return terms


def word_matcher_terms(word, language="fi"):
    """The index terms of one word: used to highlight the words a query matched."""
    terms = set()
    for piece in _pieces(normalise(word)):
        terms.update(_word_terms(piece, language)[0])
    return terms


def query_terms(text, language="fi"):
    """The query's words, each as the set of terms that may stand for it.

    Function words ("ja", "och", "the") are dropped unless nothing else is left.
    """
    groups, function_groups = [], []
    for word in words(text):
        piece = _pieces(word)[0]  # a hyphenated word as one: "eu-rahoitus" -> eurahoitus
        _index, query, function_word = _word_terms(piece, language)
        stop = function_word or piece in STOP_WORDS.get(language, ())
        (function_groups if stop else groups).append(query)
    return groups or function_groups


_switch = {"enabled": True}


def enabled():
    return _switch["enabled"]


@contextmanager
def disabled():
    """Index without the analysis (to measure Wagtail's default search beside it)."""
    _switch["enabled"] = False
    try:
        yield
    finally:
        _switch["enabled"] = True


def terms_text(terms):
    """Terms as one space-separated string, in a stable order (for the index field)."""
    return " ".join(sorted(terms))
