"""What an editor sees in the admin: a product they create is reported created, and
the reference requests say when each is needed and who asked."""

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

import pytest

from comparisons.models import ComparisonPage

pytestmark = pytest.mark.browser

PASSWORD = "a-long-pass-phrase-for-tests"  # noqa: S105


@pytest.fixture
def logged_in_editor(demo_site, open_page):
    editor = get_user_model().objects.create_user(
        username="edna", password=PASSWORD, first_name="Edna", last_name="Editor"
    )
    editor.groups.add(Group.objects.get(name="Editors"))

    def open_as_editor(path, width):
        page = open_page(f"{demo_site}/admin/login/", width)
        page.fill("input[name=username]", "edna")
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{demo_site}/admin/")
        page.goto(f"{demo_site}{path}")
        return page

    yield open_as_editor
    editor.delete()


def test_a_product_the_editor_creates_is_reported_created(logged_in_editor, screenshot):
    page = logged_in_editor("/admin/snippets/comparisons/product/add/", 1280)
    page.fill("input[name=name]", "Fernhill Voice")
    page.fill("input[name=vendor]", "Fernhill Labs")
    page.fill("input[name=summary]", "Phone support for small teams.")
    page.wait_for_timeout(1500)  # longer than Wagtail's autosave interval
    screenshot(page, "editor-product-add-1280")
    page.locator("footer button[type=submit]").first.click()
    # Back to the listing of products in the language the product was written in.
    page.wait_for_url(re.compile(r"/admin/snippets/comparisons/product/(\?locale=en)?$"))

    message = page.locator(".messages").inner_text()
    screenshot(page, "editor-product-created-1280")
    assert "Product 'Fernhill Voice' created." in message
    assert "updated" not in message


@pytest.mark.parametrize("width", [375, 1280])
def test_reference_requests_show_dates_and_who_asked(logged_in_editor, screenshot, width):
    page = logged_in_editor("/admin/snippets/testimonials/referencerequest/", width)

    table = page.locator("table.listing").inner_text()
    screenshot(page, f"editor-reference-requests-{width}")
    assert "Just now" not in table
    assert "Jonas Berg" in table


@pytest.mark.parametrize("width", [375, 1280])
def test_the_preview_panel_shows_the_comparison_being_edited(logged_in_editor, screenshot, width):
    comparison = ComparisonPage.objects.filter(locale__language_code="en").order_by("path")[0]
    page = logged_in_editor(f"/admin/pages/{comparison.pk}/edit/", width)
    refused = []
    page.on(
        "console",
        lambda message: refused.append(message.text) if "violates" in message.text else None,
    )

    page.click("button[data-side-panel-toggle='preview']")
    preview = page.frame_locator("iframe[title='Preview']").first
    preview.locator("table caption").first.wait_for(timeout=30_000)
    screenshot(page, f"editor-comparison-preview-{width}")

    assert comparison.title in preview.locator("h1").inner_text()
    assert not [text for text in refused if "frame-ancestors" in text]
