from django.urls import path

from training import certificate_views, cohort_views, privacy_views, views

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
    path("todistus/<int:pk>/", certificate_views.certificate_pdf_view, name="certificate_pdf"),
    path("tarkista/", certificate_views.verify_view, name="verify"),
    path("tarkista/<str:code>/", certificate_views.verify_view, name="verify_code"),
    path("tarkista/<str:code>/peru/", certificate_views.revoke_view, name="revoke"),
    path("tietosuoja/", privacy_views.privacy_view, name="privacy"),
    path("tietosuoja/nimi/", privacy_views.name_view, name="privacy_name"),
    path("tietosuoja/tiedot.json", privacy_views.export_view, name="privacy_export"),
    path("tietosuoja/poista/", privacy_views.delete_view, name="privacy_delete"),
]
