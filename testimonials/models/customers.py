from django.db import models

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index

from testimonials.choices import Industry, Size


class Customer(index.Indexed, models.Model):
    """A company that buys from us: the subject of case studies."""

    Industry = Industry
    Size = Size

    name = models.CharField(max_length=120, unique=True)
    industry = models.CharField(max_length=20, choices=Industry.choices)
    size = models.CharField("company size", max_length=10, choices=Size.choices)
    website = models.URLField(blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("industry"), FieldPanel("size")]),
        FieldPanel("website"),
        FieldPanel("logo"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    api_fields = ["name", "industry", "size", "website"]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name
