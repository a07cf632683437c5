from django.urls import path

from testimonials.invitations import views

# Translated with the rest of the public site: the link in a Japanese invitation leads
# to the page in Japanese (/ja/customers/unsubscribe/…).
localised_urlpatterns = [
    path(
        "customers/unsubscribe/<str:token>/",
        views.unsubscribe,
        name="customer_unsubscribe",
    ),
]
