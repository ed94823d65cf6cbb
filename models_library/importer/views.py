"""Admin view: upload or paste Innokylä pages, preview the mapping, create drafts.

Step 1 (GET, or POST with "preview"): the form; submitting it maps every input
without saving anything and shows a preview per file. The decoded texts of the
inputs that can be imported are kept as a short-lived ImportPreview record under an
unguessable token bound to the editor (not in the session).
Step 2 (POST with "create" and the token): consumes that record atomically, imports
its texts as drafts and lists links to edit them; a second submit finds nothing.
Bad input gets a message per file, never a 500.
"""

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.auth import user_passes_test
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from models_library.models import ImportPreview

from .decoding import MAX_BYTES, ImportInputError, decode_upload
from .forms import ImportForm
from .middleware import TOO_LARGE_PARAMETER
from .service import (
    FAILED,
    Importer,
    ImporterSetupError,
    ImportResult,
    batched_search_indexing,
    check_pasted_text,
    default_parent,
)

# The texts waiting for "Create drafts" are stored; keep one preview bounded.
MAX_STORED_BYTES = 10 * 1024 * 1024
TEMPLATE_FORM = "models_library/admin/import_form.html"
TEMPLATE_RESULTS = "models_library/admin/import_results.html"


def user_can_import(user) -> bool:
    """Editors who may add pages somewhere (superusers always) may import."""
    if not (user.is_active and user.is_authenticated):
        return False
    return user.is_superuser or PagePermissionPolicy().user_has_permission(user, "add")


@user_passes_test(user_can_import)
def import_view(request):
    if request.method != "POST":
        if TOO_LARGE_PARAMETER in request.GET:  # sent back by ImportUploadSizeMiddleware
            _too_large(request)
        return _form_page(request, ImportForm(initial=_initial()))
    try:
        data, files = request.POST, request.FILES
        action = data.get("action", "preview")
    except (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent):
        _too_large(request)
        return _form_page(request, ImportForm(initial=_initial()), status=400)
    if action == "create":
        return _create(request)
    return _preview(request, ImportForm(data, files))


def _too_large(request):
    messages.error(request, _(
        "The upload is too large: pasted text can be at most %(size)d MB. Import fewer "
        "files at a time, or save a longer text as a file and upload it."
    ) % {"size": MAX_BYTES // (1024 * 1024)})


def _initial() -> dict:
    try:
        return {"parent": str(default_parent().pk)}
    except ImporterSetupError:
        return {}


def _form_page(request, form, status=200, results=None, token=""):
    return TemplateResponse(request, TEMPLATE_FORM, {
        "form": form,
        "results": results,
        "token": token,
        "can_create": any(result.ok for result in results or []),
        "max_megabytes": MAX_BYTES // (1024 * 1024),
        "page_title": _("Import from Innokylä"),
    }, status=status)


def _preview(request, form):
    if not form.is_valid():
        return _form_page(request, form)
    try:
        parent = _parent_for(request, form.cleaned_data["parent"])
        importer = Importer(parent=parent, dry_run=True, user=request.user)
    except ImporterSetupError as error:
        form.add_error("parent", _(error.message))
        return _form_page(request, form)

    source_url = form.cleaned_data.get("source_url") or ""
    inputs, results = _read_inputs(form)
    stored = []
    stored_bytes = 0
    for name, text, failure in inputs:
        if failure is not None:
            results.append(failure)
            continue
        stored_bytes += len(text.encode("utf-8"))
        if stored_bytes > MAX_STORED_BYTES:
            results.append(_failed(name, _(
                "Too much text in one import: import this file in another batch."
            )))
            continue
        result = importer.import_text(name, text, source_url=source_url, decoded=True)
        results.append(result)
        if result.ok:
            stored.append([name, text])
    token = ""
    if stored:
        # Only the editor's latest preview is kept, and stale ones are purged on the way.
        token = ImportPreview.replace_for(
            request.user, parent=parent, source_url=source_url, inputs=stored,
        ).token
    return _form_page(request, form, results=results, token=token)


def _read_inputs(form):
    """(name, text, failure) for every file and the pasted text; failure is an ImportResult."""
    inputs = []
    for upload in form.cleaned_data.get("files") or []:
        name = upload.name or _("file")
        if upload.size is not None and upload.size > MAX_BYTES:
            inputs.append((name, "", _failed(name, _(
                "The file is too large: the maximum size is %(size)d MB."
            ) % {"size": MAX_BYTES // (1024 * 1024)})))
            continue
        try:
            text = decode_upload(upload.read(MAX_BYTES + 1), name)
        except ImportInputError as error:
            inputs.append((name, "", _failed(name, _(error.message))))
            continue
        inputs.append((name, text, None))
    pasted = form.cleaned_data.get("text") or ""
    if pasted.strip():
        name = _("pasted text")
        try:
            inputs.append((name, check_pasted_text(pasted), None))
        except ImportInputError as error:
            inputs.append((name, "", _failed(name, _(error.message))))
    return inputs, []


def _failed(name, message) -> ImportResult:
    return ImportResult(FAILED, name=name, error=message)


def _parent_for(request, parent_id):
    page = Page.objects.filter(pk=parent_id).first()
    if page is None:
        raise ImporterSetupError(_("The chosen parent page does not exist any more."))
    if not page.permissions_for_user(request.user).can_add_subpage():
        raise ImporterSetupError(
            _("You do not have permission to add pages under '%(title)s'.") % {"title": page.title}
        )
    return page


def _create(request):
    try:
        outcome = ImportPreview.consume(request.POST.get("token", ""), request.user,
                                        lambda preview: _import_preview(request, preview))
    except ImporterSetupError as error:
        messages.error(request, _(error.message))
        return redirect("models_library_innokyla_import")
    if outcome is None:
        messages.error(request, _("The preview has expired or was already imported. Upload the "
                                  "files again."))
        return redirect("models_library_innokyla_import")
    parent, results = outcome
    for result in results:
        if result.page is not None and result.page.pk:
            result.edit_url = reverse("wagtailadmin_pages:edit", args=[result.page.pk])
    done = sum(1 for result in results if result.ok)
    if done:
        messages.success(request, _("%(count)d description(s) imported as drafts.")
                         % {"count": done})
    return TemplateResponse(request, TEMPLATE_RESULTS, {
        "results": results,
        "parent": parent,
        "page_title": _("Import from Innokylä"),
        "form_url": reverse("models_library_innokyla_import"),
    })


def _import_preview(request, preview):
    """Import a consumed preview's texts as drafts under its parent: (parent, results)."""
    parent = _parent_for(request, preview.parent_id)
    importer = Importer(parent=parent, user=request.user)
    with batched_search_indexing():
        return parent, [
            importer.import_text(name, text, source_url=preview.source_url, decoded=True)
            for name, text in preview.inputs
        ]
