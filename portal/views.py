from django.conf import settings
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils import translation


def _language_from_path(path):
    return translation.get_language_from_path(path) or settings.LANGUAGE_CODE


def page_not_found(request, exception=None):
    with translation.override(_language_from_path(request.path)):
        return render(request, "404.html", status=404)


def server_error(request):
    """Render the 500 page without touching the database: it may be what failed."""
    language = _language_from_path(request.path)
    with translation.override(language):
        body = loader.get_template("500.html").render({"LANGUAGE_CODE": language})
    return HttpResponseServerError(body)
