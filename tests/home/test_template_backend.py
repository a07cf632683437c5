"""What a page's template was given is freed when the response leaves, without waiting
for Python's cyclic garbage collector (home/template_backend.py)."""

import gc
import weakref
from io import BytesIO
from wsgiref.util import setup_testing_defaults

from django.template import engines
from django.test import RequestFactory
from django.test.client import ClientHandler

import pytest

from comparisons.models import Fact


@pytest.fixture
def collector_off():
    """Only reference counting frees anything while the test runs."""
    gc.collect()
    gc.disable()
    yield
    gc.enable()


class Given:
    """Something a view hands its template."""


def test_what_a_template_is_given_is_freed_once_it_is_rendered(collector_off):
    given = Given()
    freed = weakref.ref(given)
    template = engines["django"].from_string("{{ given }}")

    template.render({"given": given}, request=RequestFactory().get("/"))
    del given

    assert freed() is None


def test_a_template_that_fails_lets_go_of_its_context_too(collector_off):
    given = Given()
    freed = weakref.ref(given)
    template = engines["django"].from_string("{% include 'no/such/template.html' %}")

    with pytest.raises(Exception, match="no/such/template.html"):
        template.render({"given": given}, request=RequestFactory().get("/"))
    del given

    assert freed() is None


@pytest.mark.django_db
def test_a_comparison_rendered_by_the_site_leaves_no_fact_for_the_collector(
    site_settings, comparison_grid, collector_off
):
    page = comparison_grid(product_count=3, criterion_count=10)
    # Facts other tests left behind, held here so that none is freed and its address
    # taken by a fact of this render.
    earlier = facts_in_memory()
    known = {id(fact) for fact in earlier}

    status, body = serve(page.url)

    assert status == 200
    assert b"comparison-table" in body
    assert [fact for fact in facts_in_memory() if id(fact) not in known] == []


def facts_in_memory():
    return [obj for obj in gc.get_objects() if type(obj) is Fact]


def serve(path):
    """The page through the whole stack, without the test client, whose response keeps
    what it rendered for the test to read. Django's handler for tests, as the client
    uses it: it leaves the database connection of the test's transaction open."""
    environ = {"PATH_INFO": path, "HTTP_HOST": "localhost", "wsgi.input": BytesIO()}
    setup_testing_defaults(environ)
    response = ClientHandler()(environ)
    return response.status_code, response.content
