"""Comparisons' addresses besides their pages, in every language, before Wagtail's page
serving: the catalogue of open data, each comparison's downloads, each page's Markdown
rendition at ``page.md`` and the /llms.txt that lists them."""

from django.urls import path, re_path

from wagtail.views import serve

from comparisons.datasets import data_catalogue
from comparisons.llms_txt import llms_txt
from comparisons.renditions import rendition_at_suffix

localised_urlpatterns = [
    path("data/", data_catalogue, name="open_data"),
    # A comparison's data.csv and data.json, served by the page's own routes: Wagtail's
    # page serving takes only paths of words and slashes, and these end in a file name.
    re_path(r"^(?P<path>(?:[\w\-]+/)+data\.(?:csv|json))$", serve, name="comparison_data"),
    path("llms.txt", llms_txt, name="llms_txt"),
    # A page's path without its trailing slash, as Wagtail's slugs spell it.
    re_path(r"^(?P<path>(?:[\w-]+/)*[\w-]+)\.md$", rendition_at_suffix, name="markdown_rendition"),
]
