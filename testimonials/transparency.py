"""How the reviews of one of our products were collected, in figures anyone can check:
per calendar quarter, how many customers we invited and how many answered, what became
of everything received (published, pending, withdrawn, rejected by reason and by
rating), the ratings of each provenance side by side, when we last launched a
campaign, and whether every customer on our list was invited.

Everything received counts once, in the quarter it was submitted, by the same rules as
the moderation record on the product page (TestimonialQuerySet.summary()), so the
quarters add up to that record. The figures cost a fixed number of queries however
many testimonials and invitations there are: each is one grouped aggregate.

The wall serves the report, so this module reaches the records through the product
rather than importing the models the wall is one of."""

import datetime
from collections import Counter, defaultdict

from django.db.models import Count, Exists, Max, OuterRef, Q
from django.db.models.functions import Coalesce, TruncQuarter
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext, ngettext

from comparisons.models import Product
from home.charts import BarChart, Series, months_before
from testimonials.choices import Platform, RejectionReason, Source, Status
from testimonials.querysets import REJECTION_RATING_COLUMNS

# "Every customer was invited" looks back this far.
COVERAGE_MONTHS = 12

# The provenances compared side by side, in this order; Interview only when there is one.
COMPARED_SOURCES = (Source.INVITED, Source.FORM, Source.AFTER_NPS, Source.IMPORT)
SOURCE_COLOURS = {
    Source.INVITED: "#2e6b8a",
    Source.FORM: "#5c9e31",
    Source.AFTER_NPS: "#c99a00",
    Source.IMPORT: "#8a4f9e",
    Source.INTERVIEW: "#767676",
}
STARS = (5, 4, 3, 2, 1)


def product_slug(product):
    """How a product is named in the report's address: its name, as a slug (names are
    the same in every language); its number if its name makes no slug."""
    return slug_for(product.name, product.pk)


def slug_for(name, pk):
    return slugify(name, allow_unicode=True) or str(pk)


def product_for_slug(slug):
    """Our product (the original, whose figures its translations share) named by
    ``slug``, or None. One query: we make a handful of products."""
    return next((p for p in Product.objects.ours() if product_slug(p) == slug), None)


def quarter_label(year, number):
    return gettext("%(year)s Q%(number)s") % {"year": year, "number": number}


def percent(part, whole):
    return round(100 * part / whole) if whole else None


def empty_figures():
    return {
        "invited": 0,
        "answered_invitations": 0,
        "bounced": 0,
        "answers": 0,
        "submitted": 0,
        "published": 0,
        "pending": 0,
        "withdrawn": 0,
        "rejected": 0,
        "rejections": Counter(),  # (reason, stars or None): count
    }


def collection_report(product, today=None):
    """The report's figures for ``product`` (an original), as plain data: what the page
    shows and the JSON says. Four queries."""
    today = today or timezone.localdate()
    quarters = defaultdict(empty_figures)
    totals = empty_figures()
    by_source = defaultdict(Counter)  # source: {stars: published count}
    platforms = Counter()

    for row in testimonial_rows(product):
        figures = quarters[quarter_key(row["quarter"])]
        for bucket in (figures, totals):
            add_testimonials(bucket, row)
        if row["status"] == Status.APPROVED and row["live"] and row["rating"]:
            by_source[row["source"]][row["rating"]] += row["count"]
        if row["source"] == Source.IMPORT:
            platforms[row["platform"]] += row["count"]

    for row in invitation_rows(product):
        figures = quarters[quarter_key(row["quarter"])]
        for bucket in (figures, totals):
            bucket["invited"] += row["sent"]
            bucket["answered_invitations"] += row["answered"]
            bucket["bounced"] += row["bounced"]

    return {
        "product": product,
        "slug": product_slug(product),
        "quarters": [
            described(figures, key) for key, figures in sorted(quarters.items(), reverse=True)
        ],
        "totals": described(totals),
        "ratings": ratings_by_source(by_source),
        "imported": imported_platforms(platforms),
        "last_campaign_launched_at": last_campaign_launched_at(product),
        "coverage": coverage(product, today),
    }


def invitations_of(product):
    campaigns = product.invitation_campaigns.model
    return campaigns._meta.get_field("invitations").related_model.objects.filter(product=product)


def testimonial_rows(product):
    """Everything ever received for the product, counted by quarter submitted and by
    what the figures tell apart. One query."""
    return (
        product.testimonials.all()
        .annotate(quarter=TruncQuarter("submitted_at"))
        .order_by()
        .values("quarter", "source", "platform", "rating", "status", "live", "rejection_reason")
        .annotate(count=Count("pk"))
    )


def invitation_rows(product):
    """Invitations sent for the product, by quarter sent, those that bounced
    included (a bounce is recorded instead of a sending). One query."""
    return (
        invitations_of(product)
        .filter(Q(sent_at__isnull=False) | Q(bounced_at__isnull=False))
        .annotate(quarter=TruncQuarter(Coalesce("sent_at", "bounced_at")))
        .order_by()
        .values("quarter")
        .annotate(
            sent=Count("pk"),
            answered=Count("pk", filter=Q(answered_at__isnull=False)),
            bounced=Count("pk", filter=Q(bounced_at__isnull=False)),
        )
    )


def quarter_key(moment):
    day = timezone.localtime(moment) if isinstance(moment, datetime.datetime) else moment
    return (day.year, (day.month - 1) // 3 + 1)


def add_testimonials(figures, row):
    """As summary() counts them: published is approved and live; pending, withdrawn
    and rejected go by status alone."""
    count = row["count"]
    figures["submitted"] += count
    if row["source"] == Source.INVITED:
        figures["answers"] += count
    if row["status"] == Status.APPROVED and row["live"]:
        figures["published"] += count
    elif row["status"] == Status.PENDING:
        figures["pending"] += count
    elif row["status"] == Status.WITHDRAWN:
        figures["withdrawn"] += count
    elif row["status"] == Status.REJECTED and row["rejection_reason"] in RejectionReason.values:
        figures["rejected"] += count
        figures["rejections"][(row["rejection_reason"], row["rating"])] += count


def described(figures, key=None):
    """Figures with their labels and rates, ready for the page and the JSON."""
    rejections = []
    for reason in RejectionReason:
        ratings = [
            {"stars": stars, "count": figures["rejections"][(reason.value, stars)]}
            for stars in REJECTION_RATING_COLUMNS
        ]
        count = sum(cell["count"] for cell in ratings)
        if count:
            rejections.append(
                {"reason": reason.value, "label": reason.label, "count": count, "ratings": ratings}
            )
    result = {
        **{name: value for name, value in figures.items() if name != "rejections"},
        "rejections": rejections,
        "response_rate": percent(figures["answered_invitations"], figures["invited"]),
    }
    if key:
        year, number = key
        result.update(quarter=f"{year}-Q{number}", label=quarter_label(year, number))
    return result


def ratings_by_source(by_source):
    """Published ratings of each provenance: counts and shares, five stars first."""
    sources = [*COMPARED_SOURCES, *([Source.INTERVIEW] if by_source[Source.INTERVIEW] else [])]
    compared = []
    for source in sources:
        counts = by_source[source]
        total = sum(counts.values())
        compared.append(
            {
                "source": source.value,
                "label": source.label,
                "count": total,
                "stars": [
                    {"stars": n, "count": counts[n], "percent": percent(counts[n], total)}
                    for n in STARS
                ],
            }
        )
    return compared


def imported_platforms(platforms):
    labels = dict(Platform.choices)
    return {
        "count": sum(platforms.values()),
        "platforms": [
            {"platform": platform, "label": labels.get(platform, platform), "count": count}
            for platform, count in sorted(platforms.items(), key=lambda item: (-item[1], item[0]))
        ],
    }


def last_campaign_launched_at(product):
    return product.invitation_campaigns.aggregate(last=Max("launched_at"))["last"]


def coverage(product, today):
    """Whether every customer of the product on our list was invited in the last
    ``COVERAGE_MONTHS``. Everyone on the list counts, those who asked us not to write
    to them included: they are counted apart, never quietly left out. One query."""
    since = months_before(today, COVERAGE_MONTHS)
    invited = (
        invitations_of(product).sent().filter(contact=OuterRef("pk"), sent_at__date__gte=since)
    )
    counts = (
        product.customer_contacts.all()
        .annotate(was_invited=Exists(invited))
        .aggregate(
            customers=Count("pk"),
            invited=Count("pk", filter=Q(was_invited=True)),
            unsubscribed_not_invited=Count(
                "pk", filter=Q(was_invited=False, unsubscribed_at__isnull=False)
            ),
        )
    )
    return {
        **counts,
        "since": since,
        "percent": percent(counts["invited"], counts["customers"]),
        "everyone": bool(counts["customers"]) and counts["invited"] == counts["customers"],
    }


def star_label(stars):
    return ngettext("%(stars)s star", "%(stars)s stars", stars) % {"stars": stars}


def ratings_table(ratings):
    """The chart's data as rows of the table beside it: one per rating, one cell (count
    and share) per source."""
    return [
        {"label": star_label(stars), "cells": [source["stars"][row] for source in ratings]}
        for row, stars in enumerate(STARS)
    ]


def ratings_chart(ratings):
    """The published ratings of each provenance side by side, as shares of its own
    total, so a source with more reviews does not look better for it."""
    categories = [star_label(stars) for stars in STARS]
    summary = "; ".join(
        gettext("%(source)s: %(count)s published, %(top)s%% with 5 stars")
        % {"source": row["label"], "count": row["count"], "top": row["stars"][0]["percent"]}
        for row in ratings
        if row["count"]
    )
    return BarChart(
        name="collection-ratings-chart",
        title=gettext("Published ratings by where the review came from"),
        description=summary or gettext("No published ratings yet."),
        categories=categories,
        series=[
            Series(
                source["label"],
                [star["percent"] or 0 for star in source["stars"]],
                SOURCE_COLOURS[Source(source["source"])],
            )
            for source in ratings
        ],
        value_range=(0, 100),
        unit="%",
    )


def as_json(report):
    """The same figures for tools: stable keys, values rather than sentences (the
    labels are in the reader's language, the keys are not)."""

    def figures(values):
        return {
            **{name: value for name, value in values.items() if name != "rejections"},
            "label": str(values.get("label", "")) or None,
            "rejections": [
                {
                    "reason": row["reason"],
                    "label": str(row["label"]),
                    "count": row["count"],
                    "by_rating": {
                        str(cell["stars"] or "unrated"): cell["count"] for cell in row["ratings"]
                    },
                }
                for row in values["rejections"]
            ],
        }

    coverage = report["coverage"]
    launched = report["last_campaign_launched_at"]
    totals = figures(report["totals"])
    del totals["label"]
    return {
        "product": {"name": report["product"].name, "slug": report["slug"]},
        "customers": {
            "on_list": coverage["customers"],
            "invited": coverage["invited"],
            "invited_since": coverage["since"].isoformat(),
            "invited_percent": coverage["percent"],
            "unsubscribed_not_invited": coverage["unsubscribed_not_invited"],
            "every_customer_invited": coverage["everyone"],
        },
        "last_campaign_launched_on": (
            timezone.localdate(launched).isoformat() if launched else None
        ),
        "totals": totals,
        "quarters": [figures(quarter) for quarter in report["quarters"]],
        "ratings_by_source": [
            {
                "source": source["source"],
                "label": str(source["label"]),
                "published": source["count"],
                "stars": {str(star["stars"]): star["count"] for star in source["stars"]},
            }
            for source in report["ratings"]
        ],
        "imported": {
            "count": report["imported"]["count"],
            "platforms": [
                {"platform": row["platform"], "label": str(row["label"]), "count": row["count"]}
                for row in report["imported"]["platforms"]
            ],
        },
    }
