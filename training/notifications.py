"""E-mail between trainees and trainers about assignments, in the submission's language.

Takes the records and pages as arguments and never imports the models, so the models
may call it. Mail goes through Django's mail backend (locmem in the tests).
"""

from django.conf import settings
from django.core.mail import send_mass_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation


def _absolute(request, path):
    return request.build_absolute_uri(path)


def _message(template, context, recipient):
    subject = render_to_string(f"training/email/{template}_subject.txt", context).strip()
    body = render_to_string(f"training/email/{template}_body.txt", context)
    return (" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [recipient])


def submission_sent(request, submission, lesson, trainers):
    """Tell the trainee's trainers that a new answer waits for their review."""
    recipients = sorted({trainer.email for trainer in trainers if trainer.email})
    if not recipients:
        return 0
    with translation.override(submission.language):
        context = {
            "submission": submission, "lesson_title": lesson.title,
            "trainee": submission.user.get_full_name() or submission.user.email,
            "review_url": _absolute(request, reverse("training:review",
                                                     args=[submission.pk])),
        }
        return send_mass_mail([_message("submission_sent", context, email)
                               for email in recipients], fail_silently=True)


def review_given(request, review, lesson_url):
    """Tell the trainee what the trainer decided, with the feedback."""
    submission = review.submission
    email = submission.user.email
    if not email:
        return 0
    with translation.override(submission.language):
        context = {"submission": submission, "review": review,
                   "lesson_url": _absolute(request, lesson_url) if lesson_url else ""}
        return send_mass_mail([_message("review_given", context, email)], fail_silently=True)
