from django.contrib.contenttypes.fields import GenericRelation
from django.db import models

from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import RevisionMixin, TranslatableMixin
from wagtail.search import index

from wagtail_localize.fields import SynchronizedField, TranslatableField

from comparisons.admin_forms import FactForm, ProductForm
from comparisons.localized import Wording
from comparisons.panels import RowsInlinePanel
from comparisons.querysets import ProductQuerySet
from home.model_rows import LoadedFromRows

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


class Product(
    LoadedFromRows, Wording, TranslatableMixin, RevisionMixin, index.Indexed, ClusterableModel
):
    """A product on the market, ours or a competitor's. Its facts live here once
    and every comparison that shows the product reads them from here.

    The product in the site's default language holds the facts; its translations
    carry its summary and its facts' words (comparisons/localized.py). Names stay as
    the vendor writes them."""

    name = models.CharField(max_length=120)
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

    wording = models.CharField(max_length=64, blank=True, editable=False)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="product")

    objects = ProductQuerySet.as_manager()

    base_form_class = ProductForm
    translated_words = ("summary",)

    # What a translator translates: the summary and the facts' words; the rest is the
    # source's, not to be overridden in one language.
    translatable_fields = [
        TranslatableField("summary"),
        TranslatableField("facts"),
        *(
            SynchronizedField(name, overridable=False)
            for name in (
                "name",
                "vendor",
                "is_ours",
                "website",
                "logo",
                "application_category",
                "operating_system",
                "wording",
            )
        ),
    ]

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("vendor")]),
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("website"), FieldPanel("is_ours")]),
        FieldPanel("logo", help_text="Shown on our product pages and to search engines."),
        FieldRowPanel([FieldPanel("application_category"), FieldPanel("operating_system")]),
        MultiFieldPanel(
            [
                RowsInlinePanel(
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
        index.FilterField("locale"),
    ]

    api_fields = ["name", "vendor", "is_ours", "website", "summary", "facts"]

    class Meta(TranslatableMixin.Meta):
        ordering = ["-is_ours", "name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "locale"], name="one_product_name_per_locale")
        ]

    def __str__(self):
        return self.name

    @property
    def revisions(self):
        return self._revisions
