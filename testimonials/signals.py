from django.dispatch import receiver

from wagtail.signals import published

from testimonials.models import Testimonial


@receiver(published, sender=Testimonial)
def approve_on_publish(sender, instance, **kwargs):
    """Publishing a testimonial is how an editor approves it (directly or through a
    workflow). A withdrawn testimonial stays withdrawn."""
    if instance.status != Testimonial.Status.WITHDRAWN:
        instance.mark_approved()
