"""A testimonial's card as HTML: its quote, who wrote it, its labels (disclosure,
verification, language, excerpt), where it came from, and our reply under it. Written
once here for every page that shows cards: the wall, the product page, case studies,
search, the widget, a testimonial's own page and the moderators' preview.

Built in Python rather than with a template include because a wall page shows twenty
cards and the template engine spent about 0.8 ms on each (a hundred nodes resolving
variables, translating the same words again, formatting dates), a third of the page's
cold render. Here the words are translated once per render and each date formatted
once per process.

Everything a customer or an editor wrote is escaped on its way in, line breaks kept as
``<br>``; only the translations (written by translators, as in a template) and the
markup built here are trusted."""

from functools import cache, lru_cache

from django.utils.formats import date_format
from django.utils.safestring import SafeString
from django.utils.text import normalize_newlines
from django.utils.timezone import localtime
from django.utils.translation import get_language, gettext, ngettext, pgettext

from wagtail.images.models import Filter
from wagtail.images.shortcuts import get_renditions_or_not_found

from home.markup import escape, once_per_render, picture
from home.models import SiteSettings
from testimonials.models import TestimonialWallPage

# The photo as 64 px (128 px on dense screens) in the formats browsers prefer first.
PHOTO_SPECS = ("format-{avif,webp,jpeg}", "fill-{64x64,128x128}")
PHOTO_ATTRIBUTES = {
    "sizes": "64px",
    "class": "testimonial__photo",
    "alt": "",
    "loading": "lazy",
    "decoding": "async",
}
STARS = 5


@cache
def photo_filters():
    # A filter holds only its spec and the operations parsed from it, the same for
    # every photo; parsing them cost more than finding a photo's renditions.
    return [Filter(spec=spec) for spec in Filter.expand_spec(list(PHOTO_SPECS))]


@lru_cache(maxsize=4096)
def long_date(language, day):
    """``day`` as ``language`` (the active one) writes it in full, escaped."""
    return escape(date_format(day, "DATE_FORMAT"))


def text_with_breaks(text):
    """Plain text as Django's ``linebreaksbr`` shows it: escaped, each line break a
    ``<br>``."""
    return escape(normalize_newlines(text)).replace("\n", "<br>")


class CardMarkup:
    """Renders testimonial cards for one page in the active language. Make one per
    render (see ``for_context``): it holds the words every card repeats."""

    def __init__(self, company_name=""):
        self.language = get_language()
        self.company = escape(company_name or gettext("the publisher"))
        self.words = {
            "disclosure": pgettext(
                "mark before an incentivised or insider testimonial", "Disclosure"
            ),
            "separator": escape(pgettext("list separator", ", ")),
            "excerpt": gettext("Excerpt"),
            "read_full": gettext("Read the full original"),
            "collected": gettext("How these reviews were collected"),
            "before_link": pgettext("before a link", ":"),
            "external": gettext("(external site)"),
        }

    @classmethod
    def for_context(cls, context):
        """The one renderer of a template render, kept in its render context."""

        def make():
            request = context.get("request")
            company = SiteSettings.for_request(request).company_name if request else ""
            return cls(company)

        return once_per_render(context, cls, make)

    def cards(self, testimonials, wall_url=""):
        """The cards of ``testimonials``, each in a list item, as a list shows them."""
        return SafeString(
            "".join(f"<li>{self.card(testimonial, wall_url)}</li>" for testimonial in testimonials)
        )

    def card(self, testimonial, wall_url="", full=False):
        """One testimonial's card (``full``: its whole quote, never its excerpt) and our
        reply to it."""
        incentive = testimonial.incentive_label
        relationship = testimonial.relationship_label
        disclosed = " testimonial--disclosed" if incentive or relationship else ""
        text = testimonial.quote if full else testimonial.display_text
        with_photo = testimonial.photo_id and testimonial.consent_photo
        parts = [
            f'<figure class="testimonial{disclosed}">',
            self.disclosure(relationship, incentive) if disclosed else "",
            self.rating(testimonial.rating) if testimonial.rating else "",
            f'<blockquote lang="{escape(testimonial.language)}"><p>{text_with_breaks(text)}</p>'
            "</blockquote>",
            "<figcaption>",
            self.photo(testimonial.photo) if with_photo else "",
            self.author(testimonial),
            self.meta(testimonial),
            self.labels(testimonial, wall_url, full),
            self.provenance(testimonial, wall_url),
            "</figcaption></figure>",
        ]
        reply = testimonial.public_reply
        if reply is not None:
            parts.append(self.reply(reply))
        return "\n".join(part for part in parts if part)

    # Pieces ----------------------------------------------------------------------------

    def disclosure(self, relationship, incentive):
        # Next to the quote, never in small print: Japan's stealth-marketing rule asks
        # for a clear "PR" mark with its reason.
        marks = [f'<strong class="label label--pr">{self.words["disclosure"]}</strong>']
        if relationship:
            marks.append(
                f'<strong class="label label--relationship">{escape(relationship)}</strong>'
            )
        if incentive:
            marks.append(f'<strong class="label label--incentive">{escape(incentive)}</strong>')
        return f'<p class="testimonial__disclosure">{" ".join(marks)}</p>'

    def rating(self, rating):
        stars = "★" * rating + "☆" * (STARS - rating)
        words = gettext("Rated %(rating)s out of 5") % {"rating": rating}
        return (
            f'<p class="rating"><span aria-hidden="true">{stars}</span> '
            f'<span class="rating__text">{words}</span></p>'
        )

    def photo(self, image):
        renditions = get_renditions_or_not_found(image, photo_filters())
        return picture(renditions, PHOTO_ATTRIBUTES)

    def author(self, testimonial):
        """The author's name, role and company, as they wrote them: in the quote's
        language."""
        names = [f'<span class="testimonial__author">{escape(testimonial.display_name)}</span>']
        if testimonial.author_role and testimonial.consent_name:
            names.append(escape(testimonial.author_role))
        if testimonial.display_company:
            names.append(escape(testimonial.display_company))
        lang = self.foreign_lang(testimonial)
        return f'<span class="testimonial__by"{lang}>{self.words["separator"].join(names)}</span>'

    def meta(self, testimonial):
        on_product = gettext("on %(product)s") % {"product": escape(testimonial.product.name)}
        day = testimonial.submitted_on
        meta = f'{on_product} · <time datetime="{day.isoformat()}">{self.date(day)}</time>'
        if testimonial.edited_by_author_at:
            edited = gettext("Edited by the author on %(date)s") % {
                "date": self.date(testimonial.edited_by_author_at)
            }
            meta += f' · <span class="testimonial__edited">{edited}</span>'
        return f'<span class="testimonial__meta">{meta}</span>'

    def labels(self, testimonial, wall_url, full):
        provenance = testimonial.provenance
        labels = []
        if testimonial.language != self.language:
            labels.append(
                f'<span class="label label--language">{escape(testimonial.language_name)}</span>'
            )
        if provenance.verified:
            labels.append(
                f'<span class="label label--verified">✓ {escape(provenance.verification)}</span>'
            )
        else:
            labels.append(
                f'<span class="label label--unverified">{escape(provenance.verification)}</span>'
            )
        if testimonial.is_excerpt and not full:
            labels.append(f'<span class="label label--excerpt">{self.words["excerpt"]}</span>')
            if wall_url:
                by = gettext("by %(name)s") % {"name": escape(testimonial.display_name)}
                labels.append(
                    f'<a href="{escape(wall_url)}{testimonial.pk}/">{self.words["read_full"]}'
                    f'<span class="visually-hidden"> {by}</span></a>'
                )
        return f'<span class="testimonial__labels">{" ".join(labels)}</span>'

    def provenance(self, testimonial, wall_url):
        """Where it came from, from the record its link or import left: never typed as
        a label."""
        provenance = testimonial.provenance
        said = escape(provenance.explanation)
        if provenance.is_imported and provenance.original_url:
            read_it = gettext("read it on %(platform)s") % {"platform": escape(provenance.platform)}
            said += (
                f'{self.words["before_link"]} <a href="{escape(provenance.original_url)}" '
                f'rel="nofollow noopener" class="external">{read_it}'
                f'<span class="external__note"> {self.words["external"]}</span></a>'
            )
        elif provenance.is_invited and wall_url:
            report = TestimonialWallPage.collection_report_route(testimonial.product)
            said += f' <a href="{escape(wall_url + report)}">{self.words["collected"]}</a>'
        kind = escape(provenance.kind)
        return (
            f'<span class="testimonial__provenance provenance provenance--{kind}">'
            f'<strong class="label label--provenance">{escape(provenance.label)}</strong> {said}'
            "</span>"
        )

    def reply(self, reply):
        """Our answer, under the customer's words and apart from them; plain text, as
        written."""
        by = gettext("Reply from %(company)s") % {"company": self.company}
        who = escape(reply.name)
        if reply.role:
            who += self.words["separator"] + escape(reply.role)
        heading = f"<strong>{by}</strong> · {who} · {self.time(reply.replied_on)}"
        if reply.edited_on:
            edited = pgettext("a reply", "edited %(date)s") % {"date": self.date(reply.edited_on)}
            heading += f' · <span class="testimonial-reply__edited">{edited}</span>'
        parts = [
            '<div class="testimonial-reply">',
            f'<p class="testimonial-reply__from">{heading}</p>',
            f'<p class="testimonial-reply__text">{text_with_breaks(reply.text)}</p>',
        ]
        if reply.history:
            count = len(reply.history)
            summary = ngettext(
                "Earlier version of this reply",
                "Earlier versions of this reply (%(counter)s)",
                count,
            ) % {"counter": count}
            versions = "".join(
                f"<li>{self.time(version.written_on)}<p>{text_with_breaks(version.text)}</p></li>"
                for version in reply.history
            )
            parts.append(
                '<details class="testimonial-reply__history">'
                f"<summary>{summary}</summary><ol>{versions}</ol></details>"
            )
        parts.append("</div>")
        return "\n".join(parts)

    # Words -----------------------------------------------------------------------------

    def foreign_lang(self, testimonial):
        """A ``lang`` attribute where the testimonial is not in the reader's language."""
        if testimonial.language == self.language:
            return ""
        return f' lang="{escape(testimonial.language)}"'

    def date(self, day):
        if hasattr(day, "date"):  # a time: dated in the site's time zone, as by templates
            day = localtime(day).date()
        return long_date(self.language, day)

    def time(self, day):
        return f'<time datetime="{day.isoformat()}">{self.date(day)}</time>'
