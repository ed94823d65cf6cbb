from django.urls import path

from training import cohort_views, views

app_name = "training"
urlpatterns = [
    path("", views.my_studies_view, name="my_studies"),
    path("liity/", cohort_views.join, name="join"),
    path("palautukset/<int:pk>/tiedosto/", cohort_views.submission_file,
         name="submission_file"),
    path("kouluttaja/", cohort_views.trainer_home, name="trainer_home"),
    path("kouluttaja/ryhmat/<int:pk>/", cohort_views.cohort_dashboard, name="cohort"),
    path("kouluttaja/ryhmat/<int:pk>/csv/", cohort_views.cohort_csv, name="cohort_csv"),
    path("kouluttaja/palautukset/<int:pk>/", cohort_views.review, name="review"),
]
