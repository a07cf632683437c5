"""Queries compiled once per process (home.prepared): each run with other values finds
what a queryset built afresh finds, related objects and prefetches included, without
compiling again; a query whose values would not reach the database as they are is
refused before it runs."""

from uuid import UUID, uuid4

from django.db import connection
from django.db.models import Q
from django.db.models.sql.compiler import SQLCompiler
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.models import Page

import pytest

from comparisons.models import Fact
from home.prepared import PreparationError, PreparedQuery
from testimonials.models import Testimonial
from tests.comparisons.factories import FactFactory, ProductFactory
from tests.testimonials.factories import TestimonialFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def compilations(monkeypatch):
    """How many times Django compiles a query to SQL."""
    count = [0]
    compile_sql = SQLCompiler.as_sql

    def counted(self, *args, **kwargs):
        count[0] += 1
        return compile_sql(self, *args, **kwargs)

    monkeypatch.setattr(SQLCompiler, "as_sql", counted)
    return count


def facts_of(product_id, plan):
    return Fact.objects.filter(product_id=product_id, plan=plan).select_related("criterion")


def test_each_run_finds_what_a_fresh_queryset_finds_with_its_related_objects():
    first, second = ProductFactory(name="Fernhill Desk"), ProductFactory(name="Harbour Desk")
    for product in (first, second):
        FactFactory.create_batch(2, product=product, plan="Team")
        FactFactory(product=product, plan="All plans")
    prepared = PreparedQuery(
        lambda product_id, plan: facts_of(product_id, plan).order_by("pk"), int, str
    )

    for product, plan in [(first, "Team"), (second, "Team"), (second, "All plans"), (first, "x")]:
        expected = list(facts_of(product.pk, plan).order_by("pk"))
        with CaptureQueriesContext(connection) as queries:
            found = prepared(product.pk, plan)
            criteria = [fact.criterion.name for fact in found]

        assert found == expected
        assert criteria == [fact.criterion.name for fact in expected]
        assert len(queries) == 1, "the criteria come with the facts"
        assert [(f.product_id, f.plan) for f in found] == [(product.pk, plan)] * len(expected)


def test_the_query_is_compiled_once(compilations):
    product = ProductFactory()
    FactFactory(product=product, plan="Team")
    prepared = PreparedQuery(facts_of, int, str)

    prepared(product.pk, "Team")
    compiled = compilations[0]
    for _ in range(3):
        assert len(prepared(product.pk, "Team")) == 1

    assert compiled >= 1
    assert compilations[0] == compiled


def test_a_products_newest_testimonials_are_the_walls_in_every_language(compilations):
    product, other = ProductFactory(is_ours=True), ProductFactory(is_ours=True)
    for language in ("en", "ja", "en", "ja", "en"):
        TestimonialFactory(product=product, language=language, approved=True)
    TestimonialFactory(product=product)  # pending: never shown
    TestimonialFactory(product=other, approved=True)

    for reader in ("en", "ja"):
        with translation.override(reader):
            expected = list(product.testimonials.public().newest(3))
            prepared = product.testimonials.newest_public(3)
            assert [t.pk for t in prepared] == [t.pk for t in expected]
            assert prepared[0].language == reader
    before = compilations[0]
    with translation.override("en"), CaptureQueriesContext(connection) as queries:
        found = other.testimonials.newest_public(3)
        assert found[0].product == other
    # Every query but the testimonials' own (their prefetches) is compiled as usual.
    assert compilations[0] - before == len(queries) - 1


def test_a_value_the_query_changes_is_refused():
    # A LIKE writes the value with a "%" after it: the stand-in is not the parameter.
    prepared = PreparedQuery(lambda name: Fact.objects.filter(plan__startswith=name), str)

    with pytest.raises(PreparationError, match="unchanged"):
        prepared("Team")


def test_a_value_of_another_type_is_refused():
    prepared = PreparedQuery(facts_of, int, str)

    with pytest.raises(TypeError):
        prepared("1", "Team")
    with pytest.raises(TypeError):
        prepared(1)
    with pytest.raises(TypeError):
        PreparedQuery(lambda day: Fact.objects.filter(verified_on=day), object)(None)


def test_a_testimonial_missing_from_the_query_is_missing_from_the_result():
    product = ProductFactory(is_ours=True)
    shown = TestimonialFactory(product=product, approved=True)
    hidden = TestimonialFactory(product=product, approved=True)
    assert {t.pk for t in product.testimonials.newest_public(6)} == {shown.pk, hidden.pk}

    Testimonial.objects.filter(pk=hidden.pk).update(live=False)

    assert [t.pk for t in product.testimonials.newest_public(6)] == [shown.pk]


def test_an_integer_the_database_driver_is_given_typed_is_put_in_place_typed():
    # PostgreSQL's driver is handed a page's depth (a PositiveIntegerField) as an Int4.
    prepared = PreparedQuery(lambda depth: Page.objects.filter(depth=depth).order_by("path"), int)

    for depth in (1, 2, 3):
        assert prepared(depth) == list(Page.objects.filter(depth=depth).order_by("path"))


def facts_among(product_ids, criterion_ids):
    return Fact.objects.among(product_ids, criterion_ids).order_by("pk")


def test_lists_of_each_length_are_compiled_once_and_find_what_a_fresh_queryset_finds(
    compilations,
):
    products = ProductFactory.create_batch(3)
    facts = [FactFactory(product=product) for product in products for _ in range(2)]
    criteria = [fact.criterion_id for fact in facts]
    prepared = PreparedQuery(facts_among, [int], [int])

    asked = [
        ([products[0].pk], criteria),
        ([products[1].pk, products[2].pk], criteria[:3]),
        ([products[2].pk], criteria),
        # A product compared on two plans is listed twice.
        ([products[1].pk, products[1].pk], criteria[2:]),
    ]
    for product_ids, criterion_ids in asked:
        expected = list(facts_among(product_ids, criterion_ids))
        before = compilations[0]
        assert prepared(product_ids, criterion_ids) == expected
        fresh = compilations[0] - before
        assert prepared(product_ids, criterion_ids) == expected
        assert compilations[0] - before == fresh, "compiled once for these lengths"

    assert len(prepared.shapes) == 3  # (1, 6), (2, 3) and (2, 4)


def test_an_empty_list_finds_what_django_finds(compilations):
    fact = FactFactory()
    prepared = PreparedQuery(facts_among, [int], [int])
    # An empty list in an alternative leaves the alternative out.
    either = PreparedQuery(
        lambda ids, plan: Fact.objects.filter(Q(pk__in=ids) | Q(plan=plan)), [int], str
    )

    for _ in range(2):
        before = compilations[0]
        assert prepared([], [fact.criterion_id]) == []
        assert either([], fact.plan) == [fact]
        assert either([], "Nothing") == []
    assert compilations[0] == before, "an empty list's shape is compiled once too"


def test_the_least_recently_used_lengths_are_forgotten(monkeypatch):
    monkeypatch.setattr("home.prepared.SHAPES_KEPT", 2)
    fact = FactFactory()
    prepared = PreparedQuery(facts_among, [int], [int])

    for length in (1, 2, 1, 3):
        assert prepared([fact.product_id] * length, [fact.criterion_id]) == [fact]

    assert list(prepared.shapes) == [(1, 1), (3, 1)]


def test_uuids_reach_each_database_as_it_keeps_them():
    # SQLite keeps a UUID as its hex digits, PostgreSQL as a uuid.
    facts = FactFactory.create_batch(3)
    prepared = PreparedQuery(
        lambda keys: Fact.objects.filter(translation_key__in=keys).order_by("pk"), [UUID]
    )

    assert prepared([fact.translation_key for fact in facts[:2]]) == facts[:2]
    assert prepared([facts[2].translation_key, facts[0].translation_key]) == [facts[0], facts[2]]
    assert prepared([uuid4()]) == []
