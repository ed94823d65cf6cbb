"""The trainee's privacy page: their name, a download of all their data, account deletion."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from training import privacy
from training.forms import DeleteAccountForm, NameForm


def _page(request, name_form=None, delete_form=None, status=200):
    return render(request, "training/privacy.html", {
        "name_form": name_form or NameForm(instance=request.user),
        "delete_form": delete_form or DeleteAccountForm(request.user),
    }, status=status)


@login_required
def privacy_view(request):
    return _page(request)


@login_required
@require_POST
def name_view(request):
    form = NameForm(request.POST, instance=request.user)
    if not form.is_valid():
        return _page(request, name_form=form, status=400)
    form.save()
    messages.success(request, _("Your name was saved."))
    return redirect("training:privacy")


@login_required
def export_view(request):
    data = privacy.export_data(request.user)
    response = HttpResponse(json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False,
                                       indent=2), content_type="application/json; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="{_("my-data")}-{stamp}.json"'
    return response


@login_required
@require_POST
def delete_view(request):
    form = DeleteAccountForm(request.user, request.POST)
    if form.is_valid():
        for message in privacy.refusals(request.user):
            form.add_error(None, message)
    if not form.is_valid():
        return _page(request, delete_form=form, status=400)
    user = request.user
    logout(request)
    privacy.delete_account(user)
    messages.success(request, _(
        "Your account and your personal data have been deleted. Your certificates now verify "
        "as removed. Thank you for studying with us."))
    return redirect(f"/{get_language()}/")
