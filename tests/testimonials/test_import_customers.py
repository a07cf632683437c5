"""Importing the customer list from CSV, as an editor does it in the admin: a preview
row by row, nothing stored until confirmed, a re-import that updates instead of
duplicating and never resubscribes anyone."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from testimonials.imports.personal_data import erase, export
from testimonials.links import unsubscribe_link
from testimonials.models import CustomerContact
from tests.comparisons.factories import ProductFactory
from tests.testimonials.factories import CustomerFactory
from tests.testimonials.import_helpers import client_in, confirm, csv_bytes, row_errors, upload

pytestmark = pytest.mark.django_db

HEADINGS = ["name", "email", "company", "products", "customer_since", "language", "lawful_basis"]


@pytest.fixture
def editor(django_user_model):
    return client_in(django_user_model, "Editors")


@pytest.fixture
def products(db):
    return [
        ProductFactory(name="Fernhill Desk", ours=True),
        ProductFactory(name="Fernhill Chat", ours=True),
        ProductFactory(name="Rival Desk"),  # a competitor's: never on a customer's list
    ]


def ada(**changes):
    row = {
        "name": "Ada Lovelace",
        "email": "Ada@Example.com",
        "company": "Analytical Engines",
        "products": "Fernhill Desk; fernhill chat",
        "customer_since": "2024-03-01",
        "language": "English",
        "lawful_basis": "contract",
    }
    row.update(changes)
    return [row[name] for name in HEADINGS]


def test_the_preview_stores_nothing_and_confirming_stores_the_list(editor, products):
    engines = CustomerFactory(name="Analytical Engines")
    data = csv_bytes(
        [
            HEADINGS,
            ada(),
            ada(name="Taro Yamada", email="taro@example.jp", language="日本語", company=""),
        ]
    )

    preview = upload(editor, "customers", data)

    assert preview.status_code == 200
    assert preview.context["preview"].counts["new"] == 2
    assert "Ada Lovelace" in preview.content.decode()
    assert not CustomerContact.objects.exists()

    response = confirm(editor, "customers", preview)

    assert response.status_code == 302
    ada_row = CustomerContact.objects.get(email="ada@example.com")
    assert ada_row.customer == engines
    assert sorted(product.name for product in ada_row.products.all()) == [
        "Fernhill Chat",
        "Fernhill Desk",
    ]
    assert ada_row.customer_since == datetime.date(2024, 3, 1)
    assert ada_row.lawful_basis == "contract"
    assert CustomerContact.objects.get(email="taro@example.jp").language == "ja"


def test_wrong_columns_are_refused_whole_naming_what_is_missing(editor, products):
    data = csv_bytes([["nom", "courriel"], ["Ada", "ada@example.com"]])

    response = upload(editor, "customers", data)

    [error] = response.context["form"].errors["file"]
    assert error.startswith("This file lacks the columns “name”, “email”.")
    assert "reads name, email, company (optional)" in error
    assert not CustomerContact.objects.exists()


def test_headings_are_matched_whatever_their_case_and_spaces_and_a_bom(editor, products):
    data = "\ufeff" + " Name ,E-MAIL,Lawful Basis\r\nAda,ada@example.com,Contract\r\n"

    response = upload(editor, "customers", data.encode("utf-8"))

    assert response.context["preview"].counts["new"] == 1
    assert row_errors(response) == []


def test_a_shift_jis_file_from_excel_in_japan_is_read(editor, products):
    data = csv_bytes(
        [
            ["氏名", "メールアドレス", "会社名", "製品", "顧客開始日", "言語", "法的根拠"],
            [
                "山田 太郎",
                "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ",
                "株式会社テスト",
                "Fernhill Desk",
                "2023/4/1",
                "日本語",
                "同意",
            ],
        ],
        encoding="cp932",
    )

    preview = upload(editor, "customers", data)
    confirm(editor, "customers", preview)

    taro = CustomerContact.objects.get()
    assert (taro.name, taro.email, taro.company) == (
        "山田 太郎",
        "taro@example.jp",
        "株式会社テスト",
    )
    assert taro.customer_since == datetime.date(2023, 4, 1)
    assert (taro.language, taro.lawful_basis) == ("ja", "consent")


def test_a_file_in_another_encoding_gets_a_clear_message(editor, products):
    data = "name,email\r\nAda,ada@example.com\r\n".encode("utf-16")

    response = upload(editor, "customers", data)

    assert "CSV UTF-8" in response.context["form"].errors["file"][0]


def test_each_bad_row_is_listed_and_the_file_cannot_be_confirmed(editor, products):
    data = csv_bytes(
        [
            HEADINGS,
            ada(),
            ada(email="ADA@example.com", name="Ada again"),
            ada(email="not-an-address"),
            ada(email="b@example.com", customer_since="1 March 2024"),
            ada(email="c@example.com", products="Fernhill Desk|Rival Desk"),
            ada(email="d@example.com", language="Klingon"),
            ada(email="e@example.com", lawful_basis=""),
        ]
    )

    preview = upload(editor, "customers", data)

    assert row_errors(preview) == [
        (3, "email", "This address is also on row 2: give each person one row."),
        (4, "email", "“not-an-address” is not an e-mail address."),
        (5, "customer_since", "“1 March 2024” is not a date: write it as YYYY-MM-DD."),
        (6, "products", "“Rival Desk” is not one of our products."),
        (7, "language", "“Klingon” is not a language of this site (English or Japanese)."),
        (
            8,
            "lawful_basis",
            "Give the lawful basis for contacting them, or choose one for every row on upload.",
        ),
    ]
    assert 'name="token"' not in preview.content.decode()

    refused = confirm(editor, "customers", preview)

    assert refused.status_code == 200
    assert not CustomerContact.objects.exists()


def test_a_default_on_upload_fills_a_column_the_file_lacks(editor, products):
    data = csv_bytes([["name", "email"], ["Ada", "ada@example.com"]])

    preview = upload(editor, "customers", data, lawful_basis="legitimate_interests", language="ja")
    confirm(editor, "customers", preview)

    assert CustomerContact.objects.get().lawful_basis == "legitimate_interests"
    assert CustomerContact.objects.get().language == "ja"


def test_a_re_import_updates_by_address_and_keeps_whoever_unsubscribed_unsubscribed(
    editor, products
):
    unsubscribed_at = timezone.now() - datetime.timedelta(days=3)
    stored = CustomerContact.objects.create(
        name="Ada L.",
        email="ada@example.com",
        lawful_basis="consent",
        unsubscribed_at=unsubscribed_at,
    )
    same = CustomerContact.objects.create(
        name="Grace Hopper", email="grace@example.com", lawful_basis="contract", language="en"
    )
    data = csv_bytes(
        [
            ["name", "email", "lawful_basis", "language"],
            ["Ada Lovelace", "ADA@example.com", "contract", "en"],
            ["Grace Hopper", "grace@example.com", "contract", "en"],
        ]
    )

    preview = upload(editor, "customers", data)

    counts = preview.context["preview"].counts
    assert (counts["new"], counts["updated"], counts["unchanged"]) == (0, 1, 1)
    assert "Unsubscribed: stays unsubscribed" in preview.content.decode()

    confirm(editor, "customers", preview)

    assert CustomerContact.objects.count() == 2
    stored.refresh_from_db()
    assert (stored.name, stored.lawful_basis) == ("Ada Lovelace", "contract")
    assert stored.unsubscribed_at == unsubscribed_at
    assert CustomerContact.objects.get(pk=same.pk).updated_at == same.updated_at


def test_confirming_reads_the_file_again_against_what_is_stored_now(editor, products):
    data = csv_bytes([HEADINGS, ada()])
    preview = upload(editor, "customers", data)
    # Meanwhile a colleague imported the same person.
    confirm(editor, "customers", upload(editor, "customers", data))

    again = confirm(editor, "customers", preview)

    assert again.status_code == 200  # nothing to import any more: shown, not applied
    assert CustomerContact.objects.count() == 1


def test_an_altered_token_imports_nothing(editor, products):
    preview = upload(editor, "customers", csv_bytes([HEADINGS, ada()]))
    token = preview.context["token"]

    response = editor.post(
        reverse("testimonials_import_customers_confirm"), {"token": token[:-2] + "xx"}
    )

    assert response.status_code == 302
    assert not CustomerContact.objects.exists()


@pytest.mark.parametrize("group", ["Moderators", "Sales"])
def test_only_editors_import_the_list(django_user_model, products, group, editor):
    preview = upload(editor, "customers", csv_bytes([HEADINGS, ada()]))
    other = client_in(django_user_model, group)

    assert other.get(reverse("testimonials_import_customers")).status_code == 403
    assert upload(other, "customers", csv_bytes([HEADINGS, ada()])).status_code == 403
    assert confirm(other, "customers", preview).status_code == 403
    assert not CustomerContact.objects.exists()


def test_the_list_and_its_import_are_the_editors_alone(editor, django_user_model, products):
    """Moderators decide on testimonials: the customers' names and addresses are not
    theirs to read (0015_review_collection_roles)."""
    listing = reverse("wagtailsnippets_testimonials_customercontact:list")
    import_url = reverse("testimonials_import_customers")

    assert import_url in editor.get(listing).content.decode()
    moderator = client_in(django_user_model, "Moderators")
    response = moderator.get(listing)
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def test_a_formula_is_stored_as_text_and_neutralised_in_the_export(editor, products):
    data = csv_bytes([HEADINGS, ada(name='=HYPERLINK("http://evil.example","x")')])
    confirm(editor, "customers", upload(editor, "customers", data))

    assert CustomerContact.objects.get().name == '=HYPERLINK("http://evil.example","x")'
    listing = reverse("wagtailsnippets_testimonials_customercontact:list")
    exported = editor.get(f"{listing}?export=csv")
    body = b"".join(exported.streaming_content).decode()
    assert "'=HYPERLINK" in body


def test_the_listing_filters_by_product_and_unsubscribed(editor, products):
    desk, chat, _ = products
    ada_row = CustomerContact.objects.create(
        name="Ada", email="a@example.com", lawful_basis="consent"
    )
    ada_row.products.add(desk)
    CustomerContact.objects.create(
        name="Bob", email="b@example.com", lawful_basis="consent", unsubscribed_at=timezone.now()
    )
    listing = reverse("wagtailsnippets_testimonials_customercontact:list")

    by_product = editor.get(listing, {"products": desk.pk}).context["object_list"]
    unsubscribed = editor.get(listing, {"unsubscribed": "true"}).context["object_list"]

    assert [contact.name for contact in by_product] == ["Ada"]
    assert [contact.name for contact in unsubscribed] == ["Bob"]


def test_erasing_a_person_erases_their_row_and_export_finds_it(editor, products):
    confirm(editor, "customers", upload(editor, "customers", csv_bytes([HEADINGS, ada()])))

    assert export("ADA@example.com")[0]["products"] == ["Fernhill Chat", "Fernhill Desk"]
    assert erase("ada@example.com") == 1
    assert not CustomerContact.objects.exists()


def imported_queries(client, rows):
    data = csv_bytes(
        [HEADINGS] + [ada(email=f"person{n}@example.com", name=f"Person {n}") for n in range(rows)]
    )
    preview = upload(client, "customers", data)
    with CaptureQueriesContext(connection) as queries:
        response = confirm(client, "customers", preview)
    assert response.status_code == 302
    return len(queries)


def test_confirming_a_large_list_takes_batches_of_queries_not_one_per_row(editor, products):
    CustomerFactory(name="Analytical Engines")
    few = imported_queries(editor, 20)
    CustomerContact.objects.all().delete()

    many = imported_queries(editor, 2000)

    assert CustomerContact.objects.count() == 2000
    # Rows are written in batches (SQLite takes at most 999 values a query, so about 80
    # rows a batch), never a query per row.
    assert many - few <= 2000 // 40


def listing_queries(client):
    listing = reverse("wagtailsnippets_testimonials_customercontact:list")
    with CaptureQueriesContext(connection) as queries:
        assert client.get(listing).status_code == 200
    return len(queries)


def test_the_listing_takes_as_many_queries_for_many_customers_as_for_few(editor, products):
    desk, chat, _ = products

    def add(count, start):
        for n in range(start, start + count):
            contact = CustomerContact.objects.create(
                name=f"P{n}", email=f"p{n}@example.com", lawful_basis="consent"
            )
            contact.products.add(desk, chat)

    add(3, 0)
    listing_queries(editor)  # the first request of a process also loads the site's memory
    few = listing_queries(editor)
    add(30, 3)

    assert listing_queries(editor) == few


def test_the_admin_search_finds_imported_people_by_their_new_names(editor, products):
    listing = reverse("wagtailsnippets_testimonials_customercontact:list")

    def found(query):
        return [
            contact.name for contact in editor.get(listing, {"q": query}).context["object_list"]
        ]

    confirm(editor, "customers", upload(editor, "customers", csv_bytes([HEADINGS, ada()])))
    assert found("Lovelace") == ["Ada Lovelace"]

    renamed = csv_bytes([HEADINGS, ada(name="Ada King")])
    confirm(editor, "customers", upload(editor, "customers", renamed))

    assert found("King") == ["Ada King"]
    assert found("Lovelace") == []


def test_a_file_beyond_the_limits_is_refused_with_the_reason(editor, products, monkeypatch):
    monkeypatch.setattr("testimonials.imports.csv_files.MAX_ROWS", 2)
    rows = [ada(email=f"p{n}@example.com") for n in range(3)]

    too_long = upload(editor, "customers", csv_bytes([HEADINGS, *rows]))
    monkeypatch.setattr("testimonials.imports.csv_files.MAX_BYTES", 100)
    too_large = upload(editor, "customers", csv_bytes([HEADINGS, *rows[:2]]))

    assert "more than 2 rows" in too_long.context["form"].errors["file"][0]
    assert "split it into smaller files" in too_large.context["form"].errors["file"][0]
    assert not CustomerContact.objects.exists()


def test_erased_after_stopping_invitations_and_listed_again_stays_stopped(editor, products, client):
    """Erasure deletes the customer's row; the keyed hash of the address that stopped
    invitations stays, so listing them again (by import or by hand) never restarts
    them."""
    confirm(editor, "customers", upload(editor, "customers", csv_bytes([HEADINGS, ada()])))
    client.post(unsubscribe_link.path(CustomerContact.objects.get()), {})
    assert erase("ada@example.com") == 1

    confirm(editor, "customers", upload(editor, "customers", csv_bytes([HEADINGS, ada()])))

    assert CustomerContact.objects.get().unsubscribed_at is not None
    erase("ada@example.com")
    by_hand = CustomerContact.objects.create(
        name="Ada", email=" ADA@example.com", lawful_basis="contract"
    )
    assert by_hand.unsubscribed_at is not None
