from django.urls import path

from testimonials import views
from testimonials.widget import testimonial_widget

urlpatterns = [
    path("testimonials/withdraw/<str:token>/", views.withdraw, name="testimonial_withdraw"),
]

# Translated with the rest of the public site (/ja/embed/testimonials/).
localised_urlpatterns = [
    path("embed/testimonials/", testimonial_widget, name="testimonial_widget"),
]
