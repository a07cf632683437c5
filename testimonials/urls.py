from django.urls import path

from testimonials import views

urlpatterns = [
    path("testimonials/withdraw/<str:token>/", views.withdraw, name="testimonial_withdraw"),
]
