"""Comparisons' addresses besides their pages: each page's Markdown rendition at
``page.md`` and the /llms.txt that lists them, in every language."""

from django.urls import path, re_path

from comparisons.llms_txt import llms_txt
from comparisons.renditions import rendition_at_suffix

localised_urlpatterns = [
    path("llms.txt", llms_txt, name="llms_txt"),
    # A page's path without its trailing slash, as Wagtail's slugs spell it.
    re_path(r"^(?P<path>(?:[\w-]+/)*[\w-]+)\.md$", rendition_at_suffix, name="markdown_rendition"),
]
