"""StreamField blocks for the portal's standard pages.

Each block names its icon, template and label in Meta; display logic lives in
StructValue subclasses so templates stay free of conditionals.
"""

from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from portal.site_memo import memo
from portal.visibility import is_visible, visible_pages

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3")), ("h4", _("Heading 4"))],
        default="h2",
        help_text=_("Keep headings in order: a heading 3 follows a heading 2."),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "components/blocks/heading.html"


class ImageStructValue(blocks.StructValue):
    def alt(self):
        return self.get("alt_text") or ""


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "components/blocks/image.html"
        value_class = ImageStructValue


class LinkStructValue(blocks.StructValue):
    def url(self):
        """The link's address; empty when it points to a page a visitor may not see."""
        page = self.get("page")
        if page:
            return memo(None, ("page-link", page.pk, get_language()), lambda: _visible_url(page))
        return self.get("external_url") or ""


def _visible_url(page):
    page = page.localized
    return page.url if is_visible(page) else ""


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=400)
    button_label = blocks.CharBlock(label=_("Button label"), max_length=60)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    external_url = blocks.URLBlock(label=_("External address"), required=False)

    def clean(self, value):
        result = super().clean(value)
        if not result.get("page") and not result.get("external_url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": _("Choose a page or give an external address.")}
            )
        return result

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "components/blocks/call_to_action.html"
        value_class = LinkStructValue


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"), max_length=800)
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "components/blocks/quote.html"


class AccessibleEmbedBlock(blocks.StructBlock):
    url = EmbedBlock(label=_("Address of the video or media"))
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=200,
        help_text=_("Names the embedded content for screen-reader users."),
    )
    transcript = blocks.RichTextBlock(
        label=_("Transcript or description"), required=False, features=RICH_TEXT_FEATURES
    )

    class Meta:
        icon = "media"
        label = _("Embedded media")
        template = "components/blocks/embed.html"


class StandardStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Rich text"),
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="components/blocks/rich_text.html",
    )
    image = ImageBlock()
    call_to_action = CallToActionBlock()
    quote = QuoteBlock()
    embed = AccessibleEmbedBlock()


# -- front door (home page) blocks ------------------------------------------------

ICON_CHOICES = [
    ("model", _("Operating models")), ("programme", _("Programmes")),
    ("pathway", _("Service pathways")), ("course", _("Training")),
    ("info", _("Information")), ("search", _("Search")),
]


def listable_page_types():
    """Page types a front-door list can show: every concrete page model of the
    portal's apps (so pathways and courses appear here once they exist)."""
    from wagtail.models import get_page_models

    return [
        (model._meta.label_lower, capfirst(model._meta.verbose_name_plural))
        for model in get_page_models()
        if model._meta.app_label not in {"wagtailcore"} and not model._meta.abstract
    ]


def _in_language(pages, parent_context):
    """The chosen pages in the language of the page being rendered (one query;
    a page without a translation stays as chosen)."""
    from wagtail.models import Page

    current = (parent_context or {}).get("page")
    pages = [page for page in pages if page is not None]
    if current is None or not pages:
        return pages
    keys = [page.translation_key for page in pages]
    found = {
        page.translation_key: page
        for page in Page.objects.filter(translation_key__in=keys, locale_id=current.locale_id)
    }
    return [found.get(page.translation_key, page) for page in pages]


class SearchBoxBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)

    class Meta:
        icon = "search"
        label = _("Search box")
        template = "components/blocks/search_box.html"


class EntryPointBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Page"))
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=80,
                             help_text=_("Leave empty to use the page's title."))
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=240)
    icon = blocks.ChoiceBlock(label=_("Icon"), choices=ICON_CHOICES, default="info")

    class Meta:
        icon = "link"
        label = _("Entry point")


class EntryPointsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    items = blocks.ListBlock(EntryPointBlock(), label=_("Entry points"), min_num=1, max_num=6)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        request = (parent_context or {}).get("request")
        items = [item for item in value["items"] if item["page"]]
        pages = _in_language([item["page"] for item in items], parent_context)
        context["entries"] = [
            {"page": page, "title": item["title"] or page.title, "text": item["text"],
             "icon": item["icon"]}
            for item, page in zip(items, pages, strict=True)
            if is_visible(page, request)
        ]
        return context

    class Meta:
        icon = "list-ul"
        label = _("Entry points")
        template = "components/blocks/entry_points.html"


class LatestPagesBlock(blocks.StructBlock):
    """The newest published pages of one type below a section (e.g. the library)."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    section = blocks.PageChooserBlock(label=_("Section"))
    page_type = blocks.ChoiceBlock(label=_("Page type"), choices=listable_page_types)
    count = blocks.IntegerBlock(label=_("How many"), default=3, min_value=1, max_value=12)

    def get_context(self, value, parent_context=None):
        from django.apps import apps

        context = super().get_context(value, parent_context)
        request = (parent_context or {}).get("request")
        sections = _in_language([value["section"]], parent_context)
        section = sections[0] if sections else None
        pages = []
        if section is not None and is_visible(section, request):
            model = apps.get_model(value["page_type"])
            queryset = model.objects.descendant_of(section).order_by("-first_published_at", "-pk")
            pages = list(visible_pages(queryset, request)[: value["count"]])
        context.update(section=section, pages=pages)
        return context

    class Meta:
        icon = "date"
        label = _("Newest pages")
        template = "components/blocks/page_cards.html"


class FeaturedPagesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    pages = blocks.ListBlock(blocks.PageChooserBlock(), label=_("Pages"), min_num=1, max_num=6)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        request = (parent_context or {}).get("request")
        from wagtail.models import Page

        chosen = [page for page in _in_language(value["pages"], parent_context)
                  if is_visible(page, request)]
        specific = {page.pk: page for page in Page.objects.filter(
            pk__in=[page.pk for page in chosen]).specific()}
        context.update(section=None, pages=[specific[page.pk] for page in chosen
                                            if page.pk in specific])
        return context

    class Meta:
        icon = "pick"
        label = _("Featured pages")
        template = "components/blocks/page_cards.html"


class HomeStreamBlock(StandardStreamBlock):
    search_box = SearchBoxBlock()
    entry_points = EntryPointsBlock()
    latest_pages = LatestPagesBlock()
    featured_pages = FeaturedPagesBlock()
