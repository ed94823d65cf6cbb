from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from models_library.models import Funder, Municipality, Phenomenon, Region, TargetGroup


class TaxonomyViewSet(SnippetViewSet):
    list_display = ["name", "code"]
    search_fields = ["name", "code"]
    ordering = ["name"]


class RegionViewSet(TaxonomyViewSet):
    model = Region
    icon = "site"
    list_filter = ["kind"]


class MunicipalityViewSet(TaxonomyViewSet):
    model = Municipality
    icon = "home"
    list_display = ["name", "code", "region"]
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
