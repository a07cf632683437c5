"""The NPS survey: the invitations e-mailed for it, and the score. (Its one question is
a public form, in testimonials.forms.)

Net Promoter Score: the percentage of promoters (9 or 10) minus the percentage of
detractors (0 to 6), from -100 to 100. Passives (7 or 8) count in the total only.
With no answers there is no score, not a score of 0.

Invitations are stored first (by an editor in the admin), then e-mailed with their own
link by a background task. A failure is logged and the next run retries it."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.core.mail import EmailMessage
from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.template.loader import render_to_string
from django.utils.translation import gettext, override

from home.charts import month_key
from home.notifications import deliver_unsent
from testimonials.models import NpsInvitation

# Below this many answers one or two people move the score a lot: say so.
MIN_RELIABLE_ANSWERS = 30


def percent(part, total):
    """``part`` of ``total`` as a whole percentage, halves rounded away from zero."""
    if not total:
        return None
    exact = Decimal(100 * part) / Decimal(total)
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class NetPromoterScore:
    promoters: int = 0
    passives: int = 0
    detractors: int = 0

    @property
    def answers(self):
        return self.promoters + self.passives + self.detractors

    @property
    def score(self):
        """From -100 to 100, or None without answers. Computed from the counts, not from
        rounded percentages, so it is never off by one."""
        return percent(self.promoters - self.detractors, self.answers)

    @property
    def promoter_percent(self):
        return percent(self.promoters, self.answers)

    @property
    def passive_percent(self):
        return percent(self.passives, self.answers)

    @property
    def detractor_percent(self):
        return percent(self.detractors, self.answers)

    @property
    def is_reliable(self):
        return self.answers >= MIN_RELIABLE_ANSWERS

    @classmethod
    def from_counts(cls, promoters, detractors, total):
        return cls(
            promoters=promoters, passives=total - promoters - detractors, detractors=detractors
        )


def net_promoter_score(responses):
    """The score of a queryset of NPS responses, in one query."""
    return NetPromoterScore.from_counts(**responses.counts())


def nps_by_month(responses, months):
    """One score per month in ``months`` (first days of months), months without answers
    included with no score. One query."""
    Model = responses.model
    rows = (
        responses.filter(answered_at__date__gte=months[0])
        .annotate(month=TruncMonth("answered_at"))
        .order_by()
        .values("month")
        .annotate(
            promoters=Count("pk", filter=Q(score__gte=Model.PROMOTER_MIN)),
            detractors=Count("pk", filter=Q(score__lte=Model.DETRACTOR_MAX)),
            total=Count("pk"),
        )
    )
    by_month = {
        month_key(row["month"]): NetPromoterScore.from_counts(
            row["promoters"], row["detractors"], row["total"]
        )
        for row in rows
    }
    return [(month, by_month.get(month_key(month), NetPromoterScore())) for month in months]


def answer_url(invitation):
    """An invitation carries a random token of its own (Wagtail's page paths take
    letters, digits, "-" and "_" only), not a signed one."""
    survey = invitation.survey
    return survey.get_full_url() + survey.reverse_subpage("answer", args=[invitation.token])


def invitation_emails(invitation):
    """In the language of the survey page it invites to."""
    with override(invitation.survey.locale.language_code):
        context = {"invitation": invitation, "url": answer_url(invitation)}
        return [
            EmailMessage(
                subject=gettext("One question: would you recommend us?"),
                body=render_to_string("emails/nps_invitation.txt", context),
                to=[invitation.email],
            )
        ]


def send_unsent_invitations():
    """Queue every invitation not sent yet, to a survey that is live. Returns (sent,
    waiting)."""
    return deliver_unsent(
        NpsInvitation.objects.filter(survey__live=True),
        invitation_emails,
        what="NPS invitation",
        retry="send_nps_invitations",
        sent_field="sent_at",
    )
