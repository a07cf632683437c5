"""NPS: the arithmetic, one answer per invitation link, and the same invitation to
share an experience for every respondent, detractors included."""

import datetime
import io

from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from home.charts import last_months
from testimonials.advocacy.nps import NetPromoterScore, net_promoter_score, nps_by_month
from testimonials.advocacy.reports import advocate_candidates
from testimonials.links import after_nps_link
from testimonials.models import NpsResponse
from tests.testimonials.advocate_factories import (
    AdvocateFactory,
    NpsInvitationFactory,
    NpsResponseFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("promoters", "passives", "detractors", "score"),
    [
        (0, 0, 0, None),  # no answers: no score, not 0
        (1, 0, 0, 100),
        (0, 0, 1, -100),
        (0, 3, 0, 0),
        (5, 3, 2, 30),
        (1, 1, 1, 0),
        (2, 0, 1, 33),  # 33.3
        (1, 0, 2, -33),
        (1, 6, 0, 14),  # 14.29
        (1, 7, 0, 13),  # 12.5: halves round away from zero
        (0, 7, 1, -13),
        (70, 20, 10, 60),
    ],
)
def test_nps_is_percent_promoters_minus_percent_detractors(promoters, passives, detractors, score):
    nps = NetPromoterScore(promoters, passives, detractors)

    assert nps.score == score
    assert nps.answers == promoters + passives + detractors


def test_no_answers_give_no_percentages_and_a_warning():
    nps = NetPromoterScore()

    assert (nps.score, nps.promoter_percent, nps.detractor_percent) == (None, None, None)
    assert not nps.is_reliable


def test_the_score_rests_on_thirty_answers_before_it_is_called_reliable():
    assert not NetPromoterScore(promoters=29).is_reliable
    assert NetPromoterScore(promoters=20, passives=5, detractors=5).is_reliable


@pytest.mark.parametrize(("score", "group"), [(10, 1), (9, 1), (8, 0), (7, 0), (6, -1), (0, -1)])
def test_scores_fall_into_their_group_at_the_boundaries(score, group):
    NpsResponseFactory(score=score)

    nps = net_promoter_score(NpsResponse.objects.all())

    assert nps.score == 100 * group


def test_the_score_of_stored_answers_takes_one_query():
    for score in (10, 9, 9, 8, 7, 3, 0):
        NpsResponseFactory(score=score)

    with CaptureQueriesContext(connection) as queries:
        nps = net_promoter_score(NpsResponse.objects.all())

    assert len(queries) == 1
    assert (nps.promoters, nps.passives, nps.detractors, nps.score) == (3, 2, 2, 14)


def test_the_trend_has_every_month_even_without_answers():
    today = timezone.localdate()
    months = last_months(today, 3)
    NpsResponseFactory(score=10)
    NpsResponseFactory(score=2)
    NpsResponseFactory(score=10)
    NpsResponseFactory(
        score=0,
        answered_at=timezone.now() - datetime.timedelta(days=today.day + 40),
    )

    with CaptureQueriesContext(connection) as queries:
        trend = nps_by_month(NpsResponse.objects.all(), months)

    assert len(queries) == 1
    assert [month for month, _ in trend] == months
    assert trend[-1][1].score == 33
    assert trend[-2][1].score is None
    assert trend[-2][1].answers == 0


def answer_path(invitation):
    survey = invitation.survey
    return survey.url + survey.reverse_subpage("answer", args=[invitation.token])


def test_one_answer_per_invitation_link(client, nps_survey):
    invitation = NpsInvitationFactory(survey=nps_survey)
    path = answer_path(invitation)

    form = client.get(path)
    first = client.post(path, {"score": "9", "comment": "Fast support."})
    second = client.post(path, {"score": "0", "comment": "Changed my mind."})

    assert form.status_code == 200 and 'name="score"' in form.content.decode()
    assert first.status_code == 302 and first["Location"].endswith("/thanks/")
    assert "already been answered" in second.content.decode()
    response = NpsResponse.objects.get()
    assert (response.score, response.comment) == (9, "Fast support.")


def test_the_form_is_never_shared_through_a_cache(client, nps_survey):
    response = client.get(answer_path(NpsInvitationFactory(survey=nps_survey)))

    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_a_made_up_or_altered_link_is_refused(client, nps_survey):
    invitation = NpsInvitationFactory(survey=nps_survey)
    other_survey = NpsInvitationFactory()

    for bad in (str(invitation.pk), invitation.token[:-2] + "xx", other_survey.token):
        path = nps_survey.url + nps_survey.reverse_subpage("answer", args=[bad])
        assert client.post(path, {"score": "10"}).status_code == 404
    assert not NpsResponse.objects.exists()


def test_invalid_scores_are_refused(client, nps_survey):
    path = answer_path(NpsInvitationFactory(survey=nps_survey))

    for score in ("11", "-1", "ten", ""):
        response = client.post(path, {"score": score})
        assert response.status_code == 400, score
    assert not NpsResponse.objects.exists()


def share_invitation(html):
    start = html.index('<section class="share-invitation"')
    return html[start : html.index("</section>", start)]


def test_detractors_get_the_same_invitation_to_share_as_promoters(
    client, nps_survey, submission_page
):
    pages = {}
    for score in (0, 6, 8, 10):
        invitation = NpsInvitationFactory(survey=nps_survey)
        response = client.post(answer_path(invitation), {"score": str(score)}, follow=True)
        # Each respondent's link is their own (testimonials.links.after_nps_link).
        own_link = after_nps_link.path(submission_page, invitation)
        pages[score] = share_invitation(response.content.decode()).replace(own_link, "LINK")

    assert len(set(pages.values())) == 1
    assert 'href="LINK"' in pages[0]
    assert "Share your experience" in pages[0]


def test_promoters_are_listed_as_advocate_candidates_unless_already_advocates(admin_client):
    promoter = NpsResponseFactory(score=10, comment="Support answers in minutes.")
    NpsResponseFactory(score=9, invitation__email="already@customer.example")
    AdvocateFactory(email="Already@Customer.example")
    NpsResponseFactory(score=8)
    NpsResponseFactory(score=2)

    assert list(advocate_candidates()) == [promoter]
    report = admin_client.get("/admin/reports/advocate-candidates/").content.decode()
    assert "Support answers in minutes." in report
    export = admin_client.get("/admin/reports/advocate-candidates/?export=csv")
    assert promoter.invitation.email in b"".join(export.streaming_content).decode()


def test_answers_are_read_only_in_the_admin(admin_client):
    response = NpsResponseFactory(score=3)
    base = "/admin/snippets/testimonials/npsresponse/"

    assert admin_client.get(base).status_code == 200
    assert admin_client.get(f"{base}inspect/{response.pk}/").status_code == 200
    assert admin_client.get(f"{base}edit/{response.pk}/").status_code in (302, 403)
    assert admin_client.get(f"{base}add/").status_code in (302, 403)


def test_invitations_added_in_the_admin_are_sent_once_with_their_own_link(client, nps_survey):
    invitation = NpsInvitationFactory(survey=nps_survey, name="Ada", email="ada@customer.example")

    call_command("send_nps_invitations", stdout=io.StringIO())
    call_command("send_nps_invitations", stdout=io.StringIO())

    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["ada@customer.example"]
    assert "Hello Ada" in mail.outbox[0].body
    link = next(line for line in mail.outbox[0].body.splitlines() if invitation.token in line)
    path = link.strip().split("testserver", 1)[-1].split("localhost", 1)[-1]
    assert client.get(path).status_code == 200
    invitation.refresh_from_db()
    assert invitation.sent_at is not None
