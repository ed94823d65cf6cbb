"""Certificates: the trainee's PDF, the public verification page and revoking by staff."""

from allauth.core.internal import ratelimit
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.page_cache import do_not_cache
from portal.visibility import visible_pages
from training.forms import RevokeForm, VerifyForm
from training.models import Certificate, CoursePage
from training.models.certificates import normalise_code
from training.pdf import certificate_pdf


def course_in_language(course_key, request=None):
    """The visible course page of a translation key, in the current language if it has one."""
    courses = list(visible_pages(CoursePage.objects.filter(translation_key=course_key), request)
                   .select_related("locale"))
    language = translation.get_language()
    return next((course for course in courses if course.locale.language_code == language),
                courses[0] if courses else None)


def verification_url(request, code):
    return request.build_absolute_uri(reverse("training:verify_code", args=[code]))


@login_required
def certificate_pdf_view(request, pk):
    certificate = Certificate.objects.filter(pk=pk, user=request.user,
                                             revoked_at__isnull=True).first()
    if certificate is None:
        raise Http404
    name = request.user.get_full_name()
    if not name:
        messages.info(request, _("Add your name first: it is printed on your certificates."))
        return redirect(reverse("training:privacy") + "#name-heading")
    course = course_in_language(certificate.course_key, request)
    date = formats.date_format(timezone.localtime(certificate.issued_at), "j.n.Y")
    credits = floatformat(certificate.credits, "-1")
    content = certificate_pdf(
        heading=_("Certificate"),
        name=name,
        statement=_("has completed the course"),
        course=course.title if course else certificate.course_title,
        facts=[(_("Credits"), _("%(credits)s op") % {"credits": credits}),
               (_("Date of completion"), date),
               (_("Verification code"), certificate.display_code)],
        certificate_text=course.certificate_text if course else "",
        verify_label=_("Check that this certificate is valid:"),
        verify_url=verification_url(request, certificate.display_code),
        language=translation.get_language(),
        title=_("Certificate"),
    )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="{_("certificate")}-{certificate.code}.pdf"')
    return response


def _within_rate(request):
    """Count one look-up by the visitor's address with allauth's rate limiter (the one the
    accounts and cohort codes use), within ``CERTIFICATE_VERIFY_RATE``."""
    limit, seconds = settings.CERTIFICATE_VERIFY_RATE
    return ratelimit.consume(request, app="training", action="verify_certificate",
                             config={"verify_certificate": f"{limit}/{seconds}s/ip"},
                             limit_get=True)


def _lookup(request, raw):
    """(form, certificate, status, refused): the result of looking a typed code up."""
    form = VerifyForm({"koodi": raw})
    if not _within_rate(request):
        return form, None, None, True
    if not form.is_valid():
        return form, None, None, False
    certificate = (Certificate.objects.select_related("user")
                   .filter(code=form.cleaned_data["koodi"]).first())
    return form, certificate, certificate.status if certificate else "unknown", False


def verify_view(request, code=None):
    raw = code if code is not None else request.GET.get("koodi")
    form, certificate, status, refused = VerifyForm(), None, None, False
    if raw is not None:
        form, certificate, status, refused = _lookup(request, raw)
    course = None
    if certificate is not None:
        course = course_in_language(certificate.course_key, request)
    can_revoke = (certificate is not None and status == Certificate.Status.VALID
                  and request.user.has_perm("training.revoke_certificate"))
    response = render(request, "training/verify.html", {
        "form": form, "certificate": certificate, "status": status, "refused": refused,
        "course_title": (course.title if course else certificate.course_title)
        if certificate else "",
        "revoke_form": RevokeForm() if can_revoke else None,
    }, status=429 if refused else 200)
    return do_not_cache(response)


@require_POST
def revoke_view(request, code):
    if not request.user.is_authenticated:
        raise PermissionDenied
    if not request.user.has_perm("training.revoke_certificate"):
        raise PermissionDenied
    normal = normalise_code(code)
    certificate = Certificate.objects.filter(code=normal).first() if normal else None
    if certificate is None:
        raise Http404
    form = RevokeForm(request.POST)
    if not form.is_valid():
        course = course_in_language(certificate.course_key, request)
        return do_not_cache(render(request, "training/verify.html", {
            "form": VerifyForm(initial={"koodi": certificate.display_code}),
            "certificate": certificate, "status": certificate.status,
            "course_title": course.title if course else certificate.course_title,
            "revoke_form": form,
        }, status=400))
    if certificate.revoke(request.user, form.cleaned_data["reason"]):
        messages.success(request, _("The certificate was revoked."))
    else:
        messages.info(request, _("The certificate had already been revoked."))
    return redirect("training:verify_code", code=certificate.display_code)


def certificates_by_course(user):
    return {certificate.course_key: certificate
            for certificate in Certificate.objects.filter(user=user)}


