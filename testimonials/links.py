"""The private links e-mailed to a testimonial's author: to change or withdraw what they
wrote, and to re-confirm that they are still a customer. Each is signed, so only the
person who received it can use it, and names the record it was made for; a link that
was altered or made up names none. The withdrawal link's address still says
"withdraw": links already e-mailed keep working."""

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
