from django.utils.cache import add_never_cache_headers, patch_vary_headers


class PrivateResponsesMiddleware:
    """Per-user responses are never kept by a shared cache or served to someone else.

    Everything a signed-in user gets (progress, enrolment buttons, their name in the
    header) and every account page (its form carries the visitor's CSRF token) is marked
    ``private, no-cache, no-store``; anonymous pages only vary on the cookie.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        is_account_page = bool(match and (match.url_name or "").startswith("account_"))
        user = getattr(request, "user", None)
        if is_account_page or (user is not None and user.is_authenticated):
            add_never_cache_headers(response)
        patch_vary_headers(response, ("Cookie",))
        return response
