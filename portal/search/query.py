"""The visitor's query: read safely, analysed like the index, built for any backend.

Words become groups of alternatives (the word and its base forms, see
``portal.morphology``); a page matches a word when it holds any alternative,
and ranks higher the more words it matches. Text in double quotes must occur
as written (an exact phrase; a single quoted word is matched as written, without
base forms). Operators and other syntax are not interpreted: they are read as
plain words or dropped, so no input reaches a backend's own query parser.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from wagtail.search.query import And, MatchAll, Or, Phrase, PlainText

from portal import morphology

MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
MAX_PHRASES = 3
QUOTE_RE = re.compile(r'"([^"]*)"')


@dataclass
class ParsedQuery:
    text: str = ""  # the query as shown back to the visitor (cleaned, shortened)
    groups: list = field(default_factory=list)  # [frozenset(alternatives)] per word
    phrases: list = field(default_factory=list)  # [str] exact phrases, as written
    notes: list = field(default_factory=list)

    @property
    def is_empty(self):
        return not self.groups and not self.phrases

    def all_terms(self):
        return set().union(*self.groups) if self.groups else set()

    def phrase_words(self):
        return [morphology.words(phrase) for phrase in self.phrases]

    def backend_query(self):
        """A Wagtail search query object; MatchAll when there is nothing to look for."""
        parts = [Phrase(" ".join(words)) for words in self.phrase_words() if words]
        terms = sorted(self.all_terms())
        if terms:
            parts.append(Or([PlainText(term) for term in terms]))
        if not parts:
            return MatchAll()
        return parts[0] if len(parts) == 1 else And(parts)


def clean(raw):
    """Printable text only, whitespace collapsed."""
    text = "".join(
        char if unicodedata.category(char)[0] not in {"C"} else " " for char in raw or ""
    )
    return " ".join(text.split())


def parse(raw, language="fi"):
    text = clean(raw)
    notes = []
    if len(text) > MAX_QUERY_LENGTH:
        text = text[:MAX_QUERY_LENGTH].rsplit(" ", 1)[0] or text[:MAX_QUERY_LENGTH]
        notes.append(_("Your search was long, so only its first %(count)d characters were "
                       "used.") % {"count": MAX_QUERY_LENGTH})
    phrases = []
    if text.count('"') >= 2:
        phrases = [p for p in (" ".join(morphology.words(m.replace("-", " ")))
                               for m in QUOTE_RE.findall(text))
                   if p][:MAX_PHRASES]
        rest = QUOTE_RE.sub(" ", text)
    else:
        rest = text
    rest = rest.replace('"', " ")
    # A one-word phrase is a word to match exactly: keep it as its own group.
    exact_groups = [frozenset({p}) for p in phrases if " " not in p]
    phrases = [p for p in phrases if " " in p]
    groups = exact_groups + morphology.query_terms(rest, language)
    if len(groups) > MAX_WORDS:
        groups = groups[:MAX_WORDS]
        notes.append(_("Only the first %(count)d words of your search were used.")
                     % {"count": MAX_WORDS})
    return ParsedQuery(text=text, groups=groups, phrases=phrases, notes=notes)
