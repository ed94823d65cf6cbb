"""Training pages in the portal search: courses, modules and lessons.

Lessons are readable without enrolment; what only enrolled trainees see (quiz
questions, answers and explanations) is kept out of the index by the blocks'
``get_searchable_content``, so neither results nor snippets can reveal it. Pages
with a view restriction are filtered out for visitors who may not see them by
the search engine's visibility rule.
"""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from portal.search.registry import SearchType
from training.models import CoursePage, LessonPage, ModulePage


@hooks.register("register_search_type")
def training_search_types():
    return [
        SearchType("course", CoursePage, _("Course")),
        SearchType("module", ModulePage, _("Course module")),
        SearchType("lesson", LessonPage, _("Lesson")),
    ]


@hooks.register("register_permissions")
def certificate_permissions():
    """"Can revoke certificates" shows in the admin's group editor, to give to staff."""
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(content_type__app_label="training",
                                     codename="revoke_certificate")


class CertificateMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("training.revoke_certificate")


@hooks.register("register_admin_menu_item")
def certificate_menu_item():
    """Staff who may revoke find the verification page (where the revoke form is) here."""
    return CertificateMenuItem(_("Verify or revoke a certificate"),
                               reverse_lazy("training:verify"), icon_name="doc-full",
                               order=900)
