"""StreamField blocks for the portal's standard pages.

Each block names its icon, template and label in Meta; display logic lives in
StructValue subclasses so templates stay free of conditionals.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from portal.visibility import is_visible

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
            page = page.localized
            return page.url if is_visible(page) else ""
        return self.get("external_url") or ""


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
