"""What an editor sees when they upload a customer list: the counts, the rows to
correct with their row and column, and no way to confirm a file that has any."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

import pytest

from testimonials.models import CustomerContact

pytestmark = pytest.mark.browser

PASSWORD = "a-long-pass-phrase-for-tests"  # noqa: S105
ROWS = [
    "name,email,company,products,customer_since,language,lawful_basis",
    "Ada Lovelace,ada@example.com,Analytical Engines,Fernhill Desk; Fernhill Chat,2024-03-01,"
    "en,contract",
    "山田 太郎,taro@example.jp,株式会社テスト,Fernhill Desk,2023/4/1,日本語,consent",
    "Ada again,ADA@example.com,,Fernhill Desk,2024-03-01,en,contract",
    "Grace Hopper,grace@example,,Rival Desk,1 March 2024,Klingon,",
]
# The demo site has a customer list of its own: these are the file's.
IMPORTED = ["ada@example.com", "taro@example.jp"]


@pytest.fixture
def editor_page(demo_site, open_page):
    editor = get_user_model().objects.create_user(username="edie", password=PASSWORD)
    editor.groups.add(Group.objects.get(name="Editors"))
    page = open_page(f"{demo_site}/admin/login/", 1280)
    page.fill("input[name=username]", "edie")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{demo_site}/admin/")
    yield page
    editor.delete()


def test_the_preview_lists_counts_and_rows_to_correct(editor_page, demo_site, screenshot, tmp_path):
    page = editor_page
    page.goto(f"{demo_site}/admin/snippets/testimonials/customercontact/")
    page.get_by_role("link", name="Import CSV").click()
    screenshot(page, "editor-import-customers-upload-1280")
    upload = tmp_path / "customers.csv"
    upload.write_text("\r\n".join(ROWS) + "\r\n", encoding="utf-8-sig")
    page.set_input_files("input[name=file]", str(upload))
    page.get_by_role("button", name="Preview").click()

    page.wait_for_selector("text=What this file would change")
    screenshot(page, "editor-import-customers-preview-1280")
    text = page.locator("main").inner_text()
    assert "This address is also on row 2" in text
    assert "“Rival Desk” is not one of our products." in text
    assert page.get_by_role("button", name="Confirm and import").count() == 0
    assert not CustomerContact.objects.filter(email__in=IMPORTED).exists()


def test_a_clean_file_is_confirmed(editor_page, demo_site, screenshot, tmp_path):
    page = editor_page
    page.goto(f"{demo_site}/admin/imports/customers/")
    upload = tmp_path / "customers.csv"
    upload.write_text("\r\n".join(ROWS[:3]) + "\r\n", encoding="utf-8")
    page.set_input_files("input[name=file]", str(upload))
    page.get_by_role("button", name="Preview").click()
    screenshot(page, "editor-import-customers-clean-preview-1280")
    page.get_by_role("button", name="Confirm and import").click()

    page.wait_for_url(f"{demo_site}/admin/snippets/testimonials/customercontact/")
    screenshot(page, "editor-import-customers-done-1280")
    assert "2 new, 0 updated" in page.locator(".messages").inner_text()
    assert CustomerContact.objects.filter(email__in=IMPORTED).count() == 2
    CustomerContact.objects.filter(email__in=IMPORTED).delete()


def test_the_review_preview_shows_duplicates_and_refused_ratings(
    editor_page, demo_site, screenshot, tmp_path
):
    page = editor_page
    page.goto(f"{demo_site}/admin/")
    page.get_by_role("link", name="Import reviews").click()
    upload = tmp_path / "g2.csv"
    review = (
        "https://www.g2.com/products/fernhill-desk/reviews/{n},2026-03-0{n},{stars},{text},Ada L."
    )
    upload.write_text(
        "\r\n".join(
            [
                "Review URL,Submitted At,Star Rating,What do you like best?,User Name",
                review.format(n=1, stars="5", text="The shared inbox."),
                review.format(n=2, stars="4.5", text="Reports are quick."),
                review.format(n=3, stars="5", text="The  shared inbox."),
            ]
        )
        + "\r\n",
        encoding="utf-8",
    )
    page.set_input_files("input[name=file]", str(upload))
    page.select_option("select[name=platform]", "g2")
    page.select_option("select[name=basis]", "platform_licence")
    page.select_option("select[name=product]", label="Fernhill Desk")
    page.get_by_role("button", name="Preview").click()

    page.wait_for_selector("text=What this file would change")
    screenshot(page, "editor-import-reviews-preview-1280")
    text = page.locator("main").inner_text()
    assert "not a whole number of stars" in text
    assert "The same review as row 2" in text
