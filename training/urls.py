from django.urls import path

from training import views

app_name = "training"
urlpatterns = [
    path("", views.my_studies_view, name="my_studies"),
]
