"""The sitemap: every visible page in every language, each with its hreflang alternates."""

from collections import defaultdict

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from portal.visibility import visible_pages


class PortalSitemap(Sitemap):
    def items(self):
        if not hasattr(self, "_visible_pages"):
            homes = self.get_wagtail_site().root_page.get_translations(inclusive=True)
            in_a_home = Q()
            for home in homes:
                in_a_home |= Q(path__startswith=home.path)
            self._visible_pages = list(
                visible_pages(Page.objects.filter(in_a_home), self.request)
                .select_related("locale").order_by("path").defer_streamfields().specific()
            )
        return self._visible_pages

    def _alternates(self):
        if not hasattr(self, "_versions"):
            self._versions = defaultdict(list)
            for page in self.items():
                self._versions[page.translation_key].append(
                    {"lang_code": page.locale.language_code,
                     "location": page.get_full_url(self.request)}
                )
        return self._versions

    def _urls(self, page, protocol, domain):
        alternates = self._alternates()
        urls = []
        for item in self.paginator.page(page).object_list:
            versions = alternates.get(item.translation_key, [])
            for url in item.get_sitemap_urls(self.request):
                if len(versions) > 1:
                    url = {**url, "alternates": sorted(versions, key=lambda v: v["lang_code"])}
                urls.append(url)
        last_mods = {url.get("lastmod") for url in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
