"""Where a testimonial came from and how we know its author is a customer, said the same
way wherever it is shown: on its card and full page, in the API and in JSON-LD.

Readers weigh a review by how it was asked for. An invited review was asked of every
customer in a campaign's segment alike, so the card says so and links the product's
report of how its reviews were collected; an organic one came unprompted through the
public form; one after NPS followed the survey, whatever the score; an imported one
names the site it was first posted on, with the date and a link. Nothing private is
said: never a campaign's internal name, never an address.

What it is comes from the record the customer's link (or the import) left, never from
a label: an imported review is never "invited", and "invited from our customer list"
is said only of a review that answered an invitation."""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from testimonials.choices import Source, Verification

# What a reader is told of each provenance, besides its name.
EXPLANATIONS = {
    Source.INVITED: lambda date: (
        _("Invited on %(date)s. We invited every customer in the group, not only satisfied ones.")
        % {"date": date}
        if date
        else _("Invited. We invited every customer in the group, not only satisfied ones.")
    ),
    Source.FORM: lambda date: _("Sent through our public form, unprompted."),
    Source.AFTER_NPS: lambda date: _(
        "Written after our customer survey, which asks every customer whatever their score."
    ),
    Source.INTERVIEW: lambda date: _("Given in an interview with us."),
}


@dataclass(frozen=True)
class Provenance:
    """What is shown of one testimonial's provenance and verification."""

    kind: str
    label: str
    explanation: str
    date: object  # a date, or None
    platform: str
    original_url: str
    original_date: object
    verified: bool
    # How, as the verification choices name it ("Matched to an invoice"), or "".
    verification_method: str
    # What the reader is told: "Verified customer: matched to an invoice".
    verification: str

    @classmethod
    def of(cls, testimonial):
        """Reads only what for_display() loads: the invitation, never its campaign."""
        kind = testimonial.source or Source.FORM
        date = original_date = None
        platform = original_url = ""
        if kind == Source.IMPORT:
            platform = testimonial.get_platform_display()
            original_url = testimonial.original_url
            date = original_date = testimonial.original_posted_on
            explanation = (
                _("Originally posted on %(platform)s on %(date)s")
                % {"platform": platform, "date": date_format(original_date)}
                if original_date
                else _("Originally posted on %(platform)s") % {"platform": platform}
            )
        else:
            if kind == Source.INVITED and testimonial.invitation:
                invitation = testimonial.invitation
                date = timezone.localdate(invitation.sent_at or invitation.created_at)
            elif kind == Source.AFTER_NPS and testimonial.nps_invitation:
                invitation = testimonial.nps_invitation
                date = timezone.localdate(invitation.sent_at or invitation.created_at)
            explain = EXPLANATIONS.get(kind, EXPLANATIONS[Source.FORM])
            explanation = explain(date_format(date) if date else "")
        method, verification = cls.verification_of(testimonial, kind)
        return cls(
            kind=kind,
            label=Source(kind).label,
            explanation=explanation,
            date=date,
            platform=platform,
            original_url=original_url,
            original_date=original_date,
            verified=bool(method),
            verification_method=method,
            verification=verification,
        )

    @staticmethod
    def verification_of(testimonial, kind):
        """(the method's name or "", what the reader is told). An invitation's link
        proves its author is on our customer list; nothing else may claim that."""
        method = testimonial.verification
        from_the_list = kind == Source.INVITED and testimonial.invitation_id is not None
        if method == Verification.CUSTOMER_LIST and not from_the_list:
            method = Verification.NONE
        if from_the_list and method == Verification.NONE:
            method = Verification.CUSTOMER_LIST
        if not method:
            return "", _("Not verified")
        name = str(Verification(method).label)
        verified = pgettext("how its author was verified", "Verified customer: %(how)s")
        return name, verified % {"how": name[:1].lower() + name[1:]}

    @property
    def is_imported(self):
        return self.kind == Source.IMPORT

    @property
    def is_invited(self):
        return self.kind == Source.INVITED

    def as_api(self):
        """The API's ``provenance`` object: what the card says, as data."""
        return {
            "kind": self.kind,
            "label": str(self.label),
            "explanation": self.explanation,
            "date": self.date.isoformat() if self.date else None,
            "platform": self.platform,
            "original_url": self.original_url,
            "original_date": self.original_date.isoformat() if self.original_date else None,
            "verified": self.verified,
            "verification": self.verification,
        }
