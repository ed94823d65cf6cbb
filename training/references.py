"""Lessons that point to a library page, found through Wagtail's reference index."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, IntegerField
from django.db.models.functions import Cast
from wagtail.models import Page, ReferenceIndex

from portal.visibility import visible_pages
from training.models import LessonPage


def lessons_using_page(page, request=None):
    """Live, public lessons in ``page``'s language that reference any translation of it.

    One query, however many lessons or translations there are.
    """
    page_type = ContentType.objects.get_for_model(Page)
    targets = (Page.objects.filter(translation_key=page.translation_key)
               .annotate(key=Cast("pk", CharField())).values("key"))
    referring = (ReferenceIndex.objects
                 .filter(content_type=ContentType.objects.get_for_model(LessonPage),
                         to_content_type=page_type, to_object_id__in=targets)
                 .annotate(lesson_id=Cast("object_id", IntegerField())).values("lesson_id"))
    keys = LessonPage.objects.filter(pk__in=referring).values("translation_key")
    return list(visible_pages(LessonPage.objects.filter(translation_key__in=keys,
                                                  locale_id=page.locale_id), request)
                .order_by("title").only("id", "title", "url_path", "path", "depth",
                                        "locale_id", "summary"))
