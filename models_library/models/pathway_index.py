"""The service-pathway catalogue page: its routes dispatch to the pathway listing,
feeds and document pages, which import the pathway models (nothing imports back)."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField
from wagtail.search import index

from models_library.models.feeds import PathwayAtomFeed, PathwayRssFeed
from models_library.models.listing import SORTS
from models_library.models.pages import OperatingModelPage
from models_library.models.pathway_listing import PathwayListing
from models_library.models.pathways import DOCUMENTS_ROUTE, ServicePathwayPage
from portal.models import BasePage
from portal.visibility import visibility


class PathwayIndexPage(RoutablePageMixin, BasePage):
    """The service-pathway catalogue: filters pathways below it and shows their documents."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    subpage_types = ["models_library.ServicePathwayPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("service pathway catalogue")
        verbose_name_plural = _("service pathway catalogues")

    @path("")
    def listing(self, request):
        listing = PathwayListing(self, request.GET, request=request)
        page_obj = listing.results()
        return self.render(
            request,
            context_overrides={
                "listing": listing,
                "page_obj": page_obj,
                "facets": listing.counted_facets(),
                "sorts": [(key, label) for key, (_o, label) in SORTS.items()],
                "documents": listing.documents(),
            },
        )

    @re_path(r"^syote/(?P<kind>rss|atom)/$", name="feed")
    def feed(self, request, kind):
        feed_class = PathwayAtomFeed if kind == "atom" else PathwayRssFeed
        return feed_class(self, request)(request)

    @path(f"{DOCUMENTS_ROUTE}/<int:document_id>/", name="document")
    def document(self, request, document_id):
        document = get_document_model().objects.public().filter(pk=document_id).first()
        if document is None:
            raise Http404
        rule = visibility(request)
        pathways = rule.filter(
            ServicePathwayPage.objects.filter(documents=document, locale_id=self.locale_id)
        ).order_by("title").only("id", "title", "path", "depth", "url_path", "locale_id",
                                 "slug", "summary")
        models_using = rule.filter(
            OperatingModelPage.objects.filter(attachments__document=document,
                                              locale_id=self.locale_id)
        ).distinct().order_by("title").only("id", "title", "path", "depth", "url_path",
                                            "locale_id", "slug")
        return self.render(
            request,
            template="models_library/document_page.html",
            context_overrides={
                "document": document,
                "used_by_pathways": list(pathways),
                "used_by_models": list(models_using),
            },
        )

    def document_url(self, document):
        return f"{self.url}{DOCUMENTS_ROUTE}/{document.pk}/"

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        pathways = visibility(request).filter(ServicePathwayPage.objects.descendant_of(self))
        documents = (
            get_document_model().objects.public()
            .filter(pathways__in=pathways.values("pk")).distinct().order_by("pk")
        )
        urls.extend({"location": f"{base}{DOCUMENTS_ROUTE}/{document.pk}/",
                     "lastmod": document.updated_at} for document in documents)
        return urls
