"""Queries compiled once per process (home.prepared): each run with other values finds
what a queryset built afresh finds, related objects and prefetches included, without
compiling again; a query whose values would not reach the database as they are is
refused before it runs."""

from datetime import datetime
from decimal import Decimal
from uuid import UUID, uuid4

from django.db import connection, connections
from django.db.models import Q
from django.db.models.signals import post_init
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from wagtail.models import Locale, Page

import pytest
from wagtail_factories import ImageFactory

from comparisons.demo.japanese_catalogue import translate_object
from comparisons.models import ComparedProduct, Criterion, Fact
from home.prepared import PreparationError, PreparedQuery
from testimonials.models import Testimonial
from tests.comparisons.factories import (
    ComparedProductFactory,
    ComparisonPageFactory,
    FactFactory,
    ProductFactory,
)
from tests.testimonials.factories import TestimonialFactory

pytestmark = pytest.mark.django_db


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


def test_a_language_the_site_adds_has_its_testimonials_among_a_products_newest(settings):
    """The query's segments are the site's languages: one more, and the query compiled
    before it is not the one run."""
    product = ProductFactory(is_ours=True)
    TestimonialFactory(product=product, language="en", approved=True)
    assert len(product.testimonials.newest_public(6)) == 1  # compiled for en and ja
    french = TestimonialFactory(product=product, language="fr", approved=True)

    settings.LANGUAGES = [*settings.LANGUAGES, ("fr", "French")]

    assert french.pk in {t.pk for t in product.testimonials.newest_public(6)}


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


def loaded(instance):
    """What an instance was loaded with: its fields and annotations, typed."""
    return {name: value for name, value in vars(instance).items() if not name.startswith("_")}


def test_rows_made_at_once_hold_what_djangos_iterable_makes(django_assert_num_queries):
    """A table's facts (fields left out, annotations, a number, a date and a time) and
    a listing's dictionaries are made from all their rows at once: the same values, of
    the same types, with the same fields deferred."""
    ja = Locale.objects.get_or_create(language_code="ja")[0]
    product = ProductFactory()
    facts = [
        FactFactory(
            product=product, criterion__kind=Criterion.Kind.NUMBER, numeric=True, note="Per seat"
        ),
        FactFactory(product=product, source_checked_at=timezone.now()),
    ]
    translate_object(product, ja, {"Per seat": "1席あたり"})  # with its facts

    def shown(product_ids, criterion_ids):
        return Fact.objects.among(product_ids, criterion_ids).as_shown(ja.pk).order_by("pk")

    prepared = PreparedQuery(shown, [int], [int])
    keys = [product.pk], [fact.criterion_id for fact in facts]
    expected = list(shown(*keys))
    with django_assert_num_queries(1):
        found = prepared(*keys)

    assert [loaded(fact) for fact in found] == [loaded(fact) for fact in expected]
    assert getattr(found[0], f"note_in_locale_{ja.pk}") == "1席あたり"
    assert getattr(found[1], f"note_in_locale_{ja.pk}") == ""
    assert [fact.get_deferred_fields() for fact in found] == [
        fact.get_deferred_fields() for fact in expected
    ]
    assert type(found[0].number) is Decimal and type(found[1].source_checked_at) is datetime
    assert all(fact._state.adding is False and fact._state.db == "default" for fact in found)
    listed = PreparedQuery(lambda pk: Fact.objects.filter(pk=pk).values("pk", "verified_on"), int)
    assert listed(facts[1].pk) == list(
        Fact.objects.filter(pk=facts[1].pk).values("pk", "verified_on")
    )


def test_objects_selected_with_the_rows_are_made_at_once_as_djangos_populators_make_them(
    django_assert_num_queries,
):
    """A comparison's columns come with their product and its logo (select_related, two
    levels deep): the same objects as Django's, a missing logo None, in one query."""
    page = ComparisonPageFactory()
    with_logo = ProductFactory(logo=ImageFactory())
    for product in (with_logo, ProductFactory(), with_logo):
        ComparedProductFactory(page=page, product=product)

    def columns(page_id):
        return ComparedProduct.objects.filter(page_id=page_id).select_related(
            "product", "product__logo"
        )

    prepared = PreparedQuery(columns, int)
    expected = list(columns(page.pk))
    with django_assert_num_queries(1):
        found = prepared(page.pk)
        logos = [column.product.logo for column in found]
    (compiled,) = prepared.shapes.values()

    assert compiled.make is not None, "made at once, not row by row"
    assert [loaded(column) for column in found] == [loaded(column) for column in expected]
    assert [loaded(column.product) for column in found] == [
        loaded(column.product) for column in expected
    ]
    assert logos == [column.product.logo for column in expected]
    assert logos[1] is None and loaded(logos[0]) == loaded(expected[0].product.logo)
    assert found[0].product is not found[2].product, "each row its own, as Django's"


def test_a_fact_made_at_once_knows_when_it_is_verified_anew():
    """Saving a fact with a new source clears the source watcher's flag: it must know
    the source it was loaded with."""
    fact = FactFactory()
    Fact.objects.filter(pk=fact.pk).update(source_flag="changed")  # as the watcher does
    prepared = PreparedQuery(lambda pk: Fact.objects.filter(pk=pk), int)

    (same,) = prepared(fact.pk)
    same.note = "Reworded"
    with CaptureQueriesContext(connection) as saving:
        same.save()
    assert Fact.objects.get(pk=fact.pk).source_flag == "changed"
    # Known as loaded, as Django's own instance knows it: not read again to compare.
    with CaptureQueriesContext(connection) as saving_djangos:
        Fact.objects.get(pk=fact.pk).save()
    assert len(saving) == len(saving_djangos) - 1

    (moved,) = prepared(fact.pk)
    moved.source_url = "https://vendor.example/docs/new"
    moved.save()
    assert Fact.objects.get(pk=fact.pk).source_flag == ""


def test_rows_go_through_django_while_anybody_listens_for_new_instances():
    fact = FactFactory()
    prepared = PreparedQuery(lambda pk: Fact.objects.filter(pk=pk), int)
    heard = []

    def listener(sender, instance, **kwargs):
        heard.append(instance.pk)

    post_init.connect(listener, sender=Fact)
    try:
        assert prepared(fact.pk) == [fact]
    finally:
        post_init.disconnect(listener, sender=Fact)

    assert heard == [fact.pk]


def test_columns_are_read_by_the_operations_of_the_connection_running_the_query():
    """Each thread has its own connection: a query compiled on one and run on another
    reads its columns with the other's functions."""
    fact = FactFactory()
    prepared = PreparedQuery(lambda pk: Fact.objects.filter(pk=pk), int)
    prepared(fact.pk)
    (compiled,) = prepared.shapes.values()
    other = connections.create_connection("default")
    try:
        converters = compiled.converters(other)
    finally:
        other.close()

    bound = [
        function.__self__
        for functions, _ in converters.values()
        for function in functions
        if hasattr(function, "__self__")
    ]
    assert all(owner is other.ops for owner in bound)
    # SQLite's dates are read by its operations; PostgreSQL's driver reads its own.
    assert bound or connection.vendor != "sqlite"
    assert compiled.converters(connection) is compiled.converters(connection)
    assert compiled.converters(connection) is not converters
