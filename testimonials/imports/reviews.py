"""Reviews customers already wrote on other sites (G2, Capterra, …), imported from a CSV
file as testimonials that say where they came from.

Each becomes a pending testimonial with provenance "Imported": the platform, the
original address and date, and the basis for showing it here (the author's consent or
the platform's licence, per row or chosen for the file). An editor still publishes each
one, as every testimonial is published. Its date on the site is the original date, so
"newest first" stays honest. The words are kept as written: only the spaces around a
cell go; when a platform's export splits a review into answers to several questions,
each answer is kept whole under its question, in the file's order.

Ratings are whole stars out of five, as every testimonial's. A half star (G2 shows 4.5)
or a score out of ten cannot be stored without changing it, so such a row is refused
and the editor decides: leave the rating blank (the review is imported without one) or
leave the row out. Nothing is rounded.

The same review twice (the same author and the same words, once spaces, width and
case are set aside) is imported once: a duplicate within the file or of a stored
testimonial is shown in the preview and left out, so importing a file again imports
nothing new.

G2's and Capterra's exports are read through the headings they are known to use (the
API's field names and the obvious labels: see COLUMNS); a column read under another
heading can be renamed to the generic one before uploading."""

import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.search.backends import get_search_backends

from home.form_input import normalised
from home.languages import default_language
from home.page_cache.signals import changed_in_bulk
from testimonials import tallies
from testimonials.choices import ImportBasis, Incentive, Platform
from testimonials.models import Testimonial

from . import cells
from .csv_files import Column, parse_date
from .importers import DUPLICATE, NEW, Preview, RowResult

COLUMNS = [
    Column("platform", ("site", "source", "review source")),
    Column(
        "original_url",
        ("url", "review url", "review link", "link", "original address", "review page"),
        required=True,
    ),
    Column(
        "original_date",
        (
            "date",
            "review date",
            "submitted at",
            "published at",
            "date submitted",
            "date published",
            "written on",
            "original posted on",
        ),
        required=True,
    ),
    Column("rating", ("star rating", "stars", "overall rating", "rating overall", "score")),
    Column(
        "text",
        (
            "review",
            "review text",
            "review title",
            "title",
            "comments",
            "overall",
            "overall comments",
            "pros",
            "cons",
            "love",
            "hate",
            "benefits",
            "recommendations",
        ),
        starts=(
            "what do you like best",
            "what do you dislike",
            "what problems",
            "recommendations to others",
        ),
        required=True,
    ),
    Column(
        "author_name",
        ("name", "author", "reviewer", "reviewer name", "user name", "full name"),
        required=True,
    ),
    Column("author_role", ("role", "job title", "reviewer title", "user title", "position")),
    Column(
        "author_company",
        ("company", "company name", "reviewer company", "organization", "organisation"),
    ),
    Column("product", ("product name",)),
    Column("language", ("review language",)),
    Column("basis", ("import basis", "licence", "license")),
    Column("incentivized", ("incentivised", "incentivized review", "incentive")),
]
HEADINGS = [
    gettext_lazy("Platform"),
    gettext_lazy("Originally posted on"),
    gettext_lazy("Rating"),
    gettext_lazy("Author"),
    gettext_lazy("Product"),
    gettext_lazy("Text"),
]
# Which column an error of the model's validation belongs to.
COLUMN_OF_FIELD = {
    "quote": "text",
    "original_posted_on": "original_date",
    "import_basis": "basis",
}
YES = {"yes", "y", "true", "1", "はい"}
PREVIEW_TEXT = 160


def review_key(author_name, text):
    """The same author and the same words, whatever their spacing, width or case."""
    return (cells.key(author_name), " ".join(normalised(text).split()).casefold())


class ReviewImport:
    kind = "reviews"
    title = gettext_lazy("Import reviews from other sites")
    columns = COLUMNS
    headings = HEADINGS

    def __init__(self, options):
        self.default_platform = options.get("platform") or ""
        self.default_basis = options.get("basis") or ""
        self.default_product = options.get("product")
        self.default_language = options.get("language") or default_language()

    @staticmethod
    def may_import(user):
        return user.has_perm("testimonials.add_testimonial")

    def preview(self, table):
        products = cells.our_products()
        lookups = {
            "platform": cells.choice_lookup(Platform.choices),
            "basis": cells.choice_lookup(ImportBasis.choices),
            "language": cells.language_lookup(),
        }
        results = [self.read_row(row, products, lookups) for row in table.rows]
        product_ids = {row.record.product_id for row in results if row.record.product_id}
        stored = {
            review_key(author, quote): pk
            for pk, author, quote in Testimonial.objects.filter(
                product_id__in=product_ids
            ).values_list("pk", "author_name", "quote")
        }
        first_row_of = {}
        for result in results:
            if result.errors:
                continue
            found = review_key(result.record.author_name, result.record.quote)
            if found in first_row_of:
                result.outcome = DUPLICATE
                result.notes.append(
                    _("The same review as row %(row)s: imported once.")
                    % {"row": first_row_of[found]}
                )
            elif found in stored:
                result.outcome = DUPLICATE
                result.notes.append(_("Already here (testimonial %(id)s).") % {"id": stored[found]})
            first_row_of.setdefault(found, result.number)
        return Preview(rows=results, ignored_columns=table.ignored)

    def read_row(self, row, products, lookups):
        result = RowResult(row.number, shown=[])
        chosen = {}
        for name, default in (
            ("platform", self.default_platform),
            ("basis", self.default_basis),
            ("language", self.default_language),
        ):
            value = row.code(name)
            chosen[name] = lookups[name].get(cells.key(value)) if value else default
            if chosen[name] is None:
                result.error(
                    name, _("“%(value)s” is not one this import knows.") % {"value": row[name]}
                )
                chosen[name] = ""
        product = self.default_product
        if row["product"]:
            product = products.get(cells.key(row["product"]))
            if product is None:
                result.error(
                    "product",
                    _("“%(name)s” is not one of our products.") % {"name": row["product"]},
                )
        elif product is None:
            result.error("product", _("Name the product, or choose one for every row on upload."))

        try:
            posted_on = parse_date(row["original_date"])
        except ValueError:
            posted_on = None
            result.error(
                "original_date",
                _("“%(value)s” is not a date: write it as YYYY-MM-DD.")
                % {"value": row["original_date"]},
            )
        rating = self.read_rating(row, result)
        incentivized = cells.key(row["incentivized"]) in YES

        record = Testimonial(
            product=product,
            quote=review_text(row),
            language=chosen["language"],
            rating=rating,
            author_name=row["author_name"],
            author_role=row["author_role"],
            author_company=row["author_company"],
            email="",
            # Shown as the platform showed it: the basis covers the review as posted.
            consent_name=True,
            consent_company=bool(row["author_company"]),
            incentive=Incentive.OTHER if incentivized else Incentive.NONE,
            incentive_detail=(
                _("Offered by %(platform)s for writing a review")
                % {"platform": Platform(chosen["platform"]).label if chosen["platform"] else ""}
                if incentivized
                else ""
            ),
            source=Testimonial.Source.IMPORT,
            platform=chosen["platform"],
            original_url=row.code("original_url"),
            original_posted_on=posted_on,
            import_basis=chosen["basis"],
            live=False,
            submitted_at=posted_at(posted_on),
        )
        if not result.errors:
            self.validate(record, result)
        result.record = record
        result.shown = [
            record.get_platform_display() if record.platform else "",
            posted_on or "",
            rating or "",
            record.author_name,
            product.name if product else "",
            shorten(record.quote),
        ]
        return result

    def read_rating(self, row, result):
        value = row.code("rating")
        if not value:
            return None
        try:
            number = Decimal(value.split("/")[0].strip())
        except InvalidOperation:
            number = None
        if number is not None and number == number.to_integral_value() and 1 <= number <= 5:
            return int(number)
        if number is not None and 1 <= number <= 5:
            message = _(
                "%(value)s is not a whole number of stars. Ratings here are whole stars, "
                "and rounding would change what the author gave: leave the rating blank, "
                "or leave this row out."
            )
        else:
            message = _(
                "“%(value)s” is not a rating from 1 to 5. A score on another scale is not "
                "converted: leave the rating blank, or leave this row out."
            )
        result.error("rating", message % {"value": row["rating"]})
        return None

    def validate(self, record, result):
        relations = [field.name for field in Testimonial._meta.fields if field.is_relation]
        errors = {}
        try:
            record.clean_fields(exclude=relations)
        except ValidationError as error:
            errors.update(error.message_dict)
        for name, message in record.provenance_errors().items():
            errors.setdefault(name, [message])
        for name, messages in errors.items():
            for message in messages:
                result.error(COLUMN_OF_FIELD.get(name, name), message)

    def apply(self, preview):
        new = [row.record for row in preview.rows if row.outcome == NEW]
        with transaction.atomic():
            created = Testimonial.objects.bulk_create(new, batch_size=500)
            for backend in get_search_backends(with_auto_update=True):
                backend.add_bulk(Testimonial, created)
            # Written without signals: each product's moderation record counts them.
            tallies.changed(*{testimonial.product_id for testimonial in created})
            changed_in_bulk(Testimonial, list({t.product_id: t for t in created}.values()))
        return len(created), 0


def review_text(row):
    """The review's words as written: one column's whole, or each answer under the
    question the platform asked, in the file's order."""
    answers = row.all("text")
    if len(answers) == 1:
        return answers[0][1]
    return "\n\n".join(f"{heading}\n{answer}" for heading, answer in answers)


def posted_at(posted_on):
    if posted_on is None:
        return timezone.now()
    return timezone.make_aware(datetime.datetime.combine(posted_on, datetime.time(12)))


def shorten(text):
    return text if len(text) <= PREVIEW_TEXT else text[: PREVIEW_TEXT - 1] + "…"
