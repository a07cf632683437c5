"""Importing reviews customers wrote on other sites, as an editor does in the admin:
pending testimonials that say where, when and on what basis they were first posted,
in the author's own words, each imported once."""

import datetime

from django.urls import reverse
from django.utils import timezone

import pytest

from testimonials.models import Testimonial
from tests.comparisons.factories import ProductFactory
from tests.testimonials.factories import TestimonialFactory
from tests.testimonials.import_helpers import client_in, confirm, csv_bytes, row_errors, upload

pytestmark = pytest.mark.django_db

GENERIC = [
    "platform",
    "original_url",
    "original_date",
    "rating",
    "text",
    "author_name",
    "author_role",
    "author_company",
    "product",
    "language",
    "basis",
]
WORDS = "Setup took  an afternoon.\nSupport answered in Japanese, too."


@pytest.fixture
def editor(django_user_model):
    return client_in(django_user_model, "Editors")


@pytest.fixture
def desk(db):
    return ProductFactory(name="Fernhill Desk", ours=True)


def review(**changes):
    row = {
        "platform": "G2",
        "original_url": "https://www.g2.com/products/fernhill-desk/reviews/1",
        "original_date": "2026-03-03",
        "rating": "4",
        "text": WORDS,
        "author_name": "Ada L.",
        "author_role": "Support lead",
        "author_company": "Analytical Engines",
        "product": "Fernhill Desk",
        "language": "en",
        "basis": "platform_licence",
    }
    row.update(changes)
    return [row[name] for name in GENERIC]


def test_an_imported_review_is_pending_with_its_provenance_and_its_words(editor, desk):
    preview = upload(editor, "reviews", csv_bytes([GENERIC, review()]))

    assert preview.context["preview"].counts["new"] == 1
    assert not Testimonial.objects.exists()

    assert confirm(editor, "reviews", preview).status_code == 302

    imported = Testimonial.objects.get()
    assert imported.quote == WORDS  # kept as written, double space and line break too
    assert (imported.status, imported.live) == (Testimonial.Status.PENDING, False)
    assert imported.source == Testimonial.Source.IMPORT
    assert (imported.platform, imported.import_basis) == ("g2", "platform_licence")
    assert imported.original_url == "https://www.g2.com/products/fernhill-desk/reviews/1"
    assert imported.original_posted_on == datetime.date(2026, 3, 3)
    assert timezone.localdate(imported.submitted_at) == datetime.date(2026, 3, 3)
    assert (imported.email, imported.rating, imported.product) == ("", 4, desk)
    assert imported.verification == Testimonial.Verification.NONE
    assert imported.provenance_errors() == {}
    assert Testimonial.objects.public().count() == 0


def test_defaults_chosen_on_upload_fill_what_the_file_lacks(editor, desk):
    data = csv_bytes(
        [
            ["original_url", "original_date", "text", "author_name"],
            ["https://www.capterra.com/reviews/1", "2025/12/24", "Good.", "Taro"],
        ]
    )

    preview = upload(
        editor, "reviews", data, platform="capterra", basis="author_consent", product=desk.pk
    )
    confirm(editor, "reviews", preview)

    imported = Testimonial.objects.get()
    assert (imported.platform, imported.import_basis, imported.product) == (
        "capterra",
        "author_consent",
        desk,
    )


def test_g2_export_columns_are_read(editor, desk):
    data = csv_bytes(
        [
            [
                "Review URL",
                "Submitted At",
                "Star Rating",
                "Review Title",
                "What do you like best about Fernhill Desk?",
                "What do you dislike about Fernhill Desk?",
                "User Name",
                "Votes Up",
            ],
            [
                "https://www.g2.com/products/fernhill-desk/reviews/2",
                "2026-02-01 09:30:00 UTC",
                "5.0",
                "Calm support",
                "The shared inbox.",
                "Reports are slow.",
                "Grace H.",
                "3",
            ],
        ]
    )

    preview = upload(
        editor, "reviews", data, platform="g2", basis="platform_licence", product=desk.pk
    )

    assert preview.context["preview"].ignored_columns == ["Votes Up"]
    confirm(editor, "reviews", preview)
    imported = Testimonial.objects.get()
    assert imported.quote == (
        "Review Title\nCalm support\n\n"
        "What do you like best about Fernhill Desk?\nThe shared inbox.\n\n"
        "What do you dislike about Fernhill Desk?\nReports are slow."
    )
    assert (imported.rating, imported.author_name) == (5, "Grace H.")
    assert imported.original_posted_on == datetime.date(2026, 2, 1)


def test_capterra_export_columns_are_read(editor, desk):
    data = csv_bytes(
        [
            [
                "Reviewer Name",
                "Job Title",
                "Company Name",
                "Overall Rating",
                "Review Date",
                "Pros",
                "Cons",
                "Link",
            ],
            [
                "Linus T.",
                "CTO",
                "Kernel Co",
                "3",
                "2026/01/15",
                "Fast.",
                "Pricey.",
                "https://www.capterra.com/p/1/Fernhill-Desk/reviews/9/",
            ],
        ]
    )

    preview = upload(
        editor, "reviews", data, platform="capterra", basis="author_consent", product=desk.pk
    )
    confirm(editor, "reviews", preview)

    imported = Testimonial.objects.get()
    assert (imported.author_name, imported.author_role, imported.author_company) == (
        "Linus T.",
        "CTO",
        "Kernel Co",
    )
    assert imported.quote == "Pros\nFast.\n\nCons\nPricey."
    assert (imported.rating, imported.platform) == (3, "capterra")


def test_half_stars_and_ten_point_scores_are_refused_not_rounded(editor, desk):
    data = csv_bytes([GENERIC, review(rating="4.5"), review(rating="9", author_name="B")])

    preview = upload(editor, "reviews", data)

    errors = row_errors(preview)
    assert [(row, column) for row, column, _ in errors] == [(2, "rating"), (3, "rating")]
    assert "not a whole number of stars" in errors[0][2]
    assert "not a rating from 1 to 5" in errors[1][2]
    assert confirm(editor, "reviews", preview).status_code == 200
    assert not Testimonial.objects.exists()


def test_rows_missing_their_provenance_are_errors(editor, desk):
    data = csv_bytes(
        [
            GENERIC,
            review(original_url="not a url"),
            review(original_date="March 3rd", author_name="B"),
            review(basis="", author_name="C"),
            review(product="Rival Desk", author_name="D"),
        ]
    )

    preview = upload(editor, "reviews", data)

    assert [(row, column) for row, column, _ in row_errors(preview)] == [
        (2, "original_url"),
        (3, "original_date"),
        (4, "basis"),
        (5, "product"),
    ]


def test_duplicates_in_the_file_and_of_stored_ones_are_shown_and_imported_once(editor, desk):
    TestimonialFactory(product=desk, author_name="Grace H.", quote="Works well.")
    data = csv_bytes(
        [
            GENERIC,
            review(),
            review(
                text="Setup took an afternoon. Support answered in japanese, too.",
                author_name="ada l.",
            ),
            review(author_name="Grace  H.", text="Works  well."),
        ]
    )

    preview = upload(editor, "reviews", data)

    rows = preview.context["preview"].rows
    assert [row.outcome for row in rows] == ["new", "duplicate", "duplicate"]
    assert "The same review as row 2" in rows[1].notes[0]
    assert "Already here" in rows[2].notes[0]
    confirm(editor, "reviews", preview)
    assert Testimonial.objects.filter(source=Testimonial.Source.IMPORT).count() == 1


def test_importing_the_same_file_again_imports_nothing_new(editor, desk):
    data = csv_bytes([GENERIC, review(), review(author_name="Grace H.", text="Works well.")])
    confirm(editor, "reviews", upload(editor, "reviews", data))

    again = upload(editor, "reviews", data)

    assert again.context["preview"].counts["duplicate"] == 2
    assert 'name="token"' not in again.content.decode()
    assert Testimonial.objects.count() == 2


def test_a_formula_in_a_review_is_stored_as_text_and_neutralised_in_the_export(editor, desk):
    formula = '=HYPERLINK("http://evil.example","x")'
    confirm(
        editor,
        "reviews",
        upload(editor, "reviews", csv_bytes([GENERIC, review(author_name=formula)])),
    )

    assert Testimonial.objects.get().author_name == formula
    listing = reverse("wagtailsnippets_testimonials_testimonial:list")
    body = b"".join(editor.get(f"{listing}?export=csv").streaming_content).decode()
    assert "'=HYPERLINK" in body


@pytest.mark.parametrize("group", ["Moderators", "Sales"])
def test_only_those_who_may_add_testimonials_import_reviews(django_user_model, desk, group, editor):
    preview = upload(editor, "reviews", csv_bytes([GENERIC, review()]))
    other = client_in(django_user_model, group)

    assert other.get(reverse("testimonials_import_reviews")).status_code == 403
    assert confirm(other, "reviews", preview).status_code == 403
    assert not Testimonial.objects.exists()
