"""The sitemap: every visible page in every language, each with its hreflang alternates.

The pages are read in one query as plain ``Page`` rows: an entry needs only the
address and the publication date, which every page has, and the address of a page
type with the portal's address rule (``AddressMixin``) is worked out from the plain
row the way that rule does. Only page types with sitemap entries of their own (or
without that rule) are read as their specific type, in one more query per such type.
So the number of queries does not grow with the number of pages. The site, its home
pages and the locales come from the site memo.
"""

from collections import defaultdict

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site

from portal.addresses import at_site_address
from portal.models.mixins import AddressMixin
from portal.site_memo import attach_locales, in_homes, memo, site_for_request
from portal.visibility import visible_pages


def _needs_specific(model):
    """True for page types whose address or sitemap entries a plain row cannot give."""
    return (model is None or not issubclass(model, AddressMixin)
            or model.get_sitemap_urls is not Page.get_sitemap_urls)


class PortalSitemap(Sitemap):
    def get_wagtail_site(self):
        site = site_for_request(self.request)
        if site is None:
            site = memo(self.request, ("default-site",),
                        lambda: Site.objects.select_related("root_page").get(is_default_site=True))
        return site

    def items(self):
        if not hasattr(self, "_visible_pages"):
            site = self.get_wagtail_site()
            pages = attach_locales(self.request, list(
                visible_pages(Page.objects.filter(in_homes(self.request, site)), self.request)
                .order_by("path")))
            special = [page.pk for page in pages if _needs_specific(page.specific_class)]
            if special:
                specific = {page.pk: page for page in attach_locales(self.request, list(
                    Page.objects.filter(pk__in=special).specific(defer=True)))}
                pages = [specific.get(page.pk, page) for page in pages]
            self._visible_pages = pages
        return self._visible_pages

    def _location(self, page):
        if type(page) is Page:  # a plain row of a page type with the portal's address rule
            parts = at_site_address(Page.get_url_parts(page, self.request), self.request)
            return None if parts is None else parts[1] + parts[2]
        return page.get_full_url(self.request)

    def _alternates(self):
        if not hasattr(self, "_versions"):
            self._versions = defaultdict(list)
            self._locations = {}
            for page in self.items():
                location = self._locations[page.pk] = self._location(page)
                self._versions[page.translation_key].append(
                    {"lang_code": page.locale.language_code, "location": location})
        return self._versions

    def _entries(self, item):
        """The item's sitemap entries; a page type without entries of its own gets
        Wagtail's one entry, with the address already worked out for the alternates."""
        if type(item) is not Page and type(item).get_sitemap_urls is not Page.get_sitemap_urls:
            return item.get_sitemap_urls(self.request)
        return [{"location": self._locations[item.pk],
                 "lastmod": item.last_published_at or item.latest_revision_created_at}]

    def _urls(self, page, protocol, domain):
        alternates = self._alternates()
        urls = []
        for item in self.paginator.page(page).object_list:
            versions = alternates.get(item.translation_key, [])
            for url in self._entries(item):
                if len(versions) > 1:
                    url = {**url, "alternates": sorted(versions, key=lambda v: v["lang_code"])}
                urls.append(url)
        last_mods = {url.get("lastmod") for url in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
