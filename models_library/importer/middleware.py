"""An oversized import answers with the importer's own message, not a bare 400.

Django's CSRF check reads the POST body first and turns a body over
DATA_UPLOAD_MAX_MEMORY_SIZE into a "Bad Request" (or, with DEBUG on, its debug
page). This middleware, placed before the CSRF check, reads the importer's POST
body itself and sends an oversized one back to the form with a message.
"""

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.shortcuts import redirect
from django.urls import reverse

TOO_LARGE_PARAMETER = "liian-suuri"


class ImportUploadSizeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.path == reverse("models_library_innokyla_import"):
            try:
                request.POST  # noqa: B018 - parse the body here, where its errors are caught
            except (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent):
                return redirect(f"{request.path}?{TOO_LARGE_PARAMETER}=1")
        return self.get_response(request)
