from django.urls import path

from . import views

urlpatterns = [
    path("lagesbild/", views.index, name="lagesbild"),
    path("lagesbild/<str:scb_code>/", views.week_page, name="lagesbild-week"),
    path("lagesbild/<str:scb_code>/data.json", views.week_json, name="lagesbild-week-json"),
    path("lagesbild/<str:scb_code>/data.csv", views.week_csv, name="lagesbild-week-csv"),
    path("lagesbild/<str:scb_code>/lagesbild.pdf", views.week_pdf, name="lagesbild-week-pdf"),
]
