"""Search registrations for the portal's own page types, and the editors' search report."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from portal.models import StandardPage
from portal.search import admin_views
from portal.search.registry import SearchFacet, SearchType


@hooks.register("register_search_type")
def standard_pages():
    return SearchType("page", StandardPage, _("Page"))


@hooks.register("register_search_facet")
def topic_facet():
    return SearchFacet("topic", _("Topic"), order=10, label_model=Tag, code_field="slug",
                       translated=False)


@hooks.register("register_admin_urls")
def search_report_urls():
    return [path("search-report/", admin_views.search_report, name="search_report")]


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_view(request.user)


@hooks.register("register_reports_menu_item")
def search_report_menu_item():
    return SearchReportMenuItem(_("Search terms"), reverse("search_report"), icon_name="search",
                                order=900)
