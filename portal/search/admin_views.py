"""The editors' search report: popular searches and searches that found nothing."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.search.models import SearchQueryLog

PERIODS = (7, 30, 90)
ROWS = 50


def may_view(user):
    return user.is_active and (
        user.is_superuser or user.has_perm("portal_search.view_searchquerylog")
    )


def search_report(request):
    if not may_view(request.user):
        raise PermissionDenied
    try:
        days = int(request.GET.get("days", 30))
    except ValueError:
        days = 30
    if days not in PERIODS:
        days = 30
    since = timezone.localdate() - datetime.timedelta(days=days - 1)
    rows = SearchQueryLog.objects.filter(date__gte=since).values("query_string", "language")
    popular = rows.annotate(total=Sum("searches"), empty=Sum("zero_results")).order_by(
        "-total", "query_string")[:ROWS]
    zero = rows.annotate(empty=Sum("zero_results")).filter(empty__gt=0).order_by(
        "-empty", "query_string")[:ROWS]
    return render(request, "search/admin/search_report.html", {
        "title": _("Search terms"),
        "popular": popular,
        "zero": zero,
        "days": days,
        "periods": PERIODS,
    })
