from django.urls import path

from testimonials.advocacy import views

# Referral links are shared anywhere, whatever the reader's language: unprefixed.
urlpatterns = [
    path("r/<str:code>/", views.follow_referral, name="referral"),
]

# Translated with the rest of the public site: a re-confirmation link leads to the page
# in the language the author wrote in (/ja/testimonials/reconfirm/…).
localised_urlpatterns = [
    path(
        "testimonials/reconfirm/<str:token>/",
        views.reconfirm,
        name="testimonial_reconfirm",
    ),
]
