"""Messages of the pure-Python importer modules (parser, decoding): no Django imports.

The parser and the decoder cannot translate: they run without settings and
without an active language. They mark their message templates with
``gettext_noop`` (a no-op of that name, which ``makemessages`` extracts like
Django's own) and hand on the template with its parameters; the Django layer
(the mapping, the admin view, the command) translates with ``gettext`` when it
shows the message, in the language of the editor who reads it.
"""


def gettext_noop(message: str) -> str:
    """Mark a message for translation without translating it (extracted by makemessages)."""
    return message


class ParserWarning(str):
    """A warning as English text that also carries its message template and parameters.

    It compares and prints as the English message (command output and logs stay
    readable); ``translate(gettext)`` gives it in the active language.
    """

    template: str
    params: dict

    def __new__(cls, template: str, **params) -> "ParserWarning":
        text = template % params if params else template
        warning = super().__new__(cls, text)
        warning.template = template
        warning.params = params
        return warning

    def translate(self, gettext) -> str:
        translated = gettext(self.template)
        return translated % self.params if self.params else translated

    def __reduce__(self):
        return (_rebuild, (self.template, self.params))


def _rebuild(template: str, params: dict) -> ParserWarning:
    return ParserWarning(template, **params)


def translate_warning(warning, gettext) -> str:
    """A parser warning in the active language; other messages are returned unchanged."""
    return warning.translate(gettext) if isinstance(warning, ParserWarning) else str(warning)
