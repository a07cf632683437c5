from .advocates import Advocate, AdvocateActivity
from .campaigns import Invitation, InvitationCampaign
from .case_studies import CaseStudyIndexPage, CaseStudyPage, CaseStudyQuote, CaseStudyTag
from .collection_settings import ReviewCollectionSettings
from .contacts import CustomerContact, StoppedAddress
from .customers import Customer
from .demo_requests import DemoRequestFormField, DemoRequestPage, DemoRequestSubmission
from .nps import NpsInvitation, NpsResponse, NpsSurveyPage
from .reconfirmations import ReconfirmationRequest
from .reference_requests import ReferenceRequest
from .referrals import ReferralVisitDay
from .replies import TestimonialReply, TestimonialReplyEdit
from .submission_page import TestimonialSubmissionPage
from .tallies import TestimonialTally
from .testimonials import Testimonial, TestimonialTag
from .wall import TestimonialWallPage

__all__ = [
    "Advocate",
    "AdvocateActivity",
    "CaseStudyIndexPage",
    "CaseStudyPage",
    "CaseStudyQuote",
    "CaseStudyTag",
    "Customer",
    "CustomerContact",
    "DemoRequestFormField",
    "DemoRequestPage",
    "DemoRequestSubmission",
    "Invitation",
    "InvitationCampaign",
    "NpsInvitation",
    "NpsResponse",
    "NpsSurveyPage",
    "ReconfirmationRequest",
    "ReferenceRequest",
    "ReferralVisitDay",
    "ReviewCollectionSettings",
    "StoppedAddress",
    "Testimonial",
    "TestimonialSubmissionPage",
    "TestimonialReply",
    "TestimonialReplyEdit",
    "TestimonialTag",
    "TestimonialTally",
    "TestimonialWallPage",
]
