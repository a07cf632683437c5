"""Every public form accepts what a Japanese keyboard types: full-width letters, digits
and spaces in e-mail addresses, numbers and choices are read as their ASCII forms
(NFKC) before they are checked, and stored that way. What a visitor writes in their own
words is kept exactly as typed."""

from django import forms

import pytest

from comparisons.models import InaccuracyReport
from home.form_input import NormalisedInput
from testimonials.links import withdrawal_link
from testimonials.models import DemoRequestSubmission, NpsResponse, Testimonial
from tests.comparisons.test_inaccuracy_reports import report_url, valid_report
from tests.testimonials.advocate_factories import DemoRequestPageFactory, NpsInvitationFactory
from tests.testimonials.factories import TestimonialFactory
from tests.testimonials.test_author_edits import change_form
from tests.testimonials.test_nps import answer_path
from tests.testimonials.test_referrals import demo_form
from tests.testimonials.test_submission import valid_form

pytestmark = pytest.mark.django_db

FULL_WIDTH_EMAIL = "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ"
# Typed with the ideographic space (U+3000) before and after, as an IME leaves it.
SPACED_EMAIL = "\u3000ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ\u3000"
# The customer's own words, with full-width letters and digits that stay as typed.
OWN_WORDS = "ＦｅｒｎｈｉｌｌＤｅｓｋで返信時間が３分の１になりました。"


class Sample(NormalisedInput, forms.Form):
    email = forms.EmailField()
    seats = forms.IntegerField()
    rating = forms.TypedChoiceField(choices=[(n, n) for n in range(1, 6)], coerce=int)
    words = forms.CharField()


def test_codes_and_numbers_are_normalised_and_words_are_not():
    form = Sample({"email": SPACED_EMAIL, "seats": "２５", "rating": "５", "words": OWN_WORDS})

    assert form.is_valid(), form.errors
    assert form.cleaned_data == {
        "email": "taro@example.com",
        "seats": 25,
        "rating": 5,
        "words": OWN_WORDS,
    }


@pytest.mark.parametrize("unseen", ["\x00", "\u200b", "\x1b", "\x7f"])
def test_unseen_characters_in_codes_and_numbers_are_dropped(unseen):
    form = Sample(
        {"email": f"taro@example.com{unseen}", "seats": f"2{unseen}5", "rating": "5", "words": "x"}
    )

    assert form.is_valid(), form.errors
    assert (form.cleaned_data["email"], form.cleaned_data["seats"]) == ("taro@example.com", 25)


def test_a_number_of_nothing_but_a_nul_is_refused_without_echoing_it(client, comparison_grid):
    page = comparison_grid(product_count=2, criterion_count=2)

    html = client.get(f"{page.url}?seats=%00&billing=monthly").content.decode()

    assert 'id="id_seats_error"' in html
    assert "\x00" not in html


def test_what_cannot_be_read_is_still_refused_with_what_is_needed():
    form = Sample({"email": "ｔａｒｏ", "seats": "二十五", "rating": "６", "words": "x"})

    assert not form.is_valid()
    assert set(form.errors) == {"email", "seats", "rating"}
    assert "Enter a whole number." in form.errors["seats"]


def test_the_share_form_stores_the_address_and_rating_normalised_and_the_words_verbatim(
    post, our_product
):
    response = post(
        valid_form(
            our_product,
            email=SPACED_EMAIL,
            rating="４",
            quote=OWN_WORDS,
            author_name="山田　太郎",
        )
    )

    assert response.status_code == 302
    testimonial = Testimonial.objects.get()
    assert (testimonial.email, testimonial.rating) == ("taro@example.com", 4)
    assert testimonial.quote == OWN_WORDS
    assert testimonial.author_name == "山田　太郎"


def test_the_change_form_reads_a_full_width_rating(client, no_typing_delay):
    testimonial = TestimonialFactory(approved=True, rating=5, quote=OWN_WORDS)

    client.post(withdrawal_link.path(testimonial), change_form(testimonial, rating="２"))

    testimonial.refresh_from_db()
    assert (testimonial.rating, testimonial.quote) == (2, OWN_WORDS)


def test_the_nps_survey_reads_a_full_width_score(client, nps_survey):
    path = answer_path(NpsInvitationFactory(survey=nps_survey))

    response = client.post(path, {"score": "１０", "comment": "サポートが速い！"})

    assert response.status_code == 302
    answer = NpsResponse.objects.get()
    assert (answer.score, answer.comment) == (10, "サポートが速い！")


def test_a_demo_request_reads_a_full_width_address_and_team_size(
    client, home_page, no_demo_request_delay, django_capture_on_commit_callbacks
):
    page = DemoRequestPageFactory(
        parent=home_page,
        fields=[
            ("Your name", "singleline", True),
            ("Work e-mail", "email", True),
            ("Team size", "number", True),
        ],
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            page.url,
            demo_form(your_name="山田　太郎", work_e_mail=FULL_WIDTH_EMAIL, team_size="１２"),
        )

    assert response.status_code == 302
    answers = DemoRequestSubmission.objects.get().get_data()
    assert answers["work_e_mail"] == "taro@example.com"
    assert float(answers["team_size"]) == 12
    assert answers["your_name"] == "山田　太郎"


def test_an_inaccuracy_report_reads_a_full_width_address(
    client, reported_comparison, no_report_delay, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            report_url(reported_comparison),
            valid_report(reported_comparison, email=SPACED_EMAIL, claimed_value="７３０日"),
        )

    assert response.status_code == 302
    report = InaccuracyReport.objects.get()
    assert report.email == "taro@example.com"
    assert report.claimed_value == "７３０日"
