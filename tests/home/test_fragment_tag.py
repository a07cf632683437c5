"""The ``{% fragment %}`` tag: Django's ``{% cache %}`` that leaves the cache alone when
a fragment is given no time to live (a preview, or fragments turned off)."""

from unittest import mock

from django.core.cache import caches
from django.template import Context, Template, TemplateSyntaxError

import pytest

TEMPLATE = Template(
    '{% load fragment_tags %}{% fragment seconds "table" page %}{{ value }}{% endfragment %}'
)


def render(**context):
    return TEMPLATE.render(Context(context))


@pytest.fixture
def cache():
    cache = caches["default"]
    cache.clear()
    yield cache
    cache.clear()


def test_a_fragment_with_seconds_to_live_is_rendered_once_and_then_read(cache):
    assert render(seconds=60, page=1, value="first") == "first"
    # The same page: the stored fragment, although the value has changed since.
    assert render(seconds=60, page=1, value="second") == "first"
    # Another page: a fragment of its own.
    assert render(seconds=60, page=2, value="second") == "second"


def test_a_fragment_given_no_time_to_live_is_rendered_without_asking_the_cache(cache):
    with (
        mock.patch.object(cache, "get", wraps=cache.get) as read,
        mock.patch.object(cache, "set", wraps=cache.set) as written,
    ):
        assert render(seconds=0, page=1, value="first") == "first"
        assert render(seconds=0, page=1, value="second") == "second"

    assert read.call_count == written.call_count == 0
    # Nothing was kept for later either.
    assert render(seconds=60, page=1, value="third") == "third"


def test_a_fragment_needs_its_seconds_and_its_name():
    with pytest.raises(TemplateSyntaxError, match="its seconds and its name"):
        Template("{% load fragment_tags %}{% fragment 60 %}x{% endfragment %}")
