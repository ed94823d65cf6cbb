"""The sitemap: every visible page in every language, each with its hreflang alternates.

The pages are read in one query as their own page types without their specific
fields (``specific(defer=True)``): a sitemap entry needs only the address and
the publication date, which every page has, so the number of queries does not
grow with the number of pages or page types. The site, its home pages and the
locales come from the site memo.
"""

from collections import defaultdict

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site

from portal.site_memo import attach_locales, in_homes, memo, site_for_request
from portal.visibility import visible_pages


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
            self._visible_pages = attach_locales(self.request, list(
                visible_pages(Page.objects.filter(in_homes(self.request, site)), self.request)
                .order_by("path").specific(defer=True)))
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
