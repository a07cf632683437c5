from .case_studies import CaseStudyIndexPage, CaseStudyPage, CaseStudyQuote, CaseStudyTag
from .customers import Customer
from .submission_page import TestimonialSubmissionPage
from .testimonials import Testimonial, TestimonialTag
from .wall import TestimonialWallPage

__all__ = [
    "CaseStudyIndexPage",
    "CaseStudyPage",
    "CaseStudyQuote",
    "CaseStudyTag",
    "Customer",
    "Testimonial",
    "TestimonialSubmissionPage",
    "TestimonialTag",
    "TestimonialWallPage",
]
