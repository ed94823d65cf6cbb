"""The course tree: CourseIndexPage → CoursePage → ModulePage → LessonPage.

The pages hold their fields and the queries that reach the rest of the tree
(``visible_lessons``, ``get_course`` ...). What a trainee sees of their progress is
built in ``progress`` and what their POSTs do in ``actions``; both take the page as
an argument and never import this module, so the routes below only dispatch.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from portal.blocks import RICH_TEXT_FEATURES
from portal.models import BasePage
from portal.visibility import visible_pages
from training.blocks import LessonStreamBlock, readable_text
from training.models import actions, coursework
from training.models.progress import course_context, course_listing, lesson_context, module_context

OBJECTIVE_FEATURES = ["bold", "italic", "ul", "ol", "link"]


class Track(models.TextChoices):
    COORDINATOR = "coordinator", _("Work-ability coordinator")
    TRAINER = "trainer", _("Coordinator trainer")
    OPEN = "open", _("Open to everyone")


class CompletionRule(models.TextChoices):
    ALL_LESSONS = "all_lessons", _("Every lesson completed")
    ALL_QUIZZES = "all_quizzes", _("Every quiz passed")


class PrerequisiteRule(models.TextChoices):
    COMPLETED = "completed", _("The prerequisite courses completed")
    CERTIFICATE = "certificate", _("A valid certificate from each prerequisite course")


class CourseIndexPage(BasePage):
    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    subpage_types = ["training.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("course index")
        verbose_name_plural = _("course indexes")

    def visible_courses(self, request=None):
        return visible_pages(CoursePage.objects.child_of(self), request).order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["courses"] = course_listing(self, request)
        return context


class CoursePage(RoutablePageMixin, BasePage):
    track = models.CharField(_("track"), max_length=12, choices=Track.choices,
                             default=Track.OPEN)
    objectives = RichTextField(
        _("learning objectives"), features=OBJECTIVE_FEATURES, blank=True,
        help_text=_("What a trainee can do after the course, as a list."),
    )
    description = RichTextField(_("description"), features=RICH_TEXT_FEATURES, blank=True)
    credits = models.DecimalField(_("credits (op)"), max_digits=4, decimal_places=1)
    estimated_hours = models.PositiveSmallIntegerField(_("estimated hours of study"))
    prerequisites = ParentalManyToManyField(
        "self", symmetrical=False, blank=True, related_name="required_by",
        verbose_name=_("prerequisite courses"),
        help_text=_("Courses a trainee must have completed before enrolling."),
    )
    prerequisite_rule = models.CharField(
        _("prerequisite rule"), max_length=12, choices=PrerequisiteRule.choices,
        default=PrerequisiteRule.COMPLETED,
        help_text=_("What a trainee must hold from the prerequisite courses: a completion "
                    "or a certificate that has not been revoked."),
    )
    completion_rule = models.CharField(
        _("completion rule"), max_length=12, choices=CompletionRule.choices,
        default=CompletionRule.ALL_LESSONS,
    )
    self_enrolment = models.BooleanField(
        _("open for self-enrolment"), default=True,
        help_text=_("Any signed-in user who meets the prerequisites may enrol."),
    )
    quiz_attempt_limit = models.PositiveSmallIntegerField(
        _("quiz attempts allowed"), default=3,
        help_text=_("How many times a trainee may take each quiz; 0 means no limit."),
    )
    quiz_wait_minutes = models.PositiveIntegerField(
        _("waiting time between quiz attempts (minutes)"), default=0,
    )
    competences = models.TextField(
        _("competences"), blank=True, max_length=3000,
        help_text=_("One competence per line. Trainees rate them in the course's "
                    "self-assessments at the start and at the end; keep the same order "
                    "in every language."),
    )
    certificate_text = models.TextField(
        _("certificate text"), blank=True, max_length=1000,
        help_text=_("What the certificate says the trainee has shown (training part 2)."),
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("track"),
             FieldRowPanel([FieldPanel("credits"), FieldPanel("estimated_hours")])],
            heading=_("Course facts"),
        ),
        FieldPanel("objectives"),
        FieldPanel("description"),
        FieldPanel("competences"),
        MultiFieldPanel(
            [FieldPanel("self_enrolment"), FieldPanel("prerequisites"),
             FieldPanel("prerequisite_rule"),
             FieldPanel("completion_rule"),
             FieldRowPanel([FieldPanel("quiz_attempt_limit"), FieldPanel("quiz_wait_minutes")]),
             FieldPanel("certificate_text")],
            heading=_("Enrolment and completion"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("objectives"),
        index.SearchField("description"),
        index.FilterField("track"),
    ]
    parent_page_types = ["training.CourseIndexPage"]
    subpage_types = ["training.ModulePage"]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    @property
    def needs_certificates(self):
        return self.prerequisite_rule == PrerequisiteRule.CERTIFICATE

    @property
    def completed_by_quizzes(self):
        return self.completion_rule == CompletionRule.ALL_QUIZZES

    def competence_list(self):
        return [line.strip() for line in self.competences.splitlines() if line.strip()]

    def visible_modules(self, request=None):
        return visible_pages(ModulePage.objects.child_of(self), request).order_by("path")

    def visible_lessons(self, request=None):
        return visible_pages(LessonPage.objects.descendant_of(self), request).order_by("path")

    def prerequisite_courses(self, request=None):
        """The prerequisite courses in this course's language, by title."""
        keys = self.prerequisites.values("translation_key")
        return visible_pages(
            CoursePage.objects.filter(translation_key__in=keys, locale_id=self.locale_id),
            request,
        ).order_by("title")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(course_context(self, request))
        return context

    @path("ilmoittaudu/", name="enrol")
    def enrol_route(self, request):
        return actions.enrol(request, self)

    @path("eroa/", name="leave")
    def leave_route(self, request):
        return actions.leave(request, self)


class ModulePage(BasePage):
    credits = models.DecimalField(_("credits (op)"), max_digits=4, decimal_places=1,
                                  null=True, blank=True)
    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("credits"), FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    parent_page_types = ["training.CoursePage"]
    subpage_types = ["training.LessonPage"]

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def get_course(self):
        return CoursePage.objects.ancestor_of(self).first()

    def visible_lessons(self, request=None):
        return visible_pages(LessonPage.objects.child_of(self), request).order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(module_context(self, request))
        return context


class LessonPage(RoutablePageMixin, BasePage):
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"), null=True, blank=True,
    )
    body = StreamField(LessonStreamBlock(), blank=True, verbose_name=_("body"))
    has_quiz = models.BooleanField(default=False, editable=False)
    has_assignment = models.BooleanField(default=False, editable=False)

    content_panels = [*BasePage.content_panels, FieldPanel("estimated_minutes"),
                      FieldPanel("body")]
    # Only what every reader sees (training.blocks.readable_text), never quiz content.
    search_fields = [*BasePage.search_fields, index.SearchField("body_text")]
    parent_page_types = ["training.ModulePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "body" in update_fields:
            self.has_quiz = self.quiz_block() is not None
            self.has_assignment = self.assignment_block() is not None
            if update_fields is not None:
                kwargs["update_fields"] = [*update_fields, "has_quiz", "has_assignment"]
        return super().save(*args, **kwargs)

    def body_text(self):
        return readable_text(list(self.body.raw_data))

    def quiz_block(self):
        """The lesson's quiz as a bound block (it has an id), or None."""
        return next((block for block in self.body if block.block_type == "quiz"), None)

    def assignment_block(self):
        return next((block for block in self.body if block.block_type == "assignment"), None)

    def self_assessment_block(self):
        return next((block for block in self.body if block.block_type == "self_assessment"),
                    None)

    def get_course(self):
        return CoursePage.objects.ancestor_of(self).first()

    def get_module(self):
        return ModulePage.objects.ancestor_of(self).first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(lesson_context(self, request))
        context.update(coursework.coursework_context(self, context["course"], request.user))
        return context

    @path("valmis/", name="mark_done")
    def mark_done_route(self, request):
        return actions.mark_done(request, self)

    @path("tentti/", name="quiz")
    def quiz_route(self, request):
        return actions.submit_quiz(request, self)

    @path("tulos/<int:attempt_id>/", name="attempt")
    def attempt_route(self, request, attempt_id):
        return actions.attempt_result(request, self, attempt_id)

    @path("tehtava/", name="assignment")
    def assignment_route(self, request):
        return coursework.submit_assignment(request, self)

    @path("itsearviointi/", name="self_assessment")
    def self_assessment_route(self, request):
        return coursework.submit_self_assessment(request, self)
