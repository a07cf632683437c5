from django.urls import path

from testimonials import views
from testimonials.widget import testimonial_widget

# Translated with the rest of the public site: an advocate's withdrawal link leads to
# the page in the language they wrote in (/ja/testimonials/withdraw/…), and the widget
# has a Japanese version (/ja/embed/testimonials/).
localised_urlpatterns = [
    path("testimonials/withdraw/<str:token>/", views.withdraw, name="testimonial_withdraw"),
    path("embed/testimonials/", testimonial_widget, name="testimonial_widget"),
]
