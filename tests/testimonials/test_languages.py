"""Every testimonial records the language it was written in, whichever way it arrives:
the share form (the page's language unless the customer chooses another, or Japanese
when what they wrote obviously is), the author's own link, the NPS survey's invitation
to share, an editor typing in an interview or an import. Moderators filter by it and
the API says it."""

from importlib import import_module

from django.apps import apps
from django.contrib.auth.models import Group

import pytest
from bs4 import BeautifulSoup

from home.languages import looks_japanese
from testimonials.links import withdrawal_link
from testimonials.models import Testimonial
from tests.home.translations import japanese
from tests.testimonials.advocate_factories import NpsInvitationFactory
from tests.testimonials.advocate_fixtures import user_in_group
from tests.testimonials.factories import TestimonialFactory
from tests.testimonials.test_author_edits import change_form
from tests.testimonials.test_nps import answer_path
from tests.testimonials.test_submission import valid_form

pytestmark = pytest.mark.django_db

JAPANESE_QUOTE = "問い合わせ対応がとても楽になりました。チーム全員がすぐに使えました。"


@pytest.fixture
def japanese_form(home_page, submission_page):
    japanese(home_page)
    return japanese(submission_page)


def send(client, page, data, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(page.url, data)


def language_select(html):
    return BeautifulSoup(html, "html.parser").select_one("select#id_language")


def test_the_share_form_asks_the_language_with_the_page_language_chosen(
    client, submission_page, japanese_form
):
    english = language_select(client.get(submission_page.url).content)
    on_japanese = language_select(client.get(japanese_form.url).content)

    label = BeautifulSoup(client.get(submission_page.url).content, "html.parser").select_one(
        "label[for=id_language]"
    )
    assert "Language of your testimonial" in label.get_text()
    assert english.select_one("option[selected]")["value"] == "en"
    assert on_japanese.select_one("option[selected]")["value"] == "ja"
    assert {option["value"] for option in english.select("option")} == {"en", "ja"}


def test_a_testimonial_sent_from_the_japanese_form_is_stored_as_japanese(
    client, japanese_form, our_product, no_typing_delay, django_capture_on_commit_callbacks
):
    data = valid_form(our_product, quote="Works well for our team.", language="ja")

    response = send(client, japanese_form, data, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert Testimonial.objects.get().language == "ja"


def test_without_a_language_field_the_form_page_language_is_recorded(
    client,
    japanese_form,
    submission_page,
    our_product,
    no_typing_delay,
    django_capture_on_commit_callbacks,
):
    send(client, japanese_form, valid_form(our_product), django_capture_on_commit_callbacks)
    send(client, submission_page, valid_form(our_product), django_capture_on_commit_callbacks)

    assert sorted(Testimonial.objects.values_list("language", flat=True)) == ["en", "ja"]


def test_japanese_words_sent_from_the_english_form_are_recorded_as_japanese(
    client, submission_page, our_product, no_typing_delay, django_capture_on_commit_callbacks
):
    data = valid_form(our_product, quote=JAPANESE_QUOTE, language="en")

    send(client, submission_page, data, django_capture_on_commit_callbacks)

    testimonial = Testimonial.objects.get()
    assert testimonial.language == "ja"
    assert testimonial.quote == JAPANESE_QUOTE


def test_the_customer_choice_wins_over_the_page_language(
    client, japanese_form, our_product, no_typing_delay, django_capture_on_commit_callbacks
):
    data = valid_form(our_product, quote="We answer twice as many customers.", language="en")

    send(client, japanese_form, data, django_capture_on_commit_callbacks)

    assert Testimonial.objects.get().language == "en"


def test_an_unknown_language_is_refused_and_explained(
    client, submission_page, our_product, no_typing_delay
):
    response = client.post(submission_page.url, valid_form(our_product, language="xx"))

    assert response.status_code == 400
    assert "Choose a language from the list." in response.content.decode()
    assert not Testimonial.objects.exists()


def test_obviously_japanese_means_kana_and_more_japanese_than_latin():
    assert looks_japanese(JAPANESE_QUOTE)
    assert looks_japanese("Fernhill Desk のおかげで返信がとても早くなりました。")
    assert not looks_japanese("We love the people at 山田商事 and their help.")
    assert not looks_japanese("非常好用")  # kanji alone could be Chinese
    assert not looks_japanese("")


def test_the_author_link_keeps_the_language_and_records_a_new_one(client, no_typing_delay):
    testimonial = TestimonialFactory(approved=True, rating=4, language="en")
    path = withdrawal_link.path(testimonial)

    shown = language_select(client.get(path).content)
    client.post(path, change_form(testimonial, quote=JAPANESE_QUOTE, language="en"))

    assert shown.select_one("option[selected]")["value"] == "en"
    testimonial.refresh_from_db()
    assert (testimonial.quote, testimonial.language) == (JAPANESE_QUOTE, "ja")
    assert testimonial.status == Testimonial.Status.PENDING


def test_the_author_may_correct_the_language_alone(client, no_typing_delay):
    testimonial = TestimonialFactory(approved=True, rating=4, language="en", quote="Good.")

    client.post(withdrawal_link.path(testimonial), change_form(testimonial, language="ja"))

    testimonial.refresh_from_db()
    assert (testimonial.quote, testimonial.language) == ("Good.", "ja")


def test_sending_the_author_form_unchanged_changes_nothing(client, no_typing_delay):
    """Words stored before languages were recorded keep theirs until the author says."""
    testimonial = TestimonialFactory(approved=True, rating=4, language="en", quote=JAPANESE_QUOTE)

    response = client.post(withdrawal_link.path(testimonial), change_form(testimonial))

    assert response["Location"].endswith("?changed=nothing")
    testimonial.refresh_from_db()
    assert (testimonial.language, testimonial.live) == ("en", True)


def test_the_nps_invitation_to_share_leads_to_the_form_in_the_survey_language(
    client, home_page, nps_survey, submission_page, japanese_form
):
    japanese_survey = japanese(nps_survey)
    path = answer_path(NpsInvitationFactory(survey=japanese_survey))

    thanks = client.post(path, {"score": "9", "comment": ""}, follow=True)

    link = BeautifulSoup(thanks.content, "html.parser").select_one(".share-invitation a")
    assert link["href"].startswith(japanese_form.url + "after-nps/")
    assert (
        language_select(client.get(link["href"]).content).select_one("option[selected]")["value"]
        == "ja"
    )


def test_an_editor_typing_in_japanese_words_records_japanese(admin_client, our_product):
    admin_client.post(
        "/admin/snippets/testimonials/testimonial/add/",
        {
            "product": our_product.pk,
            "quote": JAPANESE_QUOTE,
            # The field's default, left as it was (a browser sends the initial value too).
            "language": "en",
            "initial-language": "en",
            "author_name": "山田 花子",
            "email": "hanako@example.jp",
            "relationship": "customer",
            "incentive": "none",
            "source": "interview",
            "verification": "",
        },
    )

    assert Testimonial.objects.get().language == "ja"


def test_moderators_filter_testimonials_by_language(client, django_user_model, our_product):
    TestimonialFactory(product=our_product, quote="Plain English words.", language="en")
    TestimonialFactory(product=our_product, quote=JAPANESE_QUOTE, language="ja")
    moderator = user_in_group(django_user_model, "mona", Group.objects.get(name="Moderators"))
    client.force_login(moderator)

    listing = client.get("/admin/snippets/testimonials/testimonial/?language=ja")

    html = listing.content.decode()
    assert listing.status_code == 200
    assert JAPANESE_QUOTE[:20] in html
    assert "Plain English words." not in html


def test_the_api_says_the_language(client, our_product):
    TestimonialFactory(approved=True, product=our_product, quote=JAPANESE_QUOTE, language="ja")
    TestimonialFactory(approved=True, product=our_product, quote="Plain English words.")

    items = client.get("/api/v2/testimonials/").json()["items"]
    japanese_only = client.get("/api/v2/testimonials/?language=ja").json()["items"]

    assert sorted(item["language"] for item in items) == ["en", "ja"]
    assert [item["quote"] for item in japanese_only] == [JAPANESE_QUOTE]


def test_testimonials_stored_before_languages_were_recorded_get_a_sensible_one(japanese_form):
    """The migration: the site's default language, unless sent through a Japanese form
    or obviously written in Japanese."""
    record_languages = import_module(
        "testimonials.migrations.0012_testimonial_language"
    ).record_languages
    english = TestimonialFactory(quote="Plain English words.")
    written = TestimonialFactory(quote=JAPANESE_QUOTE)
    through_form = TestimonialFactory(quote="Short and sweet.", submitted_via=japanese_form)

    record_languages(apps, None)

    languages = dict(Testimonial.objects.values_list("pk", "language"))
    assert languages == {english.pk: "en", written.pk: "ja", through_form.pk: "ja"}
