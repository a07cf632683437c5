import datetime
from decimal import Decimal

from django.utils import timezone

from wagtail.models import Locale

import factory
import wagtail_factories

from comparisons.demo.japanese_catalogue import translate_object
from comparisons.models import (
    ComparedCriterion,
    ComparedProduct,
    ComparisonIndexPage,
    ComparisonPage,
    Criterion,
    ExitGuidePage,
    Fact,
    FactChange,
    InaccuracyReport,
    NotSuitableFor,
    Product,
    ProductIndexPage,
    ProductPage,
    RankedValue,
)
from tests.home.factories import default_locale


def point(title):
    return {"title": title, "detail": "Said plainly, with the reason."}


def plan(name, price, currency="USD", per="agent", period="month", **more):
    """A plan block's value as an editor fills it in; ``price`` None: on request."""
    value = {
        "name": name,
        "price": None if price is None else Decimal(str(price)),
        "currency": currency,
        "per": per,
        "period": period,
        "billing": "",
        "tax": "",
        "valid_until": None,
        "includes": "",
    }
    return ("plan", {**value, **more})


# Text that honesty checks read is fixed, never random: a random sentence may say "best".
class ProductFactory(factory.django.DjangoModelFactory):
    locale = factory.LazyFunction(default_locale)
    name = factory.Sequence(lambda n: f"Product {n}")
    vendor = factory.Faker("company")
    is_ours = False
    website = factory.Sequence(lambda n: f"https://vendor{n}.example/product")
    summary = factory.Sequence(lambda n: f"A helpdesk for support teams, edition {n}.")

    class Meta:
        model = Product

    class Params:
        ours = factory.Trait(is_ours=True, vendor="Candor Test Co")


class CriterionFactory(factory.django.DjangoModelFactory):
    locale = factory.LazyFunction(default_locale)
    name = factory.Sequence(lambda n: f"Criterion {n}")
    group = "Features"
    kind = Criterion.Kind.SUPPORT
    direction = Criterion.Direction.HIGHER
    help_text = "What the product offers here, as its vendor documents it."

    class Meta:
        model = Criterion
        skip_postgeneration_save = True

    @factory.post_generation
    def ranked_values(criterion, create, values, **kwargs):
        """``ranked_values=["24/7", "Weekdays"]``: a short-text criterion ranked by
        that list, best first."""
        for order, value in enumerate(values or ()):
            RankedValue.objects.create(criterion=criterion, value=value, sort_order=order)


class FactFactory(factory.django.DjangoModelFactory):
    product = factory.SubFactory(ProductFactory)
    criterion = factory.SubFactory(CriterionFactory)
    plan = "All plans"
    support = Fact.Support.YES
    source_url = factory.Sequence(lambda n: f"https://vendor.example/docs/{n}")
    verified_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=10))

    class Meta:
        model = Fact

    class Params:
        numeric = factory.Trait(support="", number=Decimal("10"))


class ProductIndexPageFactory(wagtail_factories.PageFactory):
    title = "Products"
    slug = "products"

    class Meta:
        model = ProductIndexPage


class ProductPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Product page {n}")
    slug = factory.Sequence(lambda n: f"product-{n}")
    product = factory.SubFactory(ProductFactory, ours=True)
    summary = "<p>What it does, for whom, and what it costs.</p>"
    strengths = factory.LazyFunction(lambda: [("strength", point("Fast set-up"))])
    limitations = factory.LazyFunction(lambda: [("limitation", point("No phone channel"))])
    ideal_for = factory.LazyFunction(lambda: [("audience", point("Teams of 2 to 20"))])
    last_reviewed = factory.LazyFunction(timezone.localdate)

    class Meta:
        model = ProductPage


class ExitGuidePageFactory(wagtail_factories.PageFactory):
    title = "Leaving us"
    slug = "leaving"
    intro = "<p>You can leave whenever you like. This is how.</p>"
    export_steps = "<p>An account owner opens Settings → Export and chooses everything.</p>"
    export_formats = factory.LazyFunction(
        lambda: [("format", {"name": "CSV", "contents": "Every ticket, with its replies."})]
    )
    notice_period = "None: cancel any time."
    cancellation_terms = "<p>Cancel from Billing; no fee.</p>"
    data_after_leaving = "<p>Deleted 30 days after the account closes.</p>"
    last_reviewed = factory.LazyFunction(timezone.localdate)

    class Meta:
        model = ExitGuidePage


class NotSuitableForFactory(factory.django.DjangoModelFactory):
    situation = "You must run it on your own servers."
    reason = "It is offered only as a hosted service, and an alternative is installed on site."
    alternative = factory.SubFactory(ProductFactory)

    class Meta:
        model = NotSuitableFor


class ComparisonIndexPageFactory(wagtail_factories.PageFactory):
    title = "Compare"
    slug = "compare"

    class Meta:
        model = ComparisonIndexPage


class ComparisonPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Comparison {n}")
    slug = factory.Sequence(lambda n: f"comparison-{n}")
    author_name = factory.Faker("name")
    reviewed_on = factory.LazyFunction(timezone.localdate)

    class Meta:
        model = ComparisonPage

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        # Rows are numbered in the order given, as the editor's form numbers them: left
        # unnumbered, PostgreSQL may return them in any order.
        for name in ("compared_products", "compared_criteria"):
            for order, row in enumerate(kwargs.get(name) or ()):
                if row.sort_order is None:
                    row.sort_order = order
        return super()._create_instance(model_class, parent, kwargs)


class ComparedProductFactory(factory.django.DjangoModelFactory):
    product = factory.SubFactory(ProductFactory)
    plan = "All plans"

    class Meta:
        model = ComparedProduct


class ComparedCriterionFactory(factory.django.DjangoModelFactory):
    criterion = factory.SubFactory(CriterionFactory)

    class Meta:
        model = ComparedCriterion


class InaccuracyReportFactory(factory.django.DjangoModelFactory):
    """A report as it arrives from the form on a comparison page."""

    product = factory.SubFactory(ProductFactory)
    criterion = factory.SubFactory(CriterionFactory)
    plan = "All plans"
    shown_value = "No"
    claimed_value = "Yes"
    evidence_url = factory.Sequence(lambda n: f"https://vendor.example/changelog/{n}")
    explanation = factory.Faker("sentence")
    reporter_name = factory.Faker("name")
    reporter_organisation = factory.Faker("company")
    email = factory.Faker("email")

    class Meta:
        model = InaccuracyReport


class FactChangeFactory(factory.django.DjangoModelFactory):
    """A correction of a published value, as recorded when an editor changes a fact."""

    product = factory.SubFactory(ProductFactory)
    criterion = factory.SubFactory(CriterionFactory)
    plan = "All plans"
    old_value = "No"
    new_value = "Yes"
    reason = factory.Faker("sentence")

    class Meta:
        model = FactChange


def correct_every_fact(page):
    """One correction for each value the page shows, linked to the fact and a report."""
    report = InaccuracyReportFactory()
    FactChange.objects.bulk_create(
        FactChange(
            product=fact.product,
            criterion=fact.criterion,
            plan=fact.plan,
            fact=fact,
            old_value="Before",
            new_value="After",
            reason="Checked against the vendor's page.",
            report=report,
        )
        for fact in Fact.objects.filter(
            product__in=[column.product for column in page.build_table(180).columns]
        )
    )


def translate_half(records):
    """Japanese words for the records with an odd id; the others fall back to English."""
    ja = Locale.objects.get_or_create(language_code="ja")[0]
    for record in records:
        if record.pk % 2:
            words = {
                getattr(record, name): f"訳: {getattr(record, name)}"
                for name in record.translated_words
            }
            translate_object(record, ja, words)
