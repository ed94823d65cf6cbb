import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils import translation

RETRY_AFTER_SECONDS = 30


def _language_from_path(path):
    return translation.get_language_from_path(path) or settings.LANGUAGE_CODE


def page_not_found(request, exception=None):
    with translation.override(_language_from_path(request.path)):
        return render(request, "404.html", status=404)


def _database_unreachable():
    """True while handling an error of the database connection (down, restarting, locked)."""
    error = sys.exc_info()[1]
    return isinstance(error, OperationalError | InterfaceError)


def server_error(request):
    """The error page, rendered without touching the database: it may be what failed.

    An unreachable database answers 503 with Retry-After: the next request opens a
    new connection, so the site recovers by itself when the database is back. The
    API answers in JSON.
    """
    unavailable = _database_unreachable()
    status = 503 if unavailable else 500
    if request.path.startswith("/api/"):
        message = "the database is unavailable; try again shortly" if unavailable else (
            "internal server error")
        response = JsonResponse({"message": message}, status=status)
    else:
        language = _language_from_path(request.path)
        template = "503.html" if unavailable else "500.html"
        with translation.override(language):
            body = loader.get_template(template).render({"LANGUAGE_CODE": language})
        response = HttpResponse(body, status=status)
    if unavailable:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
    return response
