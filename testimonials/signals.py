from django.dispatch import receiver

from wagtail.signals import published, unpublished

from testimonials import photos
from testimonials.models import Testimonial


@receiver(published, sender=Testimonial)
def approve_on_publish(sender, instance, **kwargs):
    """Publishing a testimonial is how an editor approves it (directly or through a
    workflow). A withdrawn testimonial stays withdrawn. Only once the approval is
    recorded may its photo follow: outside a transaction that happens at once."""
    if instance.status != Testimonial.Status.WITHDRAWN:
        instance.mark_approved()
    photos.follow_the_testimonial(instance)


@receiver(unpublished, sender=Testimonial)
def withhold_photos_on_unpublish(sender, instance, **kwargs):
    photos.follow_the_testimonial(instance)
