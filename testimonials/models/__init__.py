from .advocates import Advocate, AdvocateActivity
from .case_studies import CaseStudyIndexPage, CaseStudyPage, CaseStudyQuote, CaseStudyTag
from .customers import Customer
from .demo_requests import DemoRequestFormField, DemoRequestPage, DemoRequestSubmission
from .nps import NpsInvitation, NpsResponse, NpsSurveyPage
from .reconfirmations import ReconfirmationRequest
from .reference_requests import ReferenceRequest
from .referrals import ReferralVisitDay
from .submission_page import TestimonialSubmissionPage
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
    "DemoRequestFormField",
    "DemoRequestPage",
    "DemoRequestSubmission",
    "NpsInvitation",
    "NpsResponse",
    "NpsSurveyPage",
    "ReconfirmationRequest",
    "ReferenceRequest",
    "ReferralVisitDay",
    "Testimonial",
    "TestimonialSubmissionPage",
    "TestimonialTag",
    "TestimonialWallPage",
]
