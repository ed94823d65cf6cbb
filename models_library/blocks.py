"""Blocks: operating-model description sections and service-pathway steps."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock

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


class PhaseBlock(OtherSectionBlock):
    """A phase of the development work (Innokylä's development task), with its own heading."""

    class Meta:
        icon = "list-ol"
        label = _("Development task")
        default_heading = _("Development task")
        anchor = "phase"


class DevelopmentPathStreamBlock(blocks.StreamBlock):
    """The development path (kehittämisen polku): how the model was developed."""

    operating_environment = _section_block(
        "path-operating-environment", SECTION_HEADINGS["operating_environment"]
    )
    starting_point = _section_block(
        "path-starting-point", _("Starting point and strategic links")
    )
    phase = PhaseBlock()
    other = OtherSectionBlock()


class EvaluationNotesBlock(blocks.StreamBlock):
    """Text of an evaluation that is not a rated criterion (summaries, comments)."""

    other = OtherSectionBlock()


class ProgrammeSectionsBlock(blocks.StreamBlock):
    """Extra sections of a programme description beyond its fixed fields."""

    other = OtherSectionBlock()


# -- service pathways ------------------------------------------------------------------
# A pathway is a stream of steps and branch points. A branch point holds two or more
# branches, each with its own steps; a branch either rejoins the pathway at the next
# main step (that is where the branches converge) or ends the pathway. Editors build
# the structure by nesting blocks, so there are no ids to write and no reference can
# point to a step that does not exist.


class OrganisationType(models.TextChoices):
    WELLBEING_COUNTY = "wellbeing_county", _("Wellbeing services county")
    MUNICIPAL_EMPLOYMENT = "municipal_employment", _("Municipal employment services")
    PUBLIC_EMPLOYMENT = "public_employment", _("TE services / public employment services")
    KELA = "kela", _("Kela")
    OCCUPATIONAL_HEALTH = "occupational_health", _("Occupational health care")
    NGO = "ngo", _("Organisation (NGO)")
    EMPLOYER = "employer", _("Employer")
    EDUCATION = "education", _("Educational institution")
    SERVICE_PROVIDER = "service_provider", _("Private service provider")
    OTHER = "other", _("Other")


class BranchOutcome(models.TextChoices):
    REJOIN = "rejoin", _("Rejoins the pathway at the next main step")
    END = "end", _("Ends the pathway")


def validate_suomifi_url(value):
    from urllib.parse import urlsplit

    host = (urlsplit(value).hostname or "").lower()
    if value and host != "suomi.fi" and not host.endswith(".suomi.fi"):
        raise ValidationError(_("Give the service's address on suomi.fi."))


class PTVBlock(blocks.StructBlock):
    """The national service catalogue's (PTV) description of the service, all optional."""

    target_group = blocks.CharBlock(label=_("Target group (PTV)"), required=False,
                                    max_length=200)
    service_class = blocks.CharBlock(
        label=_("Service class (JHS 145)"), required=False, max_length=200,
        help_text=_("Code and name, for example “P10.3 Työllistymistä tukevat palvelut”."),
    )
    keywords = blocks.CharBlock(
        label=_("YSO keywords"), required=False, max_length=500,
        help_text=_("Separate keywords with commas."),
    )
    service_area = blocks.CharBlock(label=_("Service area"), required=False, max_length=300)
    suomifi_url = blocks.URLBlock(label=_("Service on suomi.fi"), required=False,
                                  validators=[validate_suomifi_url])

    class Meta:
        label = _("National service catalogue (suomi.fi) details")
        collapsed = True


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step"), max_length=200)
    organisation = blocks.CharBlock(label=_("Acting organisation"), max_length=200)
    organisation_type = blocks.ChoiceBlock(label=_("Organisation type"),
                                           choices=OrganisationType.choices)
    service = blocks.CharBlock(label=_("Service"), required=False, max_length=300)
    entry_criteria = blocks.TextBlock(label=_("Who can enter and how"), required=False)
    client_gets = blocks.TextBlock(label=_("What the client gets"), required=False)
    duration = blocks.CharBlock(label=_("Typical duration"), required=False, max_length=100)
    operating_models = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="models_library.OperatingModelPage"),
        label=_("Operating models used in this step"), default=[],
    )
    documents = blocks.ListBlock(DocumentChooserBlock(), label=_("Documents"), default=[])
    ptv = PTVBlock()

    class Meta:
        icon = "arrow-right"
        label = _("Step")


class BranchBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Branch"), max_length=150,
                             help_text=_("For example “Able to work” or “Needs rehabilitation”."))
    steps = blocks.ListBlock(StepBlock(), label=_("Steps in this branch"), default=[])
    outcome = blocks.ChoiceBlock(label=_("After this branch"), choices=BranchOutcome.choices,
                                 default=BranchOutcome.REJOIN)

    class Meta:
        icon = "arrow-right-full"


class BranchPointBlock(blocks.StructBlock):
    question = blocks.CharBlock(
        label=_("Decision"), max_length=200,
        help_text=_("What decides the branch, for example “Is the client able to work?”"),
    )
    branches = blocks.ListBlock(BranchBlock(), label=_("Branches"), min_num=2)

    class Meta:
        icon = "fork"
        label = _("Branch point")

    def clean(self, value):
        value = super().clean(value)
        labels = [str(branch["label"]).strip().lower() for branch in value["branches"]]
        if len(set(labels)) != len(labels):
            raise StructBlockValidationError(
                block_errors={"branches": ValidationError(_("Give each branch its own name."))}
            )
        return value


class PathwayStepsBlock(blocks.StreamBlock):
    step = StepBlock()
    branch = BranchPointBlock()

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        items = list(value)
        for position, child in enumerate(items):
            if child.block_type != "branch":
                continue
            rejoins = [branch["label"] for branch in child.value["branches"]
                       if branch["outcome"] == BranchOutcome.REJOIN]
            has_next_step = any(later.block_type == "step" for later in items[position + 1:])
            if rejoins and not has_next_step:
                errors[position] = ValidationError(
                    _("The branches %(names)s rejoin the pathway, but no main step follows this "
                      "branch point. Add the step where they meet, or let them end the pathway.")
                    % {"names": ", ".join(f"“{name}”" for name in rejoins)}
                )
        if errors:
            raise StreamBlockValidationError(block_errors=errors)
        return value
