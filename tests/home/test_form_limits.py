"""The limits on public forms hold: browsing cannot reset them, every app server counts
in one store, and what counts is what a bot does. A person who corrects a few mistakes
is never locked out, and is told plainly when a limit is reached. A form's token is good
for one send on that form only. A referral link counts one visit per client a day."""

import datetime
import html
import os
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest
import time_machine

from home.limits_cache import limits_cache
from testimonials.models import Testimonial
from testimonials.models.referrals import ReferralVisitDay
from tests.live_servers import ROOT
from tests.services import redis_url
from tests.testimonials.advocate_factories import AdvocateFactory

pytestmark = pytest.mark.django_db

# A limit window that ends between two posts would reset the count: time stands still.
frozen = time_machine.travel("2026-11-28 10:00:05", tick=False)


def redis_url_for_tests():
    """Database 5 of the test Redis server, the one these tests may flush."""
    return redis_url(5)


@pytest.fixture(params=["database", "redis"])
def limits_store(request, settings):
    """The store of limits as configured without REDIS_URL, then with it."""
    if request.param == "redis":
        settings.CACHES = {
            **settings.CACHES,
            "limits": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": redis_url_for_tests(),
                "KEY_PREFIX": "candor-limits",
            },
        }
        caches["limits"].clear()
        yield request.param
        caches["limits"].clear()
    else:
        yield request.param


def shown_token(response):
    match = re.search(r'name="rendered_at" value="([^"]+)"', response.content.decode())
    return html.unescape(match.group(1))


def answers(product, token, **changes):
    data = {
        "product": product.pk,
        "quote": "Replies went from two days to two hours.",
        "author_name": "Ana Ortiz",
        "email": "ana@harbour.example",
        "relationship": "customer",
        "incentive": "none",
        "consent_publish": "on",
        "website": "",
        "rendered_at": token,
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def share(client, submission_page, our_product, no_typing_delay):
    """An advocate opens the testimonial form and sends it."""

    def send(**changes):
        token = shown_token(client.get(submission_page.url))
        return client.post(submission_page.url, answers(our_product, token, **changes))

    return send


@frozen
def test_a_full_page_cache_does_not_reset_the_limit(client, share, home_page, settings):
    settings.TESTIMONIAL_RATE_LIMIT = "2/m"
    settings.PAGE_CACHE_SECONDS = 600
    assert [share().status_code, share().status_code] == [302, 302]

    for n in range(330):
        client.get(f"{home_page.url}?v={n}")
    # However the page cache keys its pages, enough of them push the oldest entries out.
    caches[settings.PAGE_CACHE_ALIAS].set_many({f"page-{n}": "<html>" for n in range(330)})
    third = share()

    assert third.status_code == 429
    assert Testimonial.objects.count() == 2


@pytest.mark.real_clock
@pytest.mark.parametrize("store", ["database", "redis"])
def test_two_app_servers_count_one_limit_together(store, tmp_path):
    """Two processes, as two gunicorn workers or two servers, each send 40 times from
    one address at the same moment: 40 are allowed in all, and 40 are stored."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "candor.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'candor.sqlite3'}",
        "TESTIMONIAL_RATE_LIMIT": "40/d",
        "TESTIMONIAL_MIN_SECONDS": "0",
    }
    env.pop("REDIS_URL", None)
    if store == "redis":
        env["REDIS_URL"] = redis_url_for_tests()
    run = {"cwd": ROOT, "env": env, "capture_output": True, "text": True, "check": True}
    subprocess.run([sys.executable, "manage.py", "createcachetable"], **run)  # noqa: S603
    if store == "redis":
        import redis

        redis.Redis.from_url(env["REDIS_URL"]).flushdb()
    start_at = str(time.time() + 3)
    sender = [sys.executable, "-m", "tests.home.form_sender", "40", start_at]

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda _: subprocess.run(sender, **run), range(2)))  # noqa: S603

    stored = [int(result.stdout.strip().splitlines()[-1]) for result in results]
    assert sum(stored) == 40, stored


def test_limits_are_kept_apart_from_pages_in_a_store_every_server_shares(load_settings):
    embedded = load_settings("dev", REDIS_URL="")
    with_redis = load_settings("dev", REDIS_URL="redis://r:6379/0")

    assert embedded.RATELIMIT_USE_CACHE == with_redis.RATELIMIT_USE_CACHE == "limits"
    assert embedded.CACHES["limits"]["BACKEND"] == "home.limits_cache.LimitsDatabaseCache"
    assert with_redis.CACHES["limits"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"


@frozen
def test_a_person_who_corrects_three_mistakes_is_not_locked_out(
    client, submission_page, our_product, no_typing_delay, settings
):
    settings.TESTIMONIAL_RATE_LIMIT = "3/m"
    page = client.get(submission_page.url)
    mistakes = [{"email": "ana@"}, {"quote": ""}, {"consent_publish": None}]

    for mistake in mistakes:
        page = client.post(submission_page.url, answers(our_product, shown_token(page), **mistake))
        assert page.status_code == 400
        assert page.context["form"].errors
    corrected = client.post(submission_page.url, answers(our_product, shown_token(page)))

    assert corrected.status_code == 302
    assert Testimonial.objects.get().email == "ana@harbour.example"


def page_text(response):
    return html.unescape(" ".join(response.content.decode().split()))


def assert_refused_saying(limited, *sentences, absent=()):
    """A 429 that says what was counted, that nothing was saved and when to come back."""
    text = page_text(limited)
    assert limited.status_code == 429
    for sentence in sentences:
        assert sentence in text
    for sentence in absent:
        assert sentence not in text
    assert "Nothing was saved this time. Please try again in " in text
    wait = re.search(r"Please try again in ([^.]+)\.", text).group(1)
    assert re.fullmatch(r"\d+ minutes?", wait), wait
    # Clients that read headers are told the same, in seconds.
    assert 0 < int(limited["Retry-After"]) <= int(wait.split()[0]) * 60
    assert "shared network, such as an office, counts as one connection" in text
    return text


RECEIVED = "were received and saved"
TOO_FAST = "sent faster than a person can type"
REUSED = "had already been sent once"
BOT_TRAP = "filled in the field marked “Leave this field empty”"


@frozen
@pytest.mark.parametrize(("rate", "window"), [("2/m", "1 minute"), ("2/h", "1 hour")])
def test_the_limit_page_says_what_was_counted_and_when_to_try_again(share, settings, rate, window):
    settings.TESTIMONIAL_RATE_LIMIT = rate
    share(), share()

    limited = share()

    assert_refused_saying(
        limited,
        f"We counted 2 sends of this form from your connection within {window}, the most "
        "we accept. 2 were received and saved. Nothing was saved this time.",
        absent=[TOO_FAST, REUSED, BOT_TRAP],
    )
    assert limited.context["form"]["quote"].value() == "Replies went from two days to two hours."
    assert Testimonial.objects.count() == 2


@frozen
def test_sends_faster_than_a_person_types_are_named_as_such(share, settings):
    settings.TESTIMONIAL_RATE_LIMIT = "2/m"
    settings.TESTIMONIAL_MIN_SECONDS = 60
    share(), share()
    settings.TESTIMONIAL_MIN_SECONDS = 0

    limited = share()

    assert_refused_saying(
        limited,
        "We counted 2 sends of this form",
        "2 were sent faster than a person can type.",
        absent=[RECEIVED, REUSED, BOT_TRAP],
    )
    assert not Testimonial.objects.exists()


@frozen
def test_a_page_sent_twice_is_named_as_such(
    client, submission_page, our_product, no_typing_delay, settings
):
    settings.TESTIMONIAL_RATE_LIMIT = "2/m"
    token = shown_token(client.get(submission_page.url))
    client.post(submission_page.url, answers(our_product, token))
    client.post(submission_page.url, answers(our_product, token))  # the same page again

    limited = client.post(
        submission_page.url, answers(our_product, shown_token(client.get(submission_page.url)))
    )

    assert_refused_saying(
        limited,
        "1 was received and saved.",
        "1 sent a page of the form that had already been sent once.",
        absent=[TOO_FAST, BOT_TRAP],
    )
    assert Testimonial.objects.count() == 1


@frozen
def test_the_bot_trap_is_named_as_such(share, settings):
    settings.TESTIMONIAL_RATE_LIMIT = "2/m"
    share(website="https://spam.example"), share(website="https://spam.example")

    limited = share()

    assert_refused_saying(
        limited,
        "2 filled in the field marked “Leave this field empty”.",
        absent=[RECEIVED, TOO_FAST, REUSED],
    )
    assert not Testimonial.objects.exists()


@frozen
def test_mistakes_are_not_what_the_limit_page_talks_about(share, settings):
    """A person who corrected mistakes and then reached the limit with their sends."""
    settings.TESTIMONIAL_RATE_LIMIT = "1/m"
    share(email="ana@"), share(quote=""), share()

    limited = share()

    text = assert_refused_saying(limited, "We counted 1 send of this form", "1 was received")
    assert "mistake" not in text.lower()


@frozen
def test_other_forms_are_refused_in_their_own_generic_words(
    client, reported_comparison, no_report_delay, demo_page, settings
):
    from tests.comparisons.test_inaccuracy_reports import report_url, valid_report
    from tests.testimonials.test_referrals import demo_form

    settings.INACCURACY_REPORT_RATE_LIMIT = "1/m"
    settings.DEMO_REQUEST_RATE_LIMIT = "1/m"
    settings.DEMO_REQUEST_MIN_SECONDS = 0
    client.post(report_url(reported_comparison), valid_report(reported_comparison))
    client.post(demo_page.url, demo_form(website="https://spam.example"))

    reports = client.post(report_url(reported_comparison), valid_report(reported_comparison))
    demos = client.post(demo_page.url, demo_form())

    for limited, counted in ((reports, "1 was received and saved."), (demos, BOT_TRAP)):
        text = assert_refused_saying(limited, "We counted 1 send of this form", counted)
        assert "testimonial" not in text.split("We counted")[1].lower()


@frozen
def test_what_a_bot_does_counts_against_the_limit(share, settings):
    settings.TESTIMONIAL_RATE_LIMIT = "2/m"
    filled_trap = share(website="https://spam.example")
    settings.TESTIMONIAL_MIN_SECONDS = 60
    too_fast = share()
    settings.TESTIMONIAL_MIN_SECONDS = 0

    after = share()

    assert [filled_trap.status_code, too_fast.status_code, after.status_code] == [302, 400, 429]
    assert not Testimonial.objects.exists()


@frozen
def test_a_token_is_good_for_one_send(
    limits_store, client, submission_page, our_product, no_typing_delay
):
    token = shown_token(client.get(submission_page.url))
    first = client.post(submission_page.url, answers(our_product, token))

    again = client.post(submission_page.url, answers(our_product, token))

    assert first.status_code == 302
    assert again.status_code == 400
    assert "This form has expired" in again.content.decode()
    assert Testimonial.objects.count() == 1


@frozen
def test_a_token_caught_in_the_bot_trap_cannot_be_used_again(
    client, submission_page, our_product, no_typing_delay
):
    token = shown_token(client.get(submission_page.url))
    trapped = client.post(
        submission_page.url, answers(our_product, token, website="https://spam.example")
    )

    again = client.post(submission_page.url, answers(our_product, token))

    assert trapped.status_code == 302
    assert again.status_code == 400
    assert not Testimonial.objects.exists()


@frozen
def test_a_token_from_another_form_is_refused(
    client, submission_page, reported_comparison, no_typing_delay, no_report_delay
):
    report_form = client.get(reported_comparison.page.url + "report/")

    response = client.post(
        submission_page.url, answers(reported_comparison.ours, shown_token(report_form))
    )

    assert response.status_code == 400
    assert "This form has expired" in str(response.context["form"].errors["rendered_at"])
    assert not Testimonial.objects.exists()


@frozen
def test_a_person_whose_send_fails_keeps_their_token(
    client, submission_page, our_product, no_typing_delay
):
    token = shown_token(client.get(submission_page.url))
    corrected_page = client.post(submission_page.url, answers(our_product, token, quote=""))

    sent = client.post(submission_page.url, answers(our_product, shown_token(corrected_page)))

    assert shown_token(corrected_page) == token
    assert sent.status_code == 302
    assert Testimonial.objects.count() == 1


def test_a_flood_of_hits_on_a_referral_link_counts_and_writes_once(limits_store, client, demo_page):
    advocate = AdvocateFactory(referral_code="maya", referral_page=demo_page)
    first = client.get("/r/maya/", REMOTE_ADDR="203.0.113.9")

    with CaptureQueriesContext(connection) as queries:
        flood = [client.get("/r/maya/", REMOTE_ADDR="203.0.113.9") for _ in range(50)]

    assert {response["Location"] for response in [first, *flood]} == {demo_page.url}
    writes = [
        query["sql"]
        for query in queries
        if query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []
    assert ReferralVisitDay.objects.get(advocate=advocate).visits == 1


def test_each_client_counts_once_a_day_per_link(limits_store, client, demo_page):
    maya = AdvocateFactory(referral_code="maya", referral_page=demo_page)
    AdvocateFactory(referral_code="noor", referral_page=demo_page)
    today = timezone.localdate()
    tomorrow = today + datetime.timedelta(days=1)

    with time_machine.travel(today.isoformat() + " 09:00", tick=False):
        for address in ("203.0.113.9", "203.0.113.9", "198.51.100.4"):
            client.get("/r/maya/", REMOTE_ADDR=address)
        client.get("/r/noor/", REMOTE_ADDR="203.0.113.9")
    with time_machine.travel(today.isoformat() + " 23:59", tick=False):
        client.get("/r/maya/", REMOTE_ADDR="203.0.113.9")
    with time_machine.travel(f"{tomorrow} 00:01", tick=False):
        client.get("/r/maya/", REMOTE_ADDR="203.0.113.9")

    by_day = dict(maya.referral_visit_days.values_list("day", "visits"))
    assert by_day == {today: 2, tomorrow: 1}
    assert ReferralVisitDay.objects.exclude(advocate=maya).get().visits == 1


def test_a_full_store_never_forgets_a_used_token_to_make_room(settings):
    """Many addresses following referral links fill the store; Django's database cache
    would then delete live entries by key order, used form tokens first."""
    settings.CACHES = {
        **settings.CACHES,
        "limits": {**settings.DATABASE_LIMITS_CACHE, "OPTIONS": {"MAX_ENTRIES": 5}},
    }
    store = limits_cache()
    store.set("form-token-used:ana", True, 3600)

    for address in range(20):
        store.set(f"referral-visit:{address}", True, 3600)

    assert store.get("form-token-used:ana") is True
