from django.db import models

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index


class Criterion(index.Indexed, models.Model):
    """A dimension along which products are compared, e.g. "Single sign-on"."""

    class Kind(models.TextChoices):
        SUPPORT = "support", "Yes / partial / no"
        NUMBER = "number", "Number with a unit"
        RATING = "rating", "Rating out of 5"
        TEXT = "text", "Short text"

    class Direction(models.TextChoices):
        HIGHER = "higher", "Higher is better"
        LOWER = "lower", "Lower is better"
        UNRANKED = "unranked", "Neither is better"

    RANKABLE_KINDS = {Kind.SUPPORT, Kind.NUMBER, Kind.RATING}

    name = models.CharField(max_length=120, unique=True)
    group = models.CharField(
        max_length=60,
        help_text='Rows are grouped under this heading, e.g. "Pricing" or "Security".',
    )
    sort_order = models.PositiveSmallIntegerField(
        default=0, help_text="Position within its group on product pages."
    )
    help_text = models.CharField(
        max_length=255,
        blank=True,
        help_text="What exactly is measured, shown to readers next to the criterion.",
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.SUPPORT)
    unit = models.CharField(
        max_length=30,
        blank=True,
        help_text='For numbers: the unit shown after the value, e.g. "USD / agent / month".',
    )
    direction = models.CharField(
        max_length=10,
        choices=Direction.choices,
        default=Direction.HIGHER,
        help_text=(
            "Which values win the row. For yes/partial/no, 'higher' means yes is best. "
            "Short text is never ranked."
        ),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("group")]),
        FieldPanel("help_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("unit")]),
                FieldRowPanel([FieldPanel("direction"), FieldPanel("sort_order")]),
            ],
            heading="How values are recorded and ranked",
        ),
    ]

    search_fields = [
        index.SearchField("name"),
        index.SearchField("help_text"),
        index.AutocompleteField("name"),
        index.FilterField("group"),
    ]
    api_fields = ["name", "group", "help_text", "kind", "unit", "direction"]

    class Meta:
        ordering = ["group", "sort_order", "name"]
        verbose_name_plural = "criteria"

    def __str__(self):
        return f"{self.name} ({self.group})"

    @property
    def is_ranked(self):
        return self.kind in self.RANKABLE_KINDS and self.direction != self.Direction.UNRANKED
