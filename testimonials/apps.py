from django.apps import AppConfig


class TestimonialsConfig(AppConfig):
    name = "testimonials"
    verbose_name = "Testimonials and case studies"

    def ready(self):
        from wagtail.signals import published, unpublished

        from comparisons.models import Product
        from home.page_cache.signals import register as show_in_cached_pages
        from home.personal_data import register

        from . import checks, personal_data, photos, signals, tallies  # noqa: F401
        from .models import (
            Customer,
            CustomerContact,
            Invitation,
            InvitationCampaign,
            Testimonial,
            TestimonialReply,
            TestimonialWallPage,
        )

        register("testimonials", export=personal_data.export, erase=personal_data.erase)

        from .advocacy import personal_data as advocacy_data

        register("advocate_program", export=advocacy_data.export, erase=advocacy_data.erase)

        from .imports import personal_data as customer_list_data

        register("customer_list", export=customer_list_data.export, erase=customer_list_data.erase)

        from . import author_edits  # noqa: F401  (registers its entry in the history)

        def the_wall(instance):
            # The wall lists every testimonial with its product's name.
            return TestimonialWallPage.objects.live()

        show_in_cached_pages(Customer)
        show_in_cached_pages(
            Testimonial,
            # On its product's pages, and in the case studies that quote it.
            shown_with=lambda testimonial: [testimonial, testimonial.product],
            also_purge=the_wall,
            signals=(published, unpublished),
        )
        show_in_cached_pages(Product, also_purge=the_wall)

        def with_its_testimonial(reply):
            # Our reply (its history saved with it) is shown under its testimonial; a
            # reply deleted with its testimonial leaves the purge to the testimonial.
            testimonial = (
                Testimonial.objects.filter(pk=reply.testimonial_id)
                .select_related("product")
                .first()
            )
            return [testimonial, testimonial.product] if testimonial else []

        show_in_cached_pages(TestimonialReply, shown_with=with_its_testimonial, also_purge=the_wall)
        # The wall's reports on how reviews were collected count the customer list,
        # campaigns and invitations; no other page shows them.
        for model in (CustomerContact, InvitationCampaign, Invitation):
            show_in_cached_pages(model, shown_with=lambda instance: [], also_purge=the_wall)
