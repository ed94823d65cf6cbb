"""Highlighted snippets: the passage of a page that best matches the query.

Words are matched the way the index matches them (base forms and compound
parts from ``portal.morphology``), so "koordinaattori" highlights
"työkykykoordinaattorien" on every backend alike.
"""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from portal import morphology

SENTENCE_RE = re.compile(r"(?<=[.!?])\s+|\n+")
MAX_SCANNED_CHARS = 50_000
SNIPPET_WORDS = 36


def _matcher(parsed, language):
    """word -> index of the query word it matches, or None."""
    groups = list(parsed.groups)
    for words in parsed.phrase_words():
        groups.extend(frozenset({word}) for word in words)
    cache = {}

    def match(word):
        if word not in cache:
            terms = morphology.word_matcher_terms(word, language)
            cache[word] = next((i for i, group in enumerate(groups) if group & terms), None)
        return cache[word]

    return match


def _render(text, spans):
    """Escape text and wrap the (start, end) spans in <mark>."""
    out, position = [], 0
    for start, end in spans:
        out.append(escape(text[position:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    out.append(escape(text[position:]))
    return mark_safe("".join(out))


def highlight(text, parsed, language):
    """The text with every matching word marked (for titles)."""
    match = _matcher(parsed, language)
    spans = [(m.start(), m.end()) for m in morphology.WORD_RE.finditer(text or "")
             if match(m.group().lower()) is not None]
    return _render(text or "", spans)


def snippet(text, parsed, language, fallback=""):
    """The best-matching passage of ``text`` with matches marked, about 36 words long."""
    text = (text or "")[:MAX_SCANNED_CHARS]
    match = _matcher(parsed, language)
    best = None
    for sentence in SENTENCE_RE.split(text):
        sentence = " ".join(sentence.split())
        if not sentence:
            continue
        found = [(m, match(m.group().lower())) for m in morphology.WORD_RE.finditer(sentence)]
        found = [(m, group) for m, group in found if group is not None]
        if not found:
            continue
        score = (len({group for _m, group in found}), len(found))
        if best is None or score > best[0]:
            best = (score, sentence, [m for m, _g in found])
    if best is None:
        passage = " ".join((fallback or text).split()[:SNIPPET_WORDS])
        return escape(passage + ("…" if len((fallback or text).split()) > SNIPPET_WORDS else ""))
    _score, sentence, matches = best
    return _window(sentence, matches)


def _window(sentence, matches):
    """At most SNIPPET_WORDS words of the sentence, around its first match."""
    words = list(re.finditer(r"\S+", sentence))
    if len(words) <= SNIPPET_WORDS:
        start, end, prefix, suffix = 0, len(sentence), "", ""
    else:
        first = next(i for i, w in enumerate(words) if w.end() > matches[0].start())
        first_word = max(0, min(first - SNIPPET_WORDS // 3, len(words) - SNIPPET_WORDS))
        last_word = first_word + SNIPPET_WORDS - 1
        start, end = words[first_word].start(), words[last_word].end()
        prefix = "…" if first_word > 0 else ""
        suffix = "…" if last_word < len(words) - 1 else ""
    spans = [(m.start() - start, m.end() - start) for m in matches
             if m.start() >= start and m.end() <= end]
    return mark_safe(escape(prefix) + _render(sentence[start:end], spans) + escape(suffix))
