from django.urls import path

from testimonials import views
from testimonials.widget import testimonial_widget

# Translated with the rest of the public site: an advocate's private link leads to the
# page in the language they wrote in (/ja/testimonials/withdraw/…), and the widget
# has a Japanese version (/ja/embed/testimonials/). The link's address keeps its
# first name: links already e-mailed must keep working.
localised_urlpatterns = [
    path(
        "testimonials/withdraw/<str:token>/",
        views.change_or_withdraw,
        name="testimonial_change_or_withdraw",
    ),
    path("embed/testimonials/", testimonial_widget, name="testimonial_widget"),
]

# Invitation campaigns' "stop invitations" page.
from testimonials.invitations.urls import localised_urlpatterns as _invitations  # noqa: E402

localised_urlpatterns += _invitations
