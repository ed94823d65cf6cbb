"""Lesson body blocks: text, media, documents, library cards, quizzes, assignments and
self-assessments.

Assignments (reviewed by a trainer) and competence self-assessments are block types
too; what trainees send for them is kept in ``training.models.assignments``.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock

from portal.blocks import RICH_TEXT_FEATURES, ImageBlock

LIBRARY_PAGE_TYPES = ["models_library.OperatingModelPage", "models_library.ProgrammePage"]


class VideoBlock(blocks.StructBlock):
    """A video with the transcript that WCAG asks for; it cannot be saved without one."""

    url = EmbedBlock(label=_("Address of the video"))
    title = blocks.CharBlock(
        label=_("Title"), max_length=200,
        help_text=_("Names the video for screen-reader users."),
    )
    transcript = blocks.RichTextBlock(
        label=_("Transcript"), features=RICH_TEXT_FEATURES,
        help_text=_("Everything said and shown in the video, for people who cannot watch it."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "training/blocks/video.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    description = blocks.TextBlock(label=_("Description"), required=False, max_length=400)

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "training/blocks/document.html"


class LibraryPageBlock(blocks.StructBlock):
    """A card pointing into the portal's library; the library page lists the lessons back."""

    page = blocks.PageChooserBlock(label=_("Library page"), page_type=LIBRARY_PAGE_TYPES)
    note = blocks.TextBlock(
        label=_("Why read it"), required=False, max_length=400,
        help_text=_("What the trainee should look for on the page."),
    )

    class Meta:
        icon = "link"
        label = _("Library page")
        template = "training/blocks/library_page.html"

    def get_searchable_content(self, value):
        # The note shows only while the chosen page is visible to the reader, which the
        # index cannot know: it stays out of search.
        return []


class AnswerChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Choice"), max_length=300)
    correct = blocks.BooleanBlock(label=_("Correct"), required=False)

    class Meta:
        icon = "tick"
        label = _("Choice")


class QuestionKind:
    SINGLE = "single"
    MULTIPLE = "multiple"
    SHORT = "short"
    CHOICES = [
        (SINGLE, _("Single choice")),
        (MULTIPLE, _("Multiple choice")),
        (SHORT, _("Short answer")),
    ]


class QuestionBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(label=_("Type"), choices=QuestionKind.CHOICES,
                              default=QuestionKind.SINGLE)
    question = blocks.TextBlock(label=_("Question"), max_length=600)
    choices = blocks.ListBlock(AnswerChoiceBlock(), label=_("Choices"), default=[],
                               help_text=_("For single- and multiple-choice questions."))
    accepted_answers = blocks.TextBlock(
        label=_("Accepted answers"), required=False, max_length=1000,
        help_text=_("Short answer: one accepted answer per line. Letter case and extra "
                    "spaces do not matter."),
    )
    explanation = blocks.RichTextBlock(
        label=_("Explanation"), required=False, features=["bold", "italic", "link"],
        help_text=_("Shown after an attempt: why the right answer is right."),
    )

    def clean(self, value):
        result = super().clean(value)
        kind = result.get("kind")
        choices = list(result.get("choices") or [])
        correct = [choice for choice in choices if choice.get("correct")]
        error = None
        if kind == QuestionKind.SHORT:
            if not (result.get("accepted_answers") or "").strip():
                error = ("accepted_answers", _("Give at least one accepted answer."))
        elif len(choices) < 2:
            error = ("choices", _("Give at least two choices."))
        elif kind == QuestionKind.SINGLE and len(correct) != 1:
            error = ("choices", _("Mark exactly one choice as correct."))
        elif kind == QuestionKind.MULTIPLE and not correct:
            error = ("choices", _("Mark at least one choice as correct."))
        if error:
            raise blocks.StructBlockValidationError(block_errors={error[0]: error[1]})
        return result

    class Meta:
        icon = "help"
        label = _("Question")


class QuizBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=200)
    intro = blocks.RichTextBlock(label=_("Introduction"), required=False,
                                 features=["bold", "italic", "link", "ul", "ol"])
    questions = blocks.ListBlock(QuestionBlock(), label=_("Questions"), min_num=1)
    pass_mark = blocks.IntegerBlock(
        label=_("Pass mark (%)"), min_value=1, max_value=100, default=70,
        help_text=_("The share of questions answered right that passes the quiz."),
    )

    class Meta:
        icon = "list-ul"
        label = _("Quiz")

    def get_searchable_content(self, value):
        """Only what every reader of the lesson sees: the heading and the introduction.

        Questions, choices, accepted answers and explanations are shown to enrolled
        trainees only, so they are never indexed (a search must not reveal them).
        """
        return [value.get("heading") or "",
                *self.child_blocks["intro"].get_searchable_content(value.get("intro"))]


class AssignmentBlock(blocks.StructBlock):
    """A task the trainee answers with text and an optional file; a trainer reviews it.

    An accepted answer completes the lesson (``training.models.coursework``).
    """

    heading = blocks.CharBlock(label=_("Heading"), max_length=200)
    instructions = blocks.RichTextBlock(label=_("Instructions"),
                                        features=["bold", "italic", "link", "ul", "ol"])
    allow_file = blocks.BooleanBlock(
        label=_("Trainees may attach a file"), required=False, default=True,
        help_text=_("PDF, Word, OpenDocument, spreadsheet or plain-text files."),
    )

    class Meta:
        icon = "edit"
        label = _("Assignment")


class SelfAssessmentPhase:
    START = "start"
    END = "end"
    CHOICES = [(START, _("At the start of the course")), (END, _("At the end of the course"))]


class SelfAssessmentBlock(blocks.StructBlock):
    """The trainee rates the course's competences (``CoursePage.competences``), 1–5."""

    phase = blocks.ChoiceBlock(label=_("When"), choices=SelfAssessmentPhase.CHOICES,
                               default=SelfAssessmentPhase.START)
    intro = blocks.RichTextBlock(label=_("Introduction"), required=False,
                                 features=["bold", "italic", "link"])

    class Meta:
        icon = "form"
        label = _("Competence self-assessment")


class LessonStreamBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Rich text"), features=RICH_TEXT_FEATURES, icon="pilcrow",
        template="components/blocks/rich_text.html",
    )
    image = ImageBlock()
    video = VideoBlock()
    document = DocumentBlock()
    library_page = LibraryPageBlock()
    quiz = QuizBlock()
    assignment = AssignmentBlock()
    self_assessment = SelfAssessmentBlock()

    class Meta:
        block_counts = {"quiz": {"max_num": 1}, "assignment": {"max_num": 1},
                        "self_assessment": {"max_num": 1}}


def _rich_text(html):
    from wagtail.rich_text import get_text_for_indexing

    return get_text_for_indexing(html or "")


# What every reader of a lesson sees, per block type, read from the stream's raw data
# (no chooser lookups, so snippets cost no query). Quiz questions, choices, answers and
# explanations and library-card notes are left out, as in get_searchable_content above.
READABLE_TEXT = {
    "paragraph": lambda value: [_rich_text(value)],
    "image": lambda value: [value.get("caption"), value.get("alt_text")],
    "video": lambda value: [value.get("title"), _rich_text(value.get("transcript"))],
    "document": lambda value: [value.get("description")],
    "quiz": lambda value: [value.get("heading"), _rich_text(value.get("intro"))],
    "assignment": lambda value: [value.get("heading"), _rich_text(value.get("instructions"))],
    "self_assessment": lambda value: [_rich_text(value.get("intro"))],
}


def readable_text(raw_stream):
    """The text of a lesson body that any reader sees, for the search index and snippets."""
    texts = []
    for item in raw_stream:
        extract = READABLE_TEXT.get(item.get("type"))
        value = item.get("value")
        if extract is not None and value:
            texts.extend(extract(value))
    return "\n".join(str(text).strip() for text in texts if text and str(text).strip())
