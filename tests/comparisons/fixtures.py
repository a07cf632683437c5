import datetime
from decimal import Decimal
from types import SimpleNamespace

from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

import pytest

from comparisons.models import ComparedCriterion, ComparedProduct, Criterion, Fact
from tests.comparisons.factories import (
    ComparisonIndexPageFactory,
    ComparisonPageFactory,
    CriterionFactory,
    ProductFactory,
    ProductIndexPageFactory,
)
from tests.testimonials.advocate_fixtures import user_in_group

KINDS = [
    (Criterion.Kind.SUPPORT, Criterion.Direction.HIGHER),
    (Criterion.Kind.NUMBER, Criterion.Direction.LOWER),
    (Criterion.Kind.RATING, Criterion.Direction.HIGHER),
    (Criterion.Kind.TEXT, Criterion.Direction.UNRANKED),
]


@pytest.fixture
def editors_client(django_user_model):
    """Someone in the Editors group the migrations make, logged in: they keep products,
    criteria and comparison pages, and decide inaccuracy reports. A client of their
    own, so that a test's ``client`` stays an anonymous reader."""
    editor = user_in_group(django_user_model, "edna", Group.objects.get(name="Editors"))
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def product_index(home_page):
    return ProductIndexPageFactory(parent=home_page)


@pytest.fixture
def comparison_index(home_page):
    return ComparisonIndexPageFactory(parent=home_page)


def fact_values(kind, product_number, criterion_number):
    """Values that differ between products, so rows have winners."""
    seed = product_number + criterion_number
    if kind == Criterion.Kind.SUPPORT:
        return {"support": ["yes", "partial", "no"][seed % 3]}
    if kind == Criterion.Kind.NUMBER:
        return {"number": Decimal(10 + seed)}
    if kind == Criterion.Kind.RATING:
        return {"number": Decimal(seed % 6)}
    return {"text": f"Value {seed}"}


def build_comparison_grid(comparison_index, product_count, criterion_count):
    """A published comparison of n products by n criteria, every cell a Fact."""
    products = [ProductFactory(is_ours=(i == 0)) for i in range(product_count)]
    criteria = []
    for i in range(criterion_count):
        kind, direction = KINDS[i % len(KINDS)]
        criteria.append(CriterionFactory(kind=kind, direction=direction, group=f"Group {i % 3}"))
    verified_on = timezone.localdate() - datetime.timedelta(days=30)
    Fact.objects.bulk_create(
        Fact(
            product=product,
            criterion=criterion,
            source_url=f"https://vendor.example/{p}/{c}",
            verified_on=verified_on,
            **fact_values(criterion.kind, p, c),
        )
        for p, product in enumerate(products)
        for c, criterion in enumerate(criteria)
    )
    page = ComparisonPageFactory(
        parent=comparison_index,
        compared_products=[ComparedProduct(product=p) for p in products],
        compared_criteria=[ComparedCriterion(criterion=c) for c in criteria],
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def comparison_grid(comparison_index):
    """Build a published comparison of n products by n criteria, every cell a Fact."""

    def build(product_count, criterion_count):
        return build_comparison_grid(comparison_index, product_count, criterion_count)

    return build


@pytest.fixture
def reported_comparison(comparison_index, site_settings):
    """A published comparison of our Fernhill Desk (all plans) and Tidewell Desk's
    Business plan on two rows, with a product and a criterion it does not compare."""
    ours = ProductFactory(name="Fernhill Desk", is_ours=True)
    rival = ProductFactory(name="Tidewell Desk")
    phone = CriterionFactory(name="Phone channel", group="Channels")
    retention = CriterionFactory(
        name="Audit log retention",
        group="Security",
        kind=Criterion.Kind.NUMBER,
        direction=Criterion.Direction.HIGHER,
        unit="days",
    )
    verified_on = timezone.localdate() - datetime.timedelta(days=20)
    source = {"source_url": "https://vendor.example/docs", "verified_on": verified_on}
    facts = {
        "our_phone": Fact.objects.create(product=ours, criterion=phone, support="no", **source),
        "rival_phone": Fact.objects.create(product=rival, criterion=phone, support="yes", **source),
        "our_retention": Fact.objects.create(
            product=ours, criterion=retention, number=Decimal(90), **source
        ),
        "rival_retention": Fact.objects.create(
            product=rival, criterion=retention, plan="Business", number=Decimal(365), **source
        ),
    }
    page = ComparisonPageFactory(
        parent=comparison_index,
        title="Fernhill Desk vs Tidewell Desk",
        compared_products=[
            ComparedProduct(product=ours),
            ComparedProduct(product=rival, plan="Business"),
        ],
        compared_criteria=[ComparedCriterion(criterion=c) for c in (phone, retention)],
    )
    page.save_revision().publish()
    return SimpleNamespace(
        page=page,
        ours=ours,
        rival=rival,
        phone=phone,
        retention=retention,
        outside_product=ProductFactory(name="Quillory"),
        outside_criterion=CriterionFactory(name="Free plan", group="Pricing"),
        **facts,
    )


@pytest.fixture
def no_report_delay(settings):
    """Reports in tests are posted at once; people take longer."""
    settings.INACCURACY_REPORT_MIN_SECONDS = 0
