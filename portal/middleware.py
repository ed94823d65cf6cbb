from django.conf import settings


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
