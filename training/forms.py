"""Forms of the cohort, certificate and privacy pages."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from training.models.assignments import Review
from training.models.certificates import normalise_code


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



class VerifyForm(forms.Form):
    koodi = forms.CharField(
        label=_("Verification code"), max_length=64,
        help_text=_("The code printed on the certificate, for example ABCD-EFGH-JKLM-NPQR."),
        error_messages={"required": _("Enter the verification code."),
                        "max_length": _("A verification code has 16 characters.")})

    def clean_koodi(self):
        code = normalise_code(self.cleaned_data["koodi"])
        if code is None:
            raise forms.ValidationError(_(
                "A verification code has 16 letters and digits, for example "
                "ABCD-EFGH-JKLM-NPQR. Check the code and try again."))
        return code


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for revoking"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Give a reason for revoking the certificate.")})


class NameForm(forms.ModelForm):
    class Meta:
        model = get_user_model()
        fields = ["first_name", "last_name"]
        labels = {"first_name": _("First name"), "last_name": _("Last name")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, message in (("first_name", _("Enter your first name.")),
                              ("last_name", _("Enter your last name."))):
            self.fields[name].required = True
            self.fields[name].error_messages["required"] = message
            self.fields[name].widget.attrs["autocomplete"] = (
                "given-name" if name == "first_name" else "family-name")


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Enter your password to confirm.")})

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not correct."))
        return password
