from django.apps import AppConfig


class TestimonialsConfig(AppConfig):
    name = "testimonials"
    verbose_name = "Testimonials and case studies"

    def ready(self):
        from . import signals  # noqa: F401
