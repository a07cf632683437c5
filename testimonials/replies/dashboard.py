"""The dashboard's list of low-rated published testimonials we have not answered yet,
newest first, each with its link to reply: for Editors, who write the replies. A
critical review left without an answer reads as one we ignored. Two queries, however
many testimonials there are."""

from wagtail.admin.ui.components import Component

from testimonials.models import Testimonial

from .actions import reply_url

LIST_LENGTH = 10


def unanswered_low_ratings():
    return Testimonial.objects.public().critical().filter(reply__isnull=True)


class UnansweredLowRatingsPanel(Component):
    name = "candor_unanswered_low_ratings"
    template_name = "components/dashboard/unanswered_low_ratings.html"
    order = 93

    def get_context_data(self, parent_context):
        unanswered = unanswered_low_ratings()
        # With "reply" (none), so each row's link asks nothing more.
        newest = unanswered.select_related("product", "reply").order_by("-submitted_at", "-pk")
        testimonials = list(newest[:LIST_LENGTH])
        for testimonial in testimonials:
            testimonial.reply_url = reply_url(testimonial)
        return {
            "testimonials": testimonials,
            "total": unanswered.count() if len(testimonials) == LIST_LENGTH else len(testimonials),
        }


PANELS = [(UnansweredLowRatingsPanel, ["testimonials.add_testimonialreply"])]
