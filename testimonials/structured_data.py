"""A testimonial as a schema.org Review (JSON-LD), for any page that lists it: what its
card shows, with where it came from and our reply. An imported review names the site
it was first posted on as its publisher, links it, and is dated the day it was posted
there; our reply is its ``comment``, by the person who wrote it for the publisher."""

from home.seo.structured_data import comment, review


def review_of(testimonial, publisher=None):
    """``publisher``: the page's reference to the publishing organisation."""
    provenance = testimonial.provenance
    reply = testimonial.public_reply
    published_on = testimonial.submitted_on
    if provenance.is_imported and provenance.original_date:
        published_on = provenance.original_date
    return review(
        testimonial.display_text,
        testimonial.display_name,
        published_on,
        testimonial.rating,
        testimonial.language,
        url=provenance.original_url or None,
        publisher_name=provenance.platform if provenance.is_imported else None,
        comment=comment(
            reply.text, reply.name, reply.role, reply.replied_on, reply.edited_on, publisher
        )
        if reply
        else None,
    )
