from django.contrib.contenttypes.fields import GenericRelation
from django.db import models

from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import RevisionMixin
from wagtail.search import index

from comparisons.admin_forms import FactForm, ProductForm
from comparisons.panels import InlinePanelWithForm
from comparisons.querysets import ProductQuerySet

from .facts import Fact


class ApplicationCategory(models.TextChoices):
    """The kinds of software search engines know (schema.org applicationCategory)."""

    BUSINESS = "BusinessApplication", "Business"
    COMMUNICATION = "CommunicationApplication", "Communication"
    DEVELOPER = "DeveloperApplication", "Developer tools"
    FINANCE = "FinanceApplication", "Finance"
    PRODUCTIVITY = "ProductivityApplication", "Productivity"
    SECURITY = "SecurityApplication", "Security"
    UTILITIES = "UtilitiesApplication", "Utilities"


class Product(RevisionMixin, index.Indexed, ClusterableModel):
    """A product on the market, ours or a competitor's. Its facts live here once
    and every comparison that shows the product reads them from here."""

    name = models.CharField(max_length=120, unique=True)
    vendor = models.CharField(max_length=120)
    is_ours = models.BooleanField(
        "made by us",
        default=False,
        help_text="Tick for our own products. Comparisons disclose this to readers.",
    )
    website = models.URLField(blank=True, help_text="The vendor's own page for the product.")
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    summary = models.CharField(
        max_length=200, help_text="One line: what the product is and who it serves."
    )
    # How search engines file a software product (schema.org SoftwareApplication).
    application_category = models.CharField(
        max_length=40,
        choices=ApplicationCategory.choices,
        default=ApplicationCategory.BUSINESS,
        blank=True,
        help_text="The kind of software, as search engines file it.",
    )
    operating_system = models.CharField(
        "runs on",
        max_length=120,
        default="Web",
        blank=True,
        help_text='Where it runs, e.g. "Web, iOS, Android".',
    )

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="product")

    objects = ProductQuerySet.as_manager()

    base_form_class = ProductForm

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("vendor")]),
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("website"), FieldPanel("is_ours")]),
        FieldPanel("logo", help_text="Shown on our product pages and to search engines."),
        FieldRowPanel([FieldPanel("application_category"), FieldPanel("operating_system")]),
        MultiFieldPanel(
            [
                InlinePanelWithForm(
                    "facts",
                    label="Fact",
                    form_class=FactForm,
                    panels=[*Fact.panels, FieldPanel("change_reason")],
                )
            ],
            heading="Facts",
            help_text=(
                "One value per criterion and plan, each with the public source it comes "
                "from and the date someone last checked it. Changing a published value "
                "takes a reason, which readers see in the corrections log."
            ),
        ),
    ]

    search_fields = [
        index.SearchField("name"),
        index.SearchField("vendor"),
        index.SearchField("summary"),
        index.AutocompleteField("name"),
        index.FilterField("is_ours"),
    ]

    api_fields = ["name", "vendor", "is_ours", "website", "summary", "facts"]

    class Meta:
        ordering = ["-is_ours", "name"]

    def __str__(self):
        return self.name

    @property
    def revisions(self):
        return self._revisions
