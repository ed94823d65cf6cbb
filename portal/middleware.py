from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware


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

    def process_response(self, request, response):
        if request.path.startswith(self.UNPREFIXED):
            return response
        return super().process_response(request, response)
