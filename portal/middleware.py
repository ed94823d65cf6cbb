from django.conf import settings
from django.http import HttpResponseRedirect
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.urls import get_script_prefix, is_valid_path
from django.utils import translation
from django.utils.cache import patch_vary_headers


class ContentSecurityPolicyMiddleware:
    """Send a Content-Security-Policy header; the admin gets the policy it needs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            is_admin = request.path.startswith(("/admin/", "/django-admin/"))
            response["Content-Security-Policy"] = (
                settings.CONTENT_SECURITY_POLICY_ADMIN if is_admin
                else settings.CONTENT_SECURITY_POLICY
            )
        return response


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, minus the language redirect for non-page URLs.

    Wagtail's catch-all page route makes every ``/fi/<path>`` look valid, so a 404
    from the API or the document server would otherwise bounce to a page URL.
    """

    UNPREFIXED = ("/api/", "/admin/", "/documents/", "/media/", "/static/", "/sitemap.xml")

    def process_request(self, request):
        """Redirect an unprefixed page URL (``/``, ``/about/``) straight to its language.

        Django's own middleware first renders the 404 page and only then redirects;
        here the redirect is decided before any view runs.
        """
        super().process_request(request)
        path = request.path_info
        if (
            request.method in ("GET", "HEAD")
            and not translation.get_language_from_path(path)
            and not request.path.startswith(self.UNPREFIXED)
        ):
            urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
            if not is_valid_path(path, urlconf):
                prefix = get_script_prefix()
                full_path = request.get_full_path()
                response = HttpResponseRedirect(
                    f"{prefix}{request.LANGUAGE_CODE}/{full_path.removeprefix(prefix)}"
                )
                patch_vary_headers(response, ("Accept-Language", "Cookie"))
                return response
        return None

    def process_response(self, request, response):
        if request.path.startswith(self.UNPREFIXED):
            return response
        return super().process_response(request, response)
