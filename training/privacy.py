"""A trainee's data: what they can download, what deleting the account removes, and what
the retention period purges.

Each kind of learner record contributes its own ``Part`` to a small registry:

- ``export(user)`` returns the JSON-ready data of that user (a list or a dict);
- ``forget(user, now)`` removes or anonymises that user's records before the account
  itself is deleted (records that feed course statistics lose their user and every
  personal detail but stay as anonymous rows);
- ``purge(cutoff)`` clears details older than the retention period and returns how many
  records it changed; it must be safe to run again (a second run changes nothing).

Another module adds its records with ``register(Part(...))`` at import time (the app's
``ready`` imports the modules that register), so the export, the account deletion and
the retention command never need to know every record type.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from training.models import (
    Certificate,
    Cohort,
    CohortMembership,
    Enrolment,
    LessonCompletion,
    QuizAttempt,
    SelfAssessment,
    Submission,
)


@dataclass(frozen=True)
class Part:
    name: str
    export: Callable
    forget: Callable | None = None
    purge: Callable | None = None
    # refuse(user): a message when the account cannot be deleted yet (others depend on it).
    refuse: Callable | None = None


_PARTS: dict[str, Part] = {}


def register(part):
    _PARTS[part.name] = part
    return part


def parts():
    return list(_PARTS.values())


def export_data(user):
    """Everything the portal keeps about the user, by part, JSON-ready."""
    return {"format": "tyokykyportaali-trainee-data/1",
            "exported_at": timezone.now().isoformat(),
            **{part.name: part.export(user) for part in parts()}}


def refusals(user):
    """Why the account cannot be deleted now (messages), or an empty list."""
    return [message for part in parts() if part.refuse is not None
            if (message := part.refuse(user))]


def delete_account(user):
    """Remove the user's personal data (every part's ``forget``) and the account."""
    now = timezone.now()
    with transaction.atomic():
        for part in parts():
            if part.forget is not None:
                part.forget(user, now)
        get_user_model().objects.filter(pk=user.pk).delete()


def purge_expired(cutoff):
    """Run every part's ``purge``; the number of records each changed, by part."""
    return {part.name: part.purge(cutoff) for part in parts() if part.purge is not None}


# -- this app's parts -------------------------------------------------------------------
def _time(value):
    return value.isoformat() if value else None


def page_titles(keys):
    """Page titles by translation key (any language, Finnish first), for readable exports."""
    titles = {}
    for key, title, language in (Page.objects.filter(translation_key__in=set(keys))
                                 .values_list("translation_key", "title",
                                              "locale__language_code")):
        if key not in titles or language == "fi":
            titles[key] = title
    return titles


def _account(user):
    from allauth.account.models import EmailAddress

    return {
        "username": user.get_username(),
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "date_joined": _time(user.date_joined),
        "last_login": _time(user.last_login),
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("pk")],
    }


def _enrolments(user):
    rows = list(Enrolment.objects.filter(user=user).order_by("enrolled_at"))
    titles = page_titles([row.course_key for row in rows])
    return [{"course": titles.get(row.course_key, ""), "course_key": str(row.course_key),
             "enrolled_at": _time(row.enrolled_at), "completed_at": _time(row.completed_at),
             "last_lesson_key": str(row.last_lesson_key) if row.last_lesson_key else None,
             "last_visited_at": _time(row.last_visited_at)} for row in rows]


def _forget_enrolments(user, now):
    Enrolment.objects.filter(user=user).update(user=None, last_lesson_key=None,
                                               last_visited_at=None)


def _completions(user):
    rows = list(LessonCompletion.objects.filter(user=user).order_by("completed_at"))
    titles = page_titles([row.lesson_key for row in rows])
    return [{"lesson": titles.get(row.lesson_key, ""), "lesson_key": str(row.lesson_key),
             "course_key": str(row.course_key), "completed_by": row.via,
             "completed_at": _time(row.completed_at)} for row in rows]


def _forget_completions(user, now):
    LessonCompletion.objects.filter(user=user).update(user=None)


def _attempts(user):
    return [{"quiz": row.quiz_title, "lesson_key": str(row.lesson_key),
             "course_key": str(row.course_key), "attempt": row.number,
             "submitted_at": _time(row.submitted_at), "points": row.score,
             "max_points": row.max_score, "percent": row.percent, "pass_mark": row.pass_mark,
             "passed": row.passed, "answers": row.answers}
            for row in QuizAttempt.objects.filter(user=user).order_by("submitted_at", "pk")]


def _forget_attempts(user, now):
    QuizAttempt.objects.filter(user=user).update(user=None, answers=[])


def _purge_attempts(cutoff):
    """Answer details of attempts older than the cutoff; scores and verdicts stay."""
    return QuizAttempt.objects.filter(submitted_at__lt=cutoff).exclude(answers=[]).update(
        answers=[])


def _certificates(user):
    return [{"course": row.course_title, "credits": str(row.credits),
             "verification_code": row.display_code, "issued_at": _time(row.issued_at),
             "status": str(row.status), "revoked_at": _time(row.revoked_at),
             "revoked_reason": row.revoked_reason}
            for row in Certificate.objects.filter(user=user).order_by("issued_at")]


def _forget_certificates(user, now):
    """The certificate stays so that its code verifies as "removed", with no name."""
    Certificate.objects.filter(user=user).update(user=None, removed_at=now)


def _submissions(user):
    rows = Submission.objects.filter(user=user).select_related("review").order_by(
        "submitted_at", "pk")
    result = []
    for row in rows:
        review = getattr(row, "review", None)
        result.append({
            "assignment": row.assignment_title, "lesson_key": str(row.lesson_key),
            "course_key": str(row.course_key), "version": row.version, "text": row.text,
            "file_name": row.file_name, "file_kept": bool(row.file), "status": row.status,
            "submitted_at": _time(row.submitted_at),
            "review": None if review is None else {
                "decision": review.decision, "feedback": review.feedback,
                "reviewed_at": _time(review.reviewed_at)},
        })
    return result


def _delete_files(rows):
    count = 0
    for row in rows:
        if row.file:
            row.file.delete(save=False)
            count += 1
    return count


def _forget_submissions(user, now):
    """The trainee's own work: files and rows are deleted (the reviews go with them)."""
    rows = list(Submission.objects.filter(user=user).exclude(file=""))
    _delete_files(rows)
    Submission.objects.filter(user=user).delete()


def _purge_submission_files(cutoff):
    """Submitted files older than the cutoff; the text, history and reviews stay."""
    rows = list(Submission.objects.filter(submitted_at__lt=cutoff).exclude(file=""))
    _delete_files(rows)
    return Submission.objects.filter(pk__in=[row.pk for row in rows]).update(file="")


def _self_assessments(user):
    return [{"course_key": str(row.course_key), "phase": row.phase,
             "competences": row.competences, "ratings": row.ratings,
             "submitted_at": _time(row.submitted_at)}
            for row in SelfAssessment.objects.filter(user=user).order_by("submitted_at")]


def _forget_self_assessments(user, now):
    SelfAssessment.objects.filter(user=user).delete()


def _memberships(user):
    rows = list(CohortMembership.objects.filter(user=user).select_related("cohort")
                .order_by("joined_at"))
    titles = page_titles([row.cohort.course_key for row in rows])
    return [{"cohort": row.cohort.name, "course": titles.get(row.cohort.course_key, ""),
             "joined_at": _time(row.joined_at)} for row in rows]


def _forget_memberships(user, now):
    CohortMembership.objects.filter(user=user).delete()


def _cohorts_trained(user):
    rows = list(Cohort.objects.filter(trainer=user).order_by("created_at"))
    titles = page_titles([row.course_key for row in rows])
    return [{"cohort": row.name, "course": titles.get(row.course_key, ""),
             "created_at": _time(row.created_at)} for row in rows]


def _refuse_trainer(user):
    from django.utils.translation import gettext as _

    if Cohort.objects.filter(trainer=user).exists():
        return _("You run cohorts as a trainer. Ask the portal's staff to hand them over to "
                 "another trainer before you delete your account.")
    return None


register(Part("account", _account))
register(Part("enrolments", _enrolments, _forget_enrolments))
register(Part("lesson_completions", _completions, _forget_completions))
register(Part("quiz_attempts", _attempts, _forget_attempts, _purge_attempts))
register(Part("certificates", _certificates, _forget_certificates))
register(Part("assignment_submissions", _submissions, _forget_submissions,
              _purge_submission_files))
register(Part("self_assessments", _self_assessments, _forget_self_assessments))
register(Part("cohort_memberships", _memberships, _forget_memberships))
register(Part("cohorts_as_trainer", _cohorts_trained, refuse=_refuse_trainer))
