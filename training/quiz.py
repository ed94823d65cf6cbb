"""Quiz questions read from a lesson's quiz block, and grading on the server.

Posted answers are field ``q-<question id>`` with choice ids (single or multiple choice)
or text (short answer). Anything the sheet could not have sent is refused as a whole.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from training.blocks import QuestionKind

PREFIX = "q-"
MAX_SHORT_ANSWER = 300


class QuizRefused(Exception):
    """The post is not an answer sheet this quiz could have produced; nothing is stored."""


class QuizIncomplete(Exception):
    """A genuine sheet with questions left unanswered; the trainee fixes and resends it."""


@dataclass
class Choice:
    id: str
    text: str
    correct: bool


@dataclass
class Question:
    id: str
    kind: str
    text: str
    choices: list = field(default_factory=list)
    accepted: list = field(default_factory=list)
    explanation: str = ""

    @property
    def field_name(self):
        return PREFIX + self.id


def normalise(text):
    return " ".join(str(text).split()).casefold()


def questions_of(quiz_value):
    """The questions of a quiz block's value, each with its stable block id."""
    result = []
    for item in quiz_value["questions"].bound_blocks:
        value = item.value
        choices = [Choice(id=str(choice.id), text=choice.value["text"],
                          correct=bool(choice.value["correct"]))
                   for choice in value["choices"].bound_blocks]
        accepted = [normalise(line) for line in (value["accepted_answers"] or "").splitlines()
                    if line.strip()]
        result.append(Question(id=str(item.id), kind=value["kind"], text=value["question"],
                               choices=choices, accepted=accepted,
                               explanation=str(value["explanation"] or "")))
    return result


def read_answers(questions, data):
    """The answers in ``data`` (a QueryDict) by question id; refuses anything foreign."""
    known = {question.field_name: question for question in questions}
    for key in data:
        if key.startswith(PREFIX) and key not in known:
            raise QuizRefused(_("The answers do not belong to this quiz."))
    answers, missing = {}, 0
    for question in questions:
        values = [value.strip() for value in data.getlist(question.field_name)]
        values = [value for value in values if value]
        if not values:
            missing += 1
            continue
        if question.kind == QuestionKind.SHORT:
            if len(values) != 1 or len(values[0]) > MAX_SHORT_ANSWER:
                raise QuizRefused(_("A short answer must be one line of text."))
            answers[question.id] = values[0]
            continue
        choice_ids = {choice.id for choice in question.choices}
        if any(value not in choice_ids for value in values):
            raise QuizRefused(_("An answer is not one of the question's choices."))
        if len(set(values)) != len(values):
            raise QuizRefused(_("The same choice was sent twice."))
        if question.kind == QuestionKind.SINGLE and len(values) != 1:
            raise QuizRefused(_("A single-choice question takes one answer."))
        answers[question.id] = values
    if missing:
        raise QuizIncomplete(ngettext(
            "Answer every question: %(count)d question is unanswered.",
            "Answer every question: %(count)d questions are unanswered.", missing,
        ) % {"count": missing})
    return answers


def is_right(question, answer):
    if question.kind == QuestionKind.SHORT:
        return normalise(answer) in question.accepted
    return set(answer) == {choice.id for choice in question.choices if choice.correct}


def grade(questions, answers, pass_mark):
    """(score, max score, percent, passed, graded answers to store)."""
    graded, score = [], 0
    for question in questions:
        answer = answers[question.id]
        right = is_right(question, answer)
        score += right
        if question.kind == QuestionKind.SHORT:
            given = [answer]
        else:
            given = [choice.text for choice in question.choices if choice.id in answer]
        graded.append({
            "question_id": question.id, "question": question.text, "kind": question.kind,
            "given": given, "correct": right, "explanation": question.explanation,
        })
    total = len(questions)
    percent = round(100 * score / total) if total else 0
    return score, total, percent, percent >= pass_mark, graded
