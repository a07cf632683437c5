from django.apps import AppConfig


class TestimonialsConfig(AppConfig):
    name = "testimonials"
    verbose_name = "Testimonials and case studies"

    def ready(self):
        from home.personal_data import register

        from . import checks, personal_data, photos, signals  # noqa: F401

        register("testimonials", export=personal_data.export, erase=personal_data.erase)

        from .advocacy import personal_data as advocacy_data

        register("advocate_program", export=advocacy_data.export, erase=advocacy_data.erase)

        from . import author_edits  # noqa: F401  (registers its entry in the history)
