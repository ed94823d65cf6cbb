"""Demo courses and (in development only) demo trainees, read from ``training/data``.

Called by ``manage.py load_demo_content`` after the library's builder, whose operating
models the lessons point to. Safe to run any number of times: pages are found by slug,
block ids are derived from the content's place so unchanged content stays unchanged,
and learner records are created only where missing. A demo trainee who has completed a
course gets its certificate the way every trainee does (``refresh_completion``), once.
"""

import datetime
import os
import uuid
from decimal import Decimal
from pathlib import Path

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Page
from wagtail.rich_text import RichText

from portal.demo_utils import load_data, upsert_page, upsert_translation
from portal.models import HomePage
from portal.visibility import visible_pages
from training.blocks import QuestionKind
from training.models import (
    Cohort,
    CohortMembership,
    CourseIndexPage,
    CoursePage,
    Enrolment,
    LessonCompletion,
    LessonPage,
    ModulePage,
    QuizAttempt,
    Review,
    SelfAssessment,
    Submission,
)
from training.models.cohorts import TRAINERS_GROUP
from training.models.progress import refresh_completion
from training.quiz import grade, questions_of

DATA = Path(__file__).resolve().parent / "data"
IDS = uuid.UUID("6f1c1a52-3d8e-4d0e-9a57-2f7f4f0d5c11")
TRANSLATION_LANGUAGES = ("sv", "en")


def load(name):
    return load_data(DATA / name)


def credits(value):
    """Credits as the database returns them (one decimal), so reruns compare equal."""
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.1"))


def block_id(*parts):
    """The same id for the same place in the same lesson, in every run and language."""
    return str(uuid.uuid5(IDS, "/".join(str(part) for part in parts)))


def library_page(slug):
    page = Page.objects.filter(slug=slug, locale__language_code="fi").first()
    if page is None:
        raise ValueError(f"Demo lessons point to a library page that is missing: {slug}")
    return page.pk


def quiz_value(data, place):
    questions = []
    for number, item in enumerate(data["questions"]):
        kind = item["kind"]
        choices = [{"type": "item", "id": block_id(place, number, "choice", n),
                    "value": {"text": text, "correct": bool(correct)}}
                   for n, (text, correct) in enumerate(item.get("choices") or [])]
        questions.append({"type": "item", "id": block_id(place, number), "value": {
            "kind": kind, "question": item["question"], "choices": choices,
            "accepted_answers": item.get("accepted", "") if kind == QuestionKind.SHORT else "",
            "explanation": f"<p>{item.get('explanation', '')}</p>",
        }})
    return {"heading": data["heading"], "intro": data.get("intro_html", ""),
            "pass_mark": data.get("pass_mark", 70), "questions": questions}


def body(items, lesson_slug):
    stream = []
    for position, item in enumerate(items):
        (kind, data), = item.items()
        place = (lesson_slug, position)
        if kind == "paragraph":
            stream.append({"type": "paragraph", "value": data, "id": block_id(*place)})
        elif kind == "library":
            stream.append({"type": "library_page", "id": block_id(*place),
                           "value": {"page": library_page(data["page"]),
                                     "note": data.get("note", "")}})
        elif kind == "quiz":
            stream.append({"type": "quiz", "id": block_id(*place),
                           "value": quiz_value(data, place)})
        elif kind == "assignment":
            stream.append({"type": "assignment", "id": block_id(*place), "value": {
                "heading": data["heading"], "instructions": data["instructions_html"],
                "allow_file": data.get("allow_file", True)}})
        elif kind == "self_assessment":
            stream.append({"type": "self_assessment", "id": block_id(*place), "value": {
                "phase": data["phase"], "intro": data.get("intro_html", "")}})
        else:
            raise ValueError(f"Unknown lesson block in demo data: {kind}")
    return stream


def text_fields(texts, rich=(), slug=True):
    fields = {key: value for key, value in texts.items()
              if not key.endswith("_html") and key != "body" and (slug or key != "slug")}
    for key in rich:
        if f"{key}_html" in texts:
            fields[key] = RichText(texts[f"{key}_html"])
    return fields


def _translate(page, spec, rich=(), lesson_slug=None):
    for language in TRANSLATION_LANGUAGES:
        if language not in spec:
            continue
        fields = text_fields(spec[language], rich)
        if lesson_slug is not None:
            fields["body"] = body(spec[language]["body"], lesson_slug)
        upsert_translation(page, language, **fields)


def build():
    data = load("courses.yaml")
    home = HomePage.objects.get(locale__language_code="fi", depth=2)
    spec = data["index"]
    index = upsert_page(home, CourseIndexPage, spec["slug"], show_in_menus=True,
                        **text_fields(spec["fi"], rich=["intro"]))
    _translate(index, spec, rich=["intro"])
    courses = {}
    for course_spec in data["courses"]:
        fields = {key: course_spec[key] for key in (
            "track", "credits", "estimated_hours", "completion_rule", "quiz_attempt_limit",
            "quiz_wait_minutes", "certificate_text")}
        fields["prerequisite_rule"] = course_spec.get("prerequisite_rule", "completed")
        fields["competences"] = course_spec.get("competences", "").strip()
        fields["credits"] = credits(fields["credits"])
        fields["prerequisites"] = [courses[slug] for slug in course_spec.get("prerequisites", [])]
        course = upsert_page(index, CoursePage, course_spec["slug"], **fields,
                             **text_fields(course_spec["fi"], rich=["objectives", "description"]))
        courses[course_spec["slug"]] = course
        _translate(course, course_spec, rich=["objectives", "description"])
        for module_spec in course_spec["modules"]:
            module = upsert_page(course, ModulePage, module_spec["slug"],
                                 credits=credits(module_spec.get("credits")),
                                 **text_fields(module_spec["fi"], rich=["intro"]))
            _translate(module, module_spec, rich=["intro"])
            for lesson_spec in module_spec["lessons"]:
                slug = lesson_spec["slug"]
                lesson = upsert_page(
                    module, LessonPage, slug, estimated_minutes=lesson_spec.get("minutes"),
                    body=body(lesson_spec["fi"]["body"], slug),
                    **text_fields(lesson_spec["fi"]),
                )
                _translate(lesson, lesson_spec, lesson_slug=slug)
    return index


# -- demo trainees (development settings only) ------------------------------------------
def _answers_for(lesson, passing):
    """A full answer sheet: all right, or all wrong."""
    answers = {}
    for question in questions_of(lesson.quiz_block().value):
        if question.kind == QuestionKind.SHORT:
            answers[question.id] = question.accepted[0] if passing else "en tiedä"
            continue
        right = [choice.id for choice in question.choices if choice.correct]
        wrong = [choice.id for choice in question.choices if not choice.correct][:1]
        answers[question.id] = right if passing else wrong
    return answers


def _attempt(user, course, lesson, number, passing):
    block = lesson.quiz_block()
    questions = questions_of(block.value)
    score, total, percent, passed, graded = grade(
        questions, _answers_for(lesson, passing), block.value["pass_mark"])
    QuizAttempt.objects.create(
        user=user, course_key=course.translation_key, lesson_key=lesson.translation_key,
        quiz_id=str(block.id), number=number, score=score, max_score=total, percent=percent,
        pass_mark=block.value["pass_mark"], passed=passed, quiz_title=block.value["heading"],
        answers=graded)
    return passed


def _submissions(user, course, lesson, versions, reviewer):
    """An assignment's answer versions and their reviews, once; True when accepted."""
    block = lesson.assignment_block()
    if Submission.objects.filter(user=user, lesson_key=lesson.translation_key).exists():
        return any(item["status"] == "accepted" for item in versions)
    for number, item in enumerate(versions, start=1):
        submission = Submission.objects.create(
            user=user, course_key=course.translation_key, lesson_key=lesson.translation_key,
            assignment_id=str(block.id), assignment_title=block.value["heading"],
            version=number, text=item["text"], status=item["status"], language="fi")
        if item["status"] != "pending":
            Review.objects.create(
                submission=submission, reviewer=reviewer, feedback=item.get("feedback", ""),
                decision="accept" if item["status"] == "accepted" else "revise")
    return any(item["status"] == "accepted" for item in versions)


def _spread_over_days(user, course, days):
    """Date the trainee's completions over the days since they started, oldest first."""
    completions = list(LessonCompletion.objects.filter(
        user=user, course_key=course.translation_key).order_by("pk"))
    if not days or not completions:
        return
    start = timezone.now() - datetime.timedelta(days=days)
    for position, completion in enumerate(completions):
        when = start + datetime.timedelta(days=days * (position + 1) / (len(completions) + 1))
        LessonCompletion.objects.filter(pk=completion.pk).update(completed_at=when)


def _study(user, course, plan, cohorts=None):
    enrolment, _created = Enrolment.objects.get_or_create(
        user=user, course_key=course.translation_key)
    cohort = (cohorts or {}).get(plan.get("cohort"))
    if cohort is not None:
        CohortMembership.objects.get_or_create(cohort=cohort, user=user)
    lessons = {lesson.slug: lesson for lesson in
               visible_pages(LessonPage.objects.descendant_of(course)).order_by("path")}
    done = list(lessons) if plan.get("complete") else plan.get("done", [])
    new_completions = not LessonCompletion.objects.filter(
        user=user, course_key=course.translation_key).exists()
    for slug, versions in plan.get("assignments", {}).items():
        if _submissions(user, course, lessons[slug], versions,
                        cohort.trainer if cohort else None):
            LessonCompletion.objects.get_or_create(
                user=user, lesson_key=lessons[slug].translation_key,
                defaults={"course_key": course.translation_key, "via": "accepted"})
    for phase, ratings in plan.get("self_assessment", {}).items():
        SelfAssessment.objects.get_or_create(
            user=user, course_key=course.translation_key, phase=phase,
            defaults={"competences": course.competence_list(), "ratings": ratings})
    quizzes = dict(plan.get("quizzes", {}))
    for slug in done:
        if lessons[slug].has_quiz:
            quizzes.setdefault(slug, ["pass"])
    for slug, results in quizzes.items():
        lesson = lessons[slug]
        if QuizAttempt.objects.filter(user=user, lesson_key=lesson.translation_key).exists():
            continue
        for number, result in enumerate(results, start=1):
            if _attempt(user, course, lesson, number, result == "pass"):
                LessonCompletion.objects.get_or_create(
                    user=user, lesson_key=lesson.translation_key,
                    defaults={"course_key": course.translation_key, "via": "quiz"})
    for slug in done:
        if not lessons[slug].has_quiz and not lessons[slug].has_assignment:
            LessonCompletion.objects.get_or_create(
                user=user, lesson_key=lessons[slug].translation_key,
                defaults={"course_key": course.translation_key, "via": "marked"})
    if plan.get("last"):
        enrolment.last_lesson_key = lessons[plan["last"]].translation_key
        enrolment.last_visited_at = enrolment.last_visited_at or timezone.now()
        enrolment.save(update_fields=["last_lesson_key", "last_visited_at"])
    if new_completions:
        _spread_over_days(user, course, plan.get("started_days_ago"))
    refresh_completion(user, course)


def build_trainees():
    """Demo trainee accounts; returns the lines that tell a developer how to sign in."""
    data = load("trainees.yaml")
    password = os.environ.get("DEMO_TRAINEE_PASSWORD", data["default_password"])
    courses = {course.slug: course for course in
               CoursePage.objects.filter(locale__language_code="fi")}
    lines, cohorts = [], {}
    trainers = Group.objects.get_or_create(name=TRAINERS_GROUP)[0]
    for spec in data.get("trainers", []):
        user, created = _account(spec["email"], password)
        user.groups.add(trainers)
        for cohort_spec in spec["cohorts"]:
            cohort, _new = Cohort.objects.get_or_create(
                join_code=cohort_spec["code"], defaults={
                    "name": cohort_spec["name"], "trainer": user,
                    "course_key": courses[cohort_spec["course"]].translation_key})
            cohorts[cohort.join_code] = cohort
        lines.append(f"Trainer: {spec['email']}  password: {password}"
                     + ("" if created else " (unless you changed it)") + f"  – {spec['stage']}"
                     + "".join(f"; cohort {code} at /fi/opinnot/kouluttaja/" for code in cohorts))
    for spec in data["trainees"]:
        user, created = _account(spec["email"], password)
        if spec.get("name") and not user.get_full_name():
            user.first_name, user.last_name = spec["name"]
            user.save(update_fields=["first_name", "last_name"])
        for plan in spec["enrolments"]:
            _study(user, courses[plan["course"]], plan, cohorts)
        lines.append(f"Trainee: {spec['email']}  password: {password}"
                     + ("" if created else " (unless you changed it)") + f"  – {spec['stage']}")
    return lines


def _account(email, password):
    user, created = get_user_model().objects.get_or_create(
        username=email.split("@")[0], defaults={"email": email})
    if created:
        user.set_password(password)
        user.save()
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True})
    return user, created
