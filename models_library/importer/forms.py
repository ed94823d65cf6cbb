"""The admin form for importing Innokylä descriptions."""

from django import forms
from django.utils.translation import gettext_lazy as _

from models_library.models import LibraryIndexPage, ProgrammePage

MAX_FILES = 50


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.Field):
    """Several uploaded files, returned as a list without judging them.

    Empty, binary or oversized files are not form errors: each gets its own
    message in the preview, and the other files still import.
    """

    widget = MultipleFileInput

    def to_python(self, data):
        if not data:
            return []
        files = list(data) if isinstance(data, (list, tuple)) else [data]
        return [upload for upload in files if upload]


def parent_choices():
    """Library index pages and programme pages of the Finnish tree, in tree order."""
    pages = [
        *LibraryIndexPage.objects.filter(locale__language_code="fi"),
        *ProgrammePage.objects.filter(locale__language_code="fi").only(
            "id", "title", "draft_title", "path", "depth"
        ),
    ]
    pages.sort(key=lambda page: page.path)
    choices = []
    for page in pages:
        indent = "\u2003" * max(page.depth - 3, 0)
        kind = _("library") if isinstance(page, LibraryIndexPage) else _("programme")
        choices.append((str(page.pk), f"{indent}{page.draft_title or page.title} ({kind})"))
    return choices


class ImportForm(forms.Form):
    files = MultipleFileField(
        label=_("Files"), required=False,
        help_text=_("Innokylä pages saved as text (.txt) or HTML (.html). You can choose "
                    "several files."),
        widget=MultipleFileInput(attrs={"accept": ".txt,.html,.htm,text/plain,text/html"}),
    )
    text = forms.CharField(
        label=_("Or paste the text of a page"), required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Copy the whole Innokylä page, from its name to the last section."),
    )
    source_url = forms.URLField(
        label=_("Source address"), required=False, max_length=500, assume_scheme="https",
        help_text=_("The page's address in Innokylä. Only when importing a single description; "
                    "importing the same address again updates the same page."),
    )
    parent = forms.ChoiceField(
        label=_("Import under"), required=True,
        help_text=_("New pages are created as drafts below this page."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].choices = parent_choices()

    def clean(self):
        cleaned_data = super().clean()
        files = cleaned_data.get("files") or []
        text = (cleaned_data.get("text") or "").strip()
        count = len(files) + (1 if text else 0)
        if count == 0:
            raise forms.ValidationError(_("Choose at least one file or paste the text of a page."))
        if len(files) > MAX_FILES:
            raise forms.ValidationError(
                _("Import at most %(count)d files at a time.") % {"count": MAX_FILES}
            )
        if cleaned_data.get("source_url") and count > 1:
            self.add_error(
                "source_url",
                _("A source address can only be given when importing a single description."),
            )
        return cleaned_data
