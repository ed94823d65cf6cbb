from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from portal import routing, styleguide, views
from portal.api import api_router
from portal.search import views as search_views
from portal.sitemap import PortalSitemap

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PortalSitemap}}, name="sitemap"),
    path("health/", search_views.health, name="health"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("tyylit/", styleguide.style_guide, name="style_guide"),
    path("tili/", include("allauth.urls")),
    path("opinnot/", include("training.urls")),
    path(_("search/"), search_views.search, name="search"),
    path(_("search/suggestions/"), search_views.suggest, name="search_suggest"),
    # Wagtail's page URLs, with the page view swapped for the memoised routing.
    *[pattern if getattr(pattern, "name", "") != "wagtail_serve"
      else re_path(pattern.pattern.regex.pattern, routing.serve, name="wagtail_serve")
      for pattern in wagtail_urls.urlpatterns],
    prefix_default_language=True,
)

handler404 = views.page_not_found
handler500 = views.server_error
