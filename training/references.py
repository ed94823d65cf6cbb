"""Lessons that point to a library page, found through Wagtail's reference index."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex

from portal.site_memo import memo
from portal.visibility import visible_pages
from training.models import LessonPage


def lessons_using_page(page, request=None):
    """Live, public lessons in ``page``'s language that reference any translation of it.

    Read from a map of every lesson reference kept in the site memo (three queries per
    content change, however many lessons or pages), so a page costs no query.
    """
    by_target, by_key = memo(request, ("lessons-using",), lambda: _lesson_map(request))
    found = [lesson for key in by_target.get(page.translation_key, ())
             for lesson in by_key.get((key, page.locale_id), ())]
    return sorted(found, key=lambda lesson: (lesson.title, lesson.pk))


def _lesson_map(request):
    """({translation key of a referenced page: {translation keys of the lessons that
    reference any of its translations}}, {(lesson translation key, locale id):
    [visible lessons]})."""
    references = list(ReferenceIndex.objects.filter(
        content_type=ContentType.objects.get_for_model(LessonPage),
        to_content_type=ContentType.objects.get_for_model(Page),
    ).values_list("object_id", "to_object_id"))
    page_ids = {int(pk) for pair in references for pk in pair if pk.isdigit()}
    keys = dict(Page.objects.filter(pk__in=page_ids).values_list("pk", "translation_key"))
    by_target = {}
    for lesson_id, target_id in references:
        lesson_key = keys.get(int(lesson_id)) if lesson_id.isdigit() else None
        target_key = keys.get(int(target_id)) if target_id.isdigit() else None
        if lesson_key and target_key:
            by_target.setdefault(target_key, set()).add(lesson_key)
    lesson_keys = set().union(*by_target.values()) if by_target else set()
    by_key = {}
    if lesson_keys:
        for lesson in (visible_pages(LessonPage.objects.filter(translation_key__in=lesson_keys),
                                     request)
                       .only("id", "title", "url_path", "path", "depth", "locale_id", "summary",
                             "translation_key")):
            by_key.setdefault((lesson.translation_key, lesson.locale_id), []).append(lesson)
    return by_target, by_key
