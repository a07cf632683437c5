import datetime
from functools import cache

from django.db import models
from django.db.models import (
    Case,
    Count,
    DateField,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Coalesce, Greatest, TruncDate

from home.languages import reader_language
from home.lookups import among
from home.prepared import PreparedQuery
from home.search_text import width_forms
from testimonials import wall_pages
from testimonials.choices import RejectionReason, Status

# The columns of the rejection record: each rating, then testimonials given none.
REJECTION_RATING_COLUMNS = (1, 2, 3, 4, 5, None)

# What prospects may see: approved by an editor and published. The one place that
# decides it, for querysets and for the choices of a case study's quotes.
PUBLIC = {"live": True, "status": Status.APPROVED}

# A critical review: what a prospect looking for the bad news asks for ("3 stars and
# below"). The wall's filter and the product page's count of them read it here.
CRITICAL_AT_MOST = 3

LONG_AGO = Value(datetime.date(1970, 1, 1), output_field=DateField())

# What a card never reads of a testimonial: its author's e-mail address, who checked
# and moderated it and when, and Wagtail's records of its drafts, schedule and lock.
# Left out of the query: a public page neither loads nor converts them.
NOT_ON_A_CARD = (
    "email",
    "consent_given_at",
    "verification_note",
    "verified_by",
    "verified_at",
    "rejection_reason",
    "moderated_at",
    "withdrawn_at",
    "rejection_proposed_by",
    "rejection_proposed_at",
    "notified_at",
    "latest_revision",
    "has_unpublished_changes",
    "first_published_at",
    "last_published_at",
    "live_revision",
    "go_live_at",
    "expire_at",
    "expired",
    "locked",
    "locked_at",
    "locked_by",
)
# Of the invitation a testimonial answered, only when it was made and sent: never its
# link's token, nor whom it was sent to, nor the campaign.
INVITATIONS_SHOWN = {
    f"{relation}__{name}"
    for relation in ("invitation", "nps_invitation")
    for name in ("created_at", "sent_at")
}


def language_first(language=None):
    """An ordering that puts testimonials written in ``language`` (by default the
    reader's) before the others. Only the order changes: every language is listed
    and counted."""
    return Case(
        When(language=language or reader_language(), then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    ).asc()


@cache
def invitations_unread(model):
    """Every field of the invitations a testimonial answers but what is shown of them:
    a field added to an invitation later is left out too."""
    return [
        f"{relation}__{field.name}"
        for relation in ("invitation", "nps_invitation")
        for field in model._meta.get_field(relation).related_model._meta.concrete_fields
        if not field.primary_key and f"{relation}__{field.name}" not in INVITATIONS_SHOWN
    ]


class TestimonialQuerySet(models.QuerySet):
    def public(self):
        """What prospects may see (``PUBLIC``)."""
        return self.filter(**PUBLIC)

    def for_display(self):
        """With what every testimonial card shows: its product, its photo with the
        photo's renditions, its provenance and our reply, so no page asks once per
        testimonial."""
        return (
            self.select_related("product", "photo")
            .prefetch_related("photo__renditions")
            .with_provenance_and_reply()
            .without_what_readers_never_see()
        )

    def without_what_readers_never_see(self):
        """Leaving ``NOT_ON_A_CARD`` in the database: for every public listing of them,
        pages and the API alike."""
        return self.defer(*NOT_ON_A_CARD)

    def with_provenance_and_reply(self):
        """With the invitation it answered (the date it was sent, never the campaign)
        and our public reply with its earlier versions: two queries in all."""
        return (
            self.select_related("invitation", "nps_invitation", "reply")
            .defer(*invitations_unread(self.model))
            .prefetch_related("reply__edits")
        )

    def newest_first(self, language=None):
        """Those written in the reader's language first (``language``, by default the
        one being served), then the others; each newest first."""
        return self.order_by(language_first(language), "-submitted_at", "-pk")

    def newest(self, count):
        """The first ``count`` in ``newest_first()``'s order, ready to display, read
        through the indexes instead of sorting every row (a product page's newest, at
        any number of testimonials): two queries."""
        return wall_pages.first(self, count)

    def critical(self):
        """Rated ``CRITICAL_AT_MOST`` stars or fewer."""
        return self.filter(rating__lte=CRITICAL_AT_MOST)

    def critical_first(self, language=None):
        """The lowest rating first, as the reader asked: the bad news comes first in
        whatever language it was written. Of one rating, those in the reader's language
        first, then the newest; those without a rating last, having nothing to rank
        them by."""
        return self.order_by(
            F("rating").asc(nulls_last=True), language_first(language), "-submitted_at", "-pk"
        )

    def containing_shown_words(self, query, max_words=10):
        """Testimonials that show every word of ``query`` to readers: in the customer's
        words, the role, the product, and the name and company only where the author
        agreed to show them. The search index also holds names and companies for
        editors, so public searches use this: a name given without consent must
        never find its testimonial."""
        words = query.split()[:max_words]
        if not words:
            return self.none()
        condition = Q()
        for word in words:
            shown = Q()
            # ＳＳＯ and SSO, ２日 and 2日 are one word to a reader.
            for form in width_forms(word):
                shown |= (
                    Q(quote__icontains=form)
                    | Q(author_role__icontains=form)
                    | Q(product__name__icontains=form)
                    | Q(consent_name=True, author_name__icontains=form)
                    | Q(consent_company=True, author_company__icontains=form)
                )
            condition &= shown
        return self.filter(condition)

    def with_customer_confirmed_on(self):
        """Annotate ``customer_confirmed_on``: the last day the author said they are a
        customer. One query, however many testimonials."""
        ReconfirmationRequest = self.model._meta.get_field("reconfirmation_requests").related_model
        confirmed_by_email = (
            ReconfirmationRequest.objects.filter(
                testimonials=OuterRef("pk"), outcome=ReconfirmationRequest.Outcome.CONFIRMED
            )
            .order_by("-answered_at")
            .values("answered_at")[:1]
        )
        return self.annotate(
            customer_confirmed_on=Greatest(
                TruncDate("submitted_at"),
                Coalesce("advocate__customer_as_of", LONG_AGO),
                Coalesce("advocate__reconfirmed_on", LONG_AGO),
                Coalesce(TruncDate(Subquery(confirmed_by_email)), LONG_AGO),
            )
        )

    def awaiting_second_moderator(self):
        """Low ratings one moderator proposed to reject: still as they were (pending
        or published) until a second moderator confirms."""
        Status = self.model.Status
        return self.filter(
            rejection_proposed_at__isnull=False, status__in=[Status.PENDING, Status.APPROVED]
        )

    def summary(self):
        """The public rating distribution and the moderation record, counted from the
        rows in one query. A product's pages read theirs from its tally instead
        (``TestimonialManager.summary``), which must always equal this.

        Ratings count every approved testimonial, whatever its score; the record
        counts everything ever submitted, so readers see what was not published, and
        breaks rejections down by reason and by rating, so suppressing low ratings
        would show. Only decisions count: a proposal to reject changes nothing."""
        return summarised(self.counts())

    def counts(self):
        """The figures ``summary()`` is made of, as plain numbers: what a tally stores.
        One query grouped by what the figures depend on (a few dozen rows at most,
        however many testimonials), summed here: the ORM takes longer to build thirty
        filtered aggregates than the database takes to count the rows."""
        Status = self.model.Status
        reasons = {reason.value for reason in self.model.RejectionReason}
        counts = dict.fromkeys(["rated", "submitted", "published", "pending", "withdrawn"], 0)
        counts |= {f"stars_{n}": 0 for n in range(1, 6)}
        counts |= {
            rejection_key(reason, stars): 0
            for reason in reasons
            for stars in REJECTION_RATING_COLUMNS
        }
        fields = list(dict.fromkeys(["status", "rejection_reason", "rating", *PUBLIC]))
        rating_total = 0
        for group in self.order_by().values(*fields).annotate(number=Count("pk")):
            number, status, rating = group["number"], group["status"], group["rating"]
            counts["submitted"] += number
            if status == Status.PENDING:
                counts["pending"] += number
            elif status == Status.WITHDRAWN:
                counts["withdrawn"] += number
            elif (
                status == Status.REJECTED
                and group["rejection_reason"] in reasons
                and rating in REJECTION_RATING_COLUMNS
            ):
                counts[rejection_key(group["rejection_reason"], rating)] += number
            if all(group[field] == value for field, value in PUBLIC.items()):
                counts["published"] += number
                if rating is not None:
                    counts["rated"] += number
                    rating_total += rating * number
                    if 1 <= rating <= 5:
                        counts[f"stars_{rating}"] += number
        counts["average"] = rating_total / counts["rated"] if counts["rated"] else None
        return counts


class TestimonialManager(models.Manager.from_queryset(TestimonialQuerySet)):
    def summary(self):
        """As ``TestimonialQuerySet.summary()``. For all of one product's testimonials,
        as its pages ask (``product.testimonials.summary()``), read from the product's
        tally (testimonials.tallies): one query however many testimonials there are,
        the same figures as counting them. Any other scope (the whole site, a filtered
        queryset) is counted from the rows, as is a product not tallied yet."""
        product = getattr(self, "instance", None)
        if product is not None and self.field.name == "product":
            return self.model._default_manager.summaries([product])[product.pk]
        return self.get_queryset().summary()

    def newest_public(self, count):
        """``public().newest(count)``. For one product's testimonials, as its page asks
        (``product.testimonials.newest_public(6)``), by a query compiled once per process
        (wall_pages.newest_of_product); any other scope as the queryset does."""
        product = getattr(self, "instance", None)
        if product is not None and self.field.name == "product":
            found = wall_pages.newest_of_product(self.model, count)(product.pk)
            return wall_pages.in_wall_order(found, count)
        return self.get_queryset().public().newest(count)

    def summaries(self, products):
        """``summary()`` of each of ``products``' testimonials, by product id: their
        tallies in one query, whatever the number of products (a widget quoting
        several); a product not tallied yet is counted from its rows."""
        ids = [getattr(product, "pk", product) for product in products]
        # Never a tally cached on a product: it may have been recounted since.
        tallied = dict(tallies_of(self.tally_model())(ids))
        return {
            pk: summarised(tallied[pk])
            if tallied.get(pk)
            else self.model._default_manager.filter(product=pk).summary()
            for pk in ids
        }

    def public_count(self, product=None, ratings=None):
        """How many testimonials are public (``product``'s, rated one of ``ratings``),
        summed from the products' tallies in one query: a row per product, not per
        testimonial, so the wall costs the same with 5,000 testimonials or 50,000. A
        product not tallied yet is counted from its rows, as in ``summaries``."""
        keys = ["published"] if ratings is None else [f"stars_{stars}" for stars in ratings]
        # Testimonials are given only our products, in the site's language
        # (limit_choices_to); a product that has stopped being ours keeps its tally.
        products = (
            self.product_model()
            .objects.in_source_language()
            .filter(Q(is_ours=True) | Q(testimonial_tally__isnull=False))
        )
        if product is not None:
            products = products.filter(pk=product.pk)
        # Only the figures asked for, read out of each tally by the database.
        figures = [KeyTextTransform(key, "testimonial_tally__counts") for key in keys]
        total, untallied = 0, []
        for product_id, *numbers in products.values_list("pk", *figures):
            if None in numbers:  # no tally, or one not counted yet
                untallied.append(product_id)
            else:
                total += sum(int(number) for number in numbers)
        if untallied:
            rows = self.get_queryset().public().filter(product__in=untallied)
            total += (rows if ratings is None else rows.filter(rating__in=ratings)).count()
        return total

    def product_model(self):
        return self.model._meta.get_field("product").related_model

    def tally_model(self):
        """TestimonialTally, reached through the product (this module comes first)."""
        return self.product_model()._meta.get_field("testimonial_tally").related_model


@cache
def tallies_of(tally_model):
    """(product id, counts) of the products whose ids it is given, by a query compiled
    once per process (home.prepared): every product page asks for its product's."""
    return PreparedQuery(
        lambda ids: tally_model.objects.filter(among("product", ids)).values_list(
            "product", "counts"
        ),
        [int],
    )


def rejection_key(reason, stars):
    return f"rejected_{reason}_{stars or 'unrated'}"


def summarised(counts):
    """``counts()`` as pages show them: the ratings, the moderation record and the
    rejections by reason and rating, labelled in the reader's language. A figure the
    counts lack (a rejection reason added since they were taken) is zero."""
    rejections = []
    for reason in RejectionReason:
        by_rating = [
            {"stars": stars, "count": counts.get(rejection_key(reason.value, stars), 0)}
            for stars in REJECTION_RATING_COLUMNS
        ]
        count = sum(cell["count"] for cell in by_rating)
        if count:
            rejections.append({"reason": reason.label, "count": count, "ratings": by_rating})
    stars = {n: counts.get(f"stars_{n}", 0) for n in range(1, 6)}
    count = counts["rated"]
    return {
        "ratings": {
            "average": counts["average"],
            "count": count,
            "distribution": [
                {
                    "stars": n,
                    "count": stars[n],
                    "percent": round(100 * stars[n] / count) if count else 0,
                }
                for n in range(5, 0, -1)
            ],
            "critical": sum(stars[n] for n in range(1, CRITICAL_AT_MOST + 1)),
        },
        "moderation": {
            "submitted": counts["submitted"],
            "published": counts["published"],
            "pending": counts["pending"],
            "withdrawn": counts["withdrawn"],
            "rejected": [{"reason": row["reason"], "count": row["count"]} for row in rejections],
            "rejected_total": sum(row["count"] for row in rejections),
        },
        # Each reason by rating (1 to 5 stars, then unrated): kept beside
        # "moderation" so its callers see the same keys as before.
        "rejections": {"columns": REJECTION_RATING_COLUMNS, "rows": rejections},
    }


class NpsResponseQuerySet(models.QuerySet):
    def promoters(self):
        return self.filter(score__gte=self.model.PROMOTER_MIN)

    def detractors(self):
        return self.filter(score__lte=self.model.DETRACTOR_MAX)

    def counts(self):
        """Promoters, passives and detractors in one query."""
        Model = self.model
        return self.aggregate(
            promoters=Count("pk", filter=Q(score__gte=Model.PROMOTER_MIN)),
            detractors=Count("pk", filter=Q(score__lte=Model.DETRACTOR_MAX)),
            total=Count("pk"),
        )
