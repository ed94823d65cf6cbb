"""Innokylä importer: decode an uploaded page and parse it into plain values.

Pure Python (no Django models); the caller maps ParsedDescription to pages.
"""

from .decoding import MAX_BYTES, ImportInputError, decode_upload
from .parser import (
    LABELS,
    OPERATING_MODEL,
    OTHER_SECTION,
    PROGRAMME,
    SECTION_KEYS,
    STAGE_DEVELOPING,
    STAGE_EVALUATED,
    STAGE_READY,
    ParsedDescription,
    Section,
    html_to_text,
    looks_like_html,
    meaningful_lines,
    parse,
    parse_date,
    parse_period,
    split_tags,
)

__all__ = [
    "LABELS",
    "MAX_BYTES",
    "OPERATING_MODEL",
    "OTHER_SECTION",
    "PROGRAMME",
    "SECTION_KEYS",
    "STAGE_DEVELOPING",
    "STAGE_EVALUATED",
    "STAGE_READY",
    "ImportInputError",
    "ParsedDescription",
    "Section",
    "decode_upload",
    "html_to_text",
    "looks_like_html",
    "meaningful_lines",
    "parse",
    "parse_date",
    "parse_period",
    "split_tags",
]
