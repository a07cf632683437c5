"""What editors see of the honesty checks: an "Honesty checks" section in the edit
view's checks panel, and a report of live pages that now fail a blocking check."""

from django.contrib.auth.models import Group
from django.urls import reverse

import pytest

from comparisons.models import NotSuitableFor
from home.honesty import PublishingRefused
from tests.comparisons.factories import ProductFactory, ProductPageFactory
from tests.comparisons.test_publish_paths import draft_comparison, make_one_sided

pytestmark = pytest.mark.django_db

REPORT_URL = "/admin/reports/failing-honesty-checks/"


@pytest.fixture
def page_editor(django_user_model):
    user = django_user_model.objects.create_user(username="page-editor", password="unused")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def desks():
    return ProductFactory(name="Fernhill Desk", is_ours=True), ProductFactory(name="Tidewell")


def test_the_checks_panel_lists_blocking_problems_with_a_link_to_the_field(
    client, page_editor, comparison_index, desks
):
    page = draft_comparison(comparison_index, desks, honest=False, slug="one-sided")
    client.force_login(page_editor)

    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()

    panel = html[html.index("data-honesty-checks") :]
    assert "Honesty checks" in panel
    assert "Blocks publishing" in panel
    assert "Our products lead on every ranked row" in panel
    assert 'href="#panel-child-content-criteria_rows-section"' in panel
    assert 'id="panel-child-content-criteria_rows-section"' in html


def test_a_warning_links_to_the_inline_item_to_fix(client, page_editor, product_index):
    page = ProductPageFactory(
        parent=product_index,
        not_suitable_for=[NotSuitableFor(situation="You answer by phone", reason="No phone.")],
    )
    client.force_login(page_editor)

    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()

    panel = html[html.index("data-honesty-checks") :]
    assert "Warnings" in panel
    assert "“You answer by phone” names no alternative" in panel
    assert 'href="#panel-child-content-not_suitable_for-section"' in panel
    assert 'id="panel-child-content-not_suitable_for-section"' in html


def test_the_checks_panel_of_an_honest_page_says_nothing_was_found(
    client, page_editor, comparison_index, desks
):
    page = draft_comparison(comparison_index, desks, honest=True, slug="honest")
    client.force_login(page_editor)

    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()

    assert "No problems found" in html[html.index("data-honesty-checks") :]


def test_a_live_comparison_that_became_one_sided_stays_live_is_reported_and_cannot_be_republished(
    client, page_editor, comparison_index, desks
):
    page = draft_comparison(comparison_index, desks, honest=True, slug="was-honest")
    page.get_latest_revision().publish()
    make_one_sided(page)

    assert client.get(page.url).status_code == 200  # nothing unpublishes it silently
    client.force_login(page_editor)
    report = client.get(REPORT_URL)
    assert report.status_code == 200
    assert [p.pk for p in report.context["object_list"]] == [page.pk]
    assert "Our products lead on every ranked row" in report.content.decode()
    assert "failing-honesty-checks" in client.get("/admin/").content.decode()
    with pytest.raises(PublishingRefused):
        page.save_revision().publish()


def test_honest_live_pages_are_not_reported(client, page_editor, comparison_index, desks):
    draft_comparison(
        comparison_index, desks, honest=True, slug="honest"
    ).get_latest_revision().publish()
    client.force_login(page_editor)

    assert list(client.get(REPORT_URL).context["object_list"]) == []


def test_people_who_cannot_change_pages_do_not_get_the_report(sales_client):
    assert sales_client.get(REPORT_URL).status_code in (302, 403)
    assert "failing-honesty-checks" not in sales_client.get("/admin/").content.decode()
