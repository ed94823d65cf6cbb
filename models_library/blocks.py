"""Description sections of an operating model, one block type per Innokylä section."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

SECTION_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]

# key, heading, required for publishing
SECTIONS = [
    ("basic_idea", _("Basic idea of the solution"), True),
    ("operating_environment", _("Operating environment"), True),
    ("conditions", _("Conditions for functioning and implementation"), True),
    ("target_group_insight", _("Target group and customer insight"), True),
    ("implementation", _("Implementation"), False),
    ("resources", _("Resources"), False),
    ("evaluation", _("Evaluation and impact"), False),
    ("embedding", _("Embedding"), False),
]
REQUIRED_SECTIONS = [key for key, _heading, required in SECTIONS if required]
SECTION_HEADINGS = {key: heading for key, heading, _required in SECTIONS}


def missing_required_sections(description):
    """Keys of the required sections that a description lacks or leaves empty."""
    present = {
        block.block_type for block in (description or [])
        if str(block.value.get("body", "")).strip()
    }
    return [key for key in REQUIRED_SECTIONS if key not in present]


class SectionValue(blocks.StructValue):
    def title(self):
        return self.get("heading") or self.block.meta.default_heading

    def anchor(self):
        return self.block.meta.anchor


class SectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("Heading"), required=False, max_length=200,
        help_text=_("Leave empty to use the standard heading."),
    )
    body = blocks.RichTextBlock(label=_("Text"), features=SECTION_FEATURES)

    def get_api_representation(self, value, context=None):
        """The heading readers see (the standard one when left empty) and display HTML."""
        return {
            "heading": str(value.title()),
            "body": self.child_blocks["body"].get_api_representation(value["body"], context),
        }

    class Meta:
        icon = "doc-full"
        template = "models_library/blocks/section.html"
        value_class = SectionValue
        default_heading = ""
        anchor = ""


class OtherSectionBlock(SectionBlock):
    """A section the form does not know, kept with its own heading so nothing is lost."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=200)

    class Meta:
        icon = "doc-empty"
        label = _("Other section")
        default_heading = _("Other section")
        anchor = "other"


def _section_block(key, heading):
    return SectionBlock(label=heading, default_heading=heading, anchor=key)


class DescriptionStreamBlock(blocks.StreamBlock):
    basic_idea = _section_block("basic_idea", SECTION_HEADINGS["basic_idea"])
    operating_environment = _section_block(
        "operating_environment", SECTION_HEADINGS["operating_environment"]
    )
    conditions = _section_block("conditions", SECTION_HEADINGS["conditions"])
    target_group_insight = _section_block(
        "target_group_insight", SECTION_HEADINGS["target_group_insight"]
    )
    implementation = _section_block("implementation", SECTION_HEADINGS["implementation"])
    resources = _section_block("resources", SECTION_HEADINGS["resources"])
    evaluation = _section_block("evaluation", SECTION_HEADINGS["evaluation"])
    embedding = _section_block("embedding", SECTION_HEADINGS["embedding"])
    other = OtherSectionBlock()


class ProgrammeSectionsBlock(blocks.StreamBlock):
    """Extra sections of a programme description beyond its fixed fields."""

    other = OtherSectionBlock()
