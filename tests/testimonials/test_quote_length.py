"""A long quote is never cut short: the form says the limit before the visitor reaches
it, counts as they type (the script), lets a long paste in whole, and the server refuses
it saying by how much it is over, with the text kept in the field."""

import html

import pytest
from bs4 import BeautifulSoup

from testimonials.models import Testimonial
from tests.home.translations import japanese
from tests.testimonials.test_submission import valid_form

pytestmark = pytest.mark.django_db


def quote_field(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return soup, soup.find("textarea", attrs={"name": "quote"})


def test_the_form_says_the_limit_and_lets_the_browser_cut_nothing(client, submission_page):
    soup, textarea = quote_field(client.get(submission_page.url))

    assert "maxlength" not in textarea.attrs
    assert soup.select_one("#id_quote_helptext").get_text() == "Up to 2,000 characters."
    assert "id_quote_helptext" in textarea["aria-describedby"]
    assert textarea["data-character-limit"] == "2000"
    assert textarea["data-count"] == "{count} of {limit} characters"
    assert textarea["data-count-over"] == "{count} of {limit} characters: {over} too many"
    scripts = [script["src"] for script in soup.select("script[src]")]
    assert any(src.endswith("js/character-count.js") for src in scripts)
    inline = soup.select('script:not([src]):not([type="application/ld+json"])')
    assert not inline, "no inline script under the strict CSP"


def test_a_long_paste_is_refused_with_by_how_much_and_kept_whole(post, our_product):
    long_quote = ("Fernhill changed how we work. " * 70).strip() + "!"
    assert len(long_quote) == 2100

    response = post(valid_form(our_product, quote=long_quote))

    assert response.status_code == 400
    message = "This is 2,100 characters long, 100 more than the 2,000 allowed."
    assert message in str(response.context["form"].errors["quote"])
    assert message in html.unescape(response.content.decode())
    _soup, textarea = quote_field(response)
    assert textarea.get_text().strip("\n") == long_quote, "the visitor's text is all there"
    assert not Testimonial.objects.exists()


def test_a_quote_at_the_limit_is_stored_whole(post, our_product):
    response = post(valid_form(our_product, quote="x" * 2000))

    assert response.status_code == 302
    assert len(Testimonial.objects.get().quote) == 2000


def test_the_japanese_form_writes_the_numbers_as_japanese_readers_do(
    client, home_page, submission_page, our_product, no_typing_delay
):
    japanese(home_page)
    page = japanese(submission_page)

    response = client.post(page.url, valid_form(our_product, quote="あ" * 2345))

    soup, textarea = quote_field(response)
    assert soup.html["lang"] == "ja"
    assert "2,000" in soup.select_one("#id_quote_helptext").get_text()
    error = soup.select_one("#id_quote_error").get_text()
    assert "2,345" in error and "345" in error and "2,000" in error
    assert textarea.get_text().strip("\n") == "あ" * 2345
