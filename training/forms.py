"""Forms of the trainer's and the trainee's cohort pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from training.models.assignments import Review


class CohortForm(forms.Form):
    name = forms.CharField(label=_("Name of the cohort"), max_length=120,
                           help_text=_("For example the region and the start month."))
    course = forms.TypedChoiceField(label=_("Course"), coerce=str)

    def __init__(self, *args, courses=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].choices = [("", _("Choose a course")),
                                         *[(str(c.translation_key), c.title) for c in courses]]


class JoinForm(forms.Form):
    code = forms.CharField(label=_("Join code"), max_length=40,
                           help_text=_("The code your trainer gave you, e.g. ABCDE-23456."))


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=Review.Decision.choices,
                                 widget=forms.RadioSelect)
    feedback = forms.CharField(label=_("Feedback to the trainee"), required=False,
                               max_length=5000, widget=forms.Textarea(attrs={"rows": 6}))

    def clean(self):
        data = super().clean()
        if data.get("decision") == Review.Decision.REVISE and not (
                data.get("feedback") or "").strip():
            self.add_error("feedback", _("Tell the trainee what to revise."))
        return data
