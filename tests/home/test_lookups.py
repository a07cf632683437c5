"""``among``: the rows whose foreign key is one of some keys, the same query as Django's
``__in`` on the relation."""

from django.db.models import Q

import pytest

from comparisons.models import Fact
from home.lookups import among
from tests.comparisons.factories import FactFactory

pytestmark = pytest.mark.django_db


def test_among_asks_what_the_relations_own_lookup_asks_without_a_join():
    ours = Fact.objects.filter(among("product", [3, 1]), among("criterion", [7]))
    djangos = Fact.objects.filter(Q(product__in=[3, 1]), Q(criterion__in=[7]))

    assert ours.query.sql_with_params() == djangos.query.sql_with_params()
    # The model's ordering joins its criteria; the condition itself joins nothing.
    assert "JOIN" not in str(ours.order_by().query)


def test_among_finds_the_rows_of_those_keys_only():
    wanted, other = FactFactory(), FactFactory()

    found = Fact.objects.filter(among("product", [wanted.product_id]))

    assert list(found) == [wanted]
    assert not Fact.objects.filter(among("product", [])).exists()
    assert other.product_id != wanted.product_id
