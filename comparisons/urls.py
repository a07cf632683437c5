"""Comparisons' pages that are not Wagtail pages: the catalogue of open data, and the
addresses of each comparison's downloads. Included in every language, before Wagtail's
page serving."""

from django.urls import path, re_path

from wagtail.views import serve

from comparisons.datasets import data_catalogue

localised_urlpatterns = [
    path("data/", data_catalogue, name="open_data"),
    # A comparison's data.csv and data.json, served by the page's own routes: Wagtail's
    # page serving takes only paths of words and slashes, and these end in a file name.
    re_path(r"^(?P<path>(?:[\w\-]+/)+data\.(?:csv|json))$", serve, name="comparison_data"),
]
