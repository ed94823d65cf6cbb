from training.models.assignments import Review, SelfAssessment, Submission
from training.models.certificates import Certificate
from training.models.cohorts import Cohort, CohortMembership
from training.models.pages import (
    CompletionRule,
    CourseIndexPage,
    CoursePage,
    LessonPage,
    ModulePage,
    PrerequisiteRule,
    Track,
)
from training.models.records import Enrolment, LessonCompletion, QuizAttempt

__all__ = [
    "Cohort",
    "CohortMembership",
    "Review",
    "SelfAssessment",
    "Submission",
    "Certificate",
    "CompletionRule",
    "CourseIndexPage",
    "CoursePage",
    "Enrolment",
    "LessonCompletion",
    "LessonPage",
    "ModulePage",
    "PrerequisiteRule",
    "QuizAttempt",
    "Track",
]
