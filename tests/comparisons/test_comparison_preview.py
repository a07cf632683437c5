"""An editor previews a comparison while changing it: the preview costs the same queries
for 3 rows as for 40 (each row's product or criterion is not looked up on its own),
and a choice the form must refuse is still refused, on its row."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

import pytest

from comparisons.models import ComparisonPage, Criterion
from tests.comparisons.factories import CriterionFactory
from tests.comparisons.fixtures import build_comparison_grid

pytestmark = pytest.mark.django_db


def edit_form(page, criteria=None):
    """The page's edit form as the admin posts it: its rows, each with its id, and
    ``criteria`` (values as posted) in place of the page's own when given."""
    products = list(page.compared_products.order_by("sort_order"))
    rows = list(page.compared_criteria.order_by("sort_order"))
    chosen = criteria if criteria is not None else [row.criterion_id for row in rows]
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": rich_text("<p>For teams choosing a helpdesk.</p>"),
            "compared_products": inline_formset(
                [
                    {"id": row.pk, "product": row.product_id, "plan": row.plan, "best_for": ""}
                    for row in products
                ],
                initial=len(products),
            ),
            "compared_criteria": inline_formset(
                [
                    {"id": rows[i].pk if i < len(rows) else "", "criterion": value}
                    for i, value in enumerate(chosen)
                ],
                initial=len(rows),
            ),
            "selection_note": "Mid-tier plans at similar prices.",
            "author_name": "Ana Ortiz",
            "reviewed_on": "2026-01-15",
        }
    )


def preview(client, page, data):
    """Queries to post the form to the preview and to show the preview; the answers."""
    url = f"/admin/pages/{page.pk}/edit/preview/"
    with CaptureQueriesContext(connection) as posting:
        posted = client.post(url, data)
    with CaptureQueriesContext(connection) as showing:
        shown = client.get(url, {"mode": ""})
    return len(posting), len(showing), posted, shown


def test_a_preview_costs_the_same_queries_for_4_rows_as_for_40(editors_client, comparison_index):
    # A row of every kind in both (a short text's ranked values are a query of their own).
    small = build_comparison_grid(comparison_index, 3, 4)
    large = build_comparison_grid(comparison_index, 8, 40)
    # Warmed up: a page's first preview stores the form's state; later ones update it.
    for page in (small, large):
        preview(editors_client, page, edit_form(page))

    *small_counts, posted, shown = preview(editors_client, small, edit_form(small))
    assert posted.json()["is_valid"] and shown.status_code == 200
    *large_counts, posted, shown = preview(editors_client, large, edit_form(large))
    assert posted.json()["is_valid"] and shown.status_code == 200

    assert large_counts == small_counts
    last = large.compared_criteria.order_by("sort_order").last().criterion
    assert last.name in shown.content.decode()


def test_the_preview_shows_a_criterion_the_editor_just_added(editors_client, comparison_index):
    page = build_comparison_grid(comparison_index, 2, 2)
    added = CriterionFactory(name="Offline mode")
    chosen = [row.criterion_id for row in page.compared_criteria.order_by("sort_order")]

    _, _, posted, shown = preview(editors_client, page, edit_form(page, [*chosen, added.pk]))

    assert posted.json()["is_valid"]
    assert "Offline mode" in shown.content.decode()
    assert (
        not ComparisonPage.objects.get(pk=page.pk)
        .compared_criteria.filter(criterion=added)
        .exists()
    )


@pytest.mark.parametrize(
    "refused", ["japanese", "missing"], ids=["a criterion in another language", "no such criterion"]
)
def test_a_choice_the_form_refuses_is_refused_on_its_row(editors_client, comparison_index, refused):
    page = build_comparison_grid(comparison_index, 2, 3)
    rows = list(page.compared_criteria.order_by("sort_order"))
    if refused == "japanese":
        japanese = Locale.objects.get_or_create(language_code="ja")[0]
        translation = rows[1].criterion.copy_for_translation(japanese)
        translation.save()
        value = translation.pk
    else:
        value = Criterion.objects.order_by("-pk").first().pk + 1
    chosen = [rows[0].criterion_id, value, rows[2].criterion_id]
    url = f"/admin/pages/{page.pk}/edit/"

    response = editors_client.post(url, edit_form(page, chosen))
    posted = editors_client.post(f"{url}preview/", edit_form(page, chosen))

    assert response.status_code == 200
    formset = response.context["form"].formsets["compared_criteria"]
    assert [bool(form.errors) for form in formset.forms] == [False, True, False]
    assert "Select a valid choice" in str(formset.forms[1].errors["criterion"])
    assert [row.criterion_id for row in page.compared_criteria.order_by("sort_order")] == [
        row.criterion_id for row in rows
    ]
    assert not posted.json()["is_valid"]


def test_a_tampered_choice_fails_the_preview_not_the_server(editors_client, comparison_index):
    page = build_comparison_grid(comparison_index, 2, 2)
    first = page.compared_criteria.order_by("sort_order").first()

    posted = editors_client.post(
        f"/admin/pages/{page.pk}/edit/preview/", edit_form(page, [first.criterion_id, "3 OR 1=1"])
    )

    assert posted.status_code == 200
    assert not posted.json()["is_valid"]
