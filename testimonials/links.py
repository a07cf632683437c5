"""The private links e-mailed to a testimonial's author: to change or withdraw what they
wrote, and to re-confirm that they are still a customer; and those given to a customer
we ask: the invitation to the testimonial form, the same form after the NPS survey, and
the way to stop invitations. Each is signed, so only the person who received it can use
it, and names the record it was made for; a link that was altered or made up names none.
The withdrawal link's address still says "withdraw": links already e-mailed keep
working."""

from dataclasses import dataclass

from django.core import signing
from django.urls import reverse


@dataclass(frozen=True)
class PrivateLink:
    salt: str
    url_name: str

    def token(self, record):
        return signing.dumps(record.pk, salt=self.salt)

    def record_id(self, token):
        """The id of the record a token was made for, or None if it was altered or made
        up."""
        try:
            return signing.loads(token, salt=self.salt)
        except signing.BadSignature:
            return None

    def path(self, record):
        return reverse(self.url_name, args=[self.token(record)])


withdrawal_link = PrivateLink(
    salt="testimonials.withdraw", url_name="testimonial_change_or_withdraw"
)
reconfirmation_link = PrivateLink(salt="testimonials.reconfirm", url_name="testimonial_reconfirm")


@dataclass(frozen=True)
class PageRouteLink:
    """A signed link to a route of a page (``page.reverse_subpage(route_name)``).
    Wagtail serves page paths made of letters, digits, "-" and "_" only, so the token
    is the record's id, "-", and the signature (URL-safe base64), not signing.dumps's
    "id:signature"."""

    salt: str
    route_name: str

    def token(self, record):
        return signing.Signer(salt=self.salt).sign(str(record.pk)).replace(":", "-", 1)

    def record_id(self, token):
        """The id of the record a token was made for, or None if it was altered or made
        up."""
        pk, _, signature = token.partition("-")
        if not pk.isdigit():
            return None
        try:
            return int(signing.Signer(salt=self.salt).unsign(f"{pk}:{signature}"))
        except signing.BadSignature:
            return None

    def path(self, page, record):
        """The route on ``page`` for ``record``, as a link on the site."""
        return page.url + self.route(page, record)

    def full_url(self, page, record):
        """The same, with the site's address, for an e-mail."""
        return page.get_full_url() + self.route(page, record)

    def route(self, page, record):
        return page.reverse_subpage(self.route_name, args=[self.token(record)])


# A campaign's invitation (Invitation), and an NPS respondent's (NpsInvitation): the
# testimonial form with the customer known.
invited_link = PageRouteLink(salt="testimonials.invited", route_name="invited")
after_nps_link = PageRouteLink(salt="testimonials.after-nps", route_name="after_nps")
# For a customer on our list (CustomerContact): stop, or restart, invitations.
unsubscribe_link = PrivateLink(salt="testimonials.unsubscribe", url_name="customer_unsubscribe")
