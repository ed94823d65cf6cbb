"""RSS and Atom feeds of newly published and updated operating models."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from models_library.models.pages import OperatingModelPage
from models_library.models.pathways import ServicePathwayPage
from portal.visibility import visibility, visible_pages

FEED_LENGTH = 50


class LibraryRssFeed(Feed):
    description = _("Operating models newly published or updated in the work ability portal.")

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def title(self):
        return self.index_page.title

    def link(self):
        return self.index_page.url

    def items(self):
        return (
            visible_pages(OperatingModelPage.objects.descendant_of(self.index_page))
            .order_by("-last_published_at")[:FEED_LENGTH]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at


class LibraryAtomFeed(LibraryRssFeed):
    feed_type = Atom1Feed
    subtitle = LibraryRssFeed.description


class PathwayRssFeed(LibraryRssFeed):
    description = _("Service pathways newly published or updated in the work ability portal.")

    def __init__(self, index_page, request=None):
        super().__init__(index_page)
        self.request = request

    def items(self):
        return visibility(self.request).filter(
            ServicePathwayPage.objects.descendant_of(self.index_page)
        ).order_by("-last_published_at")[:FEED_LENGTH]


class PathwayAtomFeed(PathwayRssFeed):
    feed_type = Atom1Feed
    subtitle = PathwayRssFeed.description
