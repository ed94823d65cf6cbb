from training.models.pages import (
    CompletionRule,
    CourseIndexPage,
    CoursePage,
    LessonPage,
    ModulePage,
    Track,
)
from training.models.records import Enrolment, LessonCompletion, QuizAttempt

__all__ = [
    "CompletionRule",
    "CourseIndexPage",
    "CoursePage",
    "Enrolment",
    "LessonCompletion",
    "LessonPage",
    "ModulePage",
    "QuizAttempt",
    "Track",
]
