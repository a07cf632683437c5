"""What the advocate program keeps about a person, found by their e-mail address:
their advocate profile, survey invitations and answers, re-confirmation requests and
demo requests.

Erasing anonymises rather than deletes, so the program's numbers still add up (how
often an advocate was asked, a survey's score, the demo requests a referral brought):
the records stay, nothing in them says who the person was."""

from django.db.models import TextField
from django.db.models.functions import Cast

from testimonials.models import (
    Advocate,
    DemoRequestSubmission,
    NpsInvitation,
    ReconfirmationRequest,
)
from testimonials.personal_data import ERASED_EMAIL, ERASED_NAME


def advocates_of(email):
    return Advocate.objects.filter(email__iexact=email).select_related("customer")


def invitations_of(email):
    return NpsInvitation.objects.filter(email__iexact=email).select_related("response", "survey")


def reconfirmations_of(email):
    return ReconfirmationRequest.objects.filter(email__iexact=email)


def demo_requests_of(email):
    """Requests in which the person gave this address in any field."""
    candidates = DemoRequestSubmission.objects.annotate(text=Cast("form_data", TextField())).filter(
        text__icontains=email
    )
    return [
        submission
        for submission in candidates
        if any(
            isinstance(value, str) and value.strip().lower() == email.lower()
            for value in submission.form_data.values()
        )
    ]


def export(email):
    return {
        "advocate_profiles": [
            {
                "name": advocate.name,
                "email": advocate.email,
                "role": advocate.role,
                "phone": advocate.phone,
                "customer": advocate.customer.name,
                "advocate_type": advocate.advocate_type,
                "recognition": advocate.recognition,
                "recognition_note": advocate.recognition_note,
                "contact_channel": advocate.contact_channel,
                "contact_notes": advocate.contact_notes,
                "open_to_requests": advocate.accepts_requests,
                "customer_as_of": advocate.customer_as_of,
                "reconfirmed_on": advocate.reconfirmed_on,
                "referral_code": advocate.referral_code,
                "activities": [
                    {"kind": activity.kind, "date": activity.date, "about": activity.description}
                    for activity in advocate.activities.all()
                ],
            }
            for advocate in advocates_of(email)
        ],
        "nps_invitations": [
            {
                "name": invitation.name,
                "email": invitation.email,
                "survey": invitation.survey.title,
                "created_at": invitation.created_at,
                "sent_at": invitation.sent_at,
                "answer": (
                    {
                        "score": invitation.response.score,
                        "comment": invitation.response.comment,
                        "answered_at": invitation.response.answered_at,
                    }
                    if hasattr(invitation, "response")
                    else None
                ),
            }
            for invitation in invitations_of(email)
        ],
        "reconfirmation_requests": [
            {
                "email": request.email,
                "created_at": request.created_at,
                "sent_at": request.sent_at,
                "outcome": request.outcome,
                "answered_at": request.answered_at,
            }
            for request in reconfirmations_of(email)
        ],
        "demo_requests": [
            {
                "answers": submission.form_data,
                "submitted_at": submission.submit_time,
                "came_through_a_referral": submission.referred_by_id is not None,
            }
            for submission in demo_requests_of(email)
        ],
    }


def erase(email):
    erased = 0
    for advocate in advocates_of(email):
        advocate.name = ERASED_NAME
        advocate.email = ERASED_EMAIL
        advocate.role = advocate.phone = advocate.contact_notes = advocate.recognition_note = ""
        advocate.referral_code = None
        advocate.accepts_requests = False
        advocate.save()
        advocate.activities.update(description="", link="")
        erased += 1
    for invitation in invitations_of(email):
        invitation.name, invitation.email = "", ERASED_EMAIL
        invitation.save(update_fields=["name", "email"])
        if hasattr(invitation, "response"):
            invitation.response.comment = ""
            invitation.response.save(update_fields=["comment"])
        erased += 1
    erased += reconfirmations_of(email).update(email=ERASED_EMAIL)
    for submission in demo_requests_of(email):
        submission.form_data = {}
        submission.save(update_fields=["form_data"])
        erased += 1
    return erased
