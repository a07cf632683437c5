from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index


class Customer(index.Indexed, models.Model):
    """A company that buys from us: the subject of case studies."""

    class Industry(models.TextChoices):
        SOFTWARE = "software", _("Software")
        RETAIL = "retail", _("Retail and e-commerce")
        HEALTHCARE = "healthcare", _("Healthcare")
        EDUCATION = "education", _("Education")
        FINANCE = "finance", _("Financial services")
        MANUFACTURING = "manufacturing", _("Manufacturing")
        PUBLIC = "public", _("Public sector")
        NONPROFIT = "nonprofit", _("Non-profit")
        OTHER = "other", _("Other")

    class Size(models.TextChoices):
        MICRO = "1-10", _("1 to 10 people")
        SMALL = "11-50", _("11 to 50 people")
        MEDIUM = "51-250", _("51 to 250 people")
        LARGE = "251-1000", _("251 to 1,000 people")
        ENTERPRISE = "1000+", _("More than 1,000 people")

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
