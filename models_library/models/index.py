from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from models_library.models.compare import comparison_context
from models_library.models.feeds import LibraryAtomFeed, LibraryRssFeed
from models_library.models.listing import listing_context
from portal.models import BasePage
from portal.models.mixins import LocalizedRoutesMixin, localized_route
from portal.page_cache import do_not_cache


class LibraryIndexPage(LocalizedRoutesMixin, RoutablePageMixin, BasePage):
    """The library: lists and filters operating models and programmes below it.

    The routes only dispatch: what they show is built in the listing, compare and
    feeds modules, which import the page models they query and nothing above them.
    """

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    subpage_types = ["models_library.ProgrammePage", "models_library.OperatingModelPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("library index")
        verbose_name_plural = _("library indexes")

    @path("")
    def listing(self, request):
        context = listing_context(self, request.GET, request)
        response = self.render(request, context_overrides=context)
        # Made-up filter values render a note; keep them out of the shared cache.
        return do_not_cache(response) if context["listing"].notes else response

    @localized_route("compare")
    def compare(self, request):
        context = comparison_context(self, request.GET.getlist("m"), request)
        response = self.render(
            request,
            template="models_library/compare.html",
            context_overrides=context,
        )
        return do_not_cache(response) if context["errors"] else response

    @localized_route("feed", r"(?P<kind>rss|atom)/")
    def feed(self, request, kind):
        feed_class = LibraryAtomFeed if kind == "atom" else LibraryRssFeed
        return feed_class(self)(request)
