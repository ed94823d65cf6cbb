"""The pure-Python importer modules mark their messages; the Django layer translates them."""

import ast
from pathlib import Path

import pytest
from django.utils import translation

from models_library.importer import parse
from models_library.importer.messages import ParserWarning, translate_warning
from tests.models_library.importer_support import fixture_bytes

IMPORTER = Path(__file__).resolve().parents[2] / "models_library" / "importer"
PURE_MODULES = ("parser.py", "decoding.py", "devpath.py", "evaluation.py", "tabs.py")


def marked_messages() -> list[str]:
    """Every string literal passed to gettext_noop in the pure importer modules."""
    messages = []
    for name in PURE_MODULES:
        path = IMPORTER / name
        if not path.exists():
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "gettext_noop"):
                messages.append(ast.literal_eval(node.args[0]))
    return messages


def test_the_parser_marks_its_warnings():
    assert "Label '%(label)s' has no value." in marked_messages()


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_marked_importer_message_is_translated(language):
    messages = marked_messages()
    with translation.override(language):
        untranslated = [message for message in messages if translation.gettext(message) == message]
    assert untranslated == []


def test_a_warning_reads_as_english_and_translates_with_its_parameters():
    text = fixture_bytes("toimintamalli_vanha_katkennut.txt").decode("utf-8")
    warnings = parse(text).warnings

    label = next(w for w in warnings if w.template == "Label '%(label)s' has no value.")
    assert label == "Label 'Toimintamallin kokonaisuus' has no value."
    assert label.params == {"label": "Toimintamallin kokonaisuus"}
    with translation.override("fi"):
        assert translate_warning(label, translation.gettext) == (
            "Kentällä ”Toimintamallin kokonaisuus” ei ole arvoa.")
    with translation.override("sv"):
        assert translate_warning(label, translation.gettext) == (
            "Fältet ”Toimintamallin kokonaisuus” har inget värde.")


def test_a_value_with_a_percent_sign_is_not_read_as_a_template():
    warning = ParserWarning("Unknown development stage: %(value)s", value="100 %(x)s valmis")
    assert warning == "Unknown development stage: 100 %(x)s valmis"
    with translation.override("fi"):
        assert translate_warning(warning, translation.gettext) == (
            "Tuntematon kehittämisen vaihe: 100 %(x)s valmis")
