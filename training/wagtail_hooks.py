"""Training pages in the portal search: courses, modules and lessons.

Lessons are readable without enrolment; what only enrolled trainees see (quiz
questions, answers and explanations) is kept out of the index by the blocks'
``get_searchable_content``, so neither results nor snippets can reveal it. Pages
with a view restriction are filtered out for visitors who may not see them by
the search engine's visibility rule.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from portal.search.registry import SearchType
from training.models import CoursePage, LessonPage, ModulePage


@hooks.register("register_search_type")
def training_search_types():
    return [
        SearchType("course", CoursePage, _("Course")),
        SearchType("module", ModulePage, _("Course module")),
        SearchType("lesson", LessonPage, _("Lesson")),
    ]
