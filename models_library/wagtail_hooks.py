from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import LiveStatusTagColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from models_library.models import (
    Funder,
    Municipality,
    OperatingModelPage,
    Phenomenon,
    ProgrammePage,
    Region,
    ServicePathwayPage,
    Stage,
    TargetGroup,
)
from portal.search.registry import SearchFacet, SearchType


class TaxonomyViewSet(SnippetViewSet):
    list_display = ["name", "code", LiveStatusTagColumn()]
    search_fields = ["name", "code"]
    ordering = ["name"]


class RegionViewSet(TaxonomyViewSet):
    model = Region
    icon = "site"
    list_filter = ["kind"]


class MunicipalityViewSet(TaxonomyViewSet):
    model = Municipality
    icon = "home"
    list_display = ["name", "code", "region", LiveStatusTagColumn()]
    list_filter = ["region"]


class FunderViewSet(TaxonomyViewSet):
    model = Funder
    icon = "tag"


class TargetGroupViewSet(TaxonomyViewSet):
    model = TargetGroup
    icon = "group"


class PhenomenonViewSet(TaxonomyViewSet):
    model = Phenomenon
    icon = "pick"


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomy")
    menu_icon = "folder-inverse"
    menu_order = 250
    items = (RegionViewSet, MunicipalityViewSet, FunderViewSet, TargetGroupViewSet,
             PhenomenonViewSet)


register_snippet(TaxonomyGroup)


# Innokylä importer -------------------------------------------------------------------
# Editors who may add pages get an admin menu item to upload or paste Innokylä pages,
# preview the mapped fields and create drafts (models_library/importer/views.py).

from django.urls import path, reverse  # noqa: E402
from wagtail import hooks  # noqa: E402
from wagtail.admin.menu import MenuItem  # noqa: E402

from models_library.importer.views import import_view, user_can_import  # noqa: E402


class InnokylaImportMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_import(request.user)


@hooks.register("register_admin_urls")
def register_innokyla_import_url():
    return [path("innokyla-tuonti/", import_view, name="models_library_innokyla_import")]


@hooks.register("register_admin_menu_item")
def register_innokyla_import_menu_item():
    return InnokylaImportMenuItem(
        _("Import from Innokylä"), reverse("models_library_innokyla_import"),
        name="innokyla-import", icon_name="download", order=260,
    )


# Portal search ------------------------------------------------------------------------
# Programmes and operating models join the portal search with their facets.

PLACE_FACETS = {
    "topic": ["tagged_items__tag__slug"],
    "region": ["regions__code", "municipalities__region__code"],
    "funder": ["funders__code"],
}


@hooks.register("register_search_type")
def library_search_types():
    return [
        SearchType("model", OperatingModelPage, _("Operating model"), facets={
            **PLACE_FACETS,
            "target_group": ["target_groups__code"],
            "stage": ["stage"],
        }),
        SearchType("programme", ProgrammePage, _("Programme"), facets=PLACE_FACETS),
    ]


@hooks.register("register_search_type")
def pathway_search_type():
    """Service pathways, found also by the text of the public documents their steps use:
    a document hit shows the pathway (see ``ServicePathwayPage.document_text``)."""
    return SearchType("pathway", ServicePathwayPage, _("Service pathway"), facets={
        "target_group": ["target_groups__code"],
        "region": ["regions__code"],
    })


@hooks.register("register_search_facet")
def library_search_facets():
    return [
        SearchFacet("target_group", _("Target group"), order=20, label_model=TargetGroup),
        SearchFacet("region", _("Region"), order=30, label_model=Region),
        SearchFacet("stage", _("Development stage"), order=40, choices=dict(Stage.choices)),
        SearchFacet("funder", _("Funder"), order=50, label_model=Funder),
    ]
