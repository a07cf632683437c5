"""Each product's testimonial figures (TestimonialTally), kept equal to a fresh count of
its testimonials, so pages read one row instead of counting every testimonial.

Every path that changes a testimonial ends here. A save or a delete is heard through
its signal (below); the writes that send none announce themselves: the approval that
publishing records and the customer's own changes send ``updated_without_save``, and
bulk writes (imports, loaders) call ``changed()``. Each recounts the whole product with
one aggregate query rather than adding and subtracting, so no figure stays wrong for
long: the next change of the product, or ``manage.py recount_testimonials``, puts any
drift right.

The recount runs inside the transaction of the change, so the tally commits or rolls
back with it, and the page cache, purged once the change is committed, never keeps a
page showing the new testimonials with the old figures. The tally's row is locked
before counting, so of two moderators deciding at once, the second counts after the
first has committed. A path that changes many testimonials recounts each product once,
at the end of its ``counting_once()`` block: moderation is rare, rendering frequent,
but a bulk change must not count a product once per testimonial."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from comparisons.models import Product
from testimonials.models import Testimonial, TestimonialTally
from testimonials.models.testimonials import updated_without_save

# What summary() counts by: a save that writes none of these changes no figure.
COUNTED_FIELDS = frozenset(
    {"product", "product_id", "rating", "status", "live", "rejection_reason"}
)

# The products changed inside the current counting_once() block, or None outside one.
_pending = ContextVar("testimonial_tallies_pending", default=None)


def recount(products=None):
    """Count the testimonials of ``products`` (products or their ids; all of ours when
    None) afresh and store each product's counts. One aggregate query per product."""
    if products is None:
        ids = set(Testimonial.objects.order_by().values_list("product_id", flat=True).distinct())
        ids |= set(Product.objects.ours().values_list("pk", flat=True))
    else:
        ids = {getattr(product, "pk", product) for product in products} - {None}
    # A product deleted meanwhile has nothing left to count.
    ids = sorted(Product.objects.filter(pk__in=ids).values_list("pk", flat=True))
    if not ids:
        return 0
    with transaction.atomic():
        TestimonialTally.objects.bulk_create(
            [TestimonialTally(product_id=pk) for pk in ids], ignore_conflicts=True
        )
        # Locked in one order, so two recounts never wait for each other in a circle.
        tallies = TestimonialTally.objects.select_for_update().filter(product_id__in=ids)
        for tally in tallies.order_by("product_id"):
            tally.counts = Testimonial.objects.filter(product_id=tally.product_id).counts()
            tally.save(update_fields=["counts", "counted_at"])
    return len(ids)


def changed(*products):
    """Testimonials of ``products`` (products or ids) changed: recount them now, or at
    the end of the ``counting_once()`` block this runs in."""
    pending = _pending.get()
    if pending is None:
        recount(products)
    else:
        pending.update(getattr(product, "pk", product) for product in products)


@contextmanager
def counting_once():
    """Recount each product whose testimonials change inside the block once, when the
    block ends. An error ends it without counting: the transaction it runs in is
    rolled back (anything else is put right by ``recount_testimonials``)."""
    if _pending.get() is not None:
        yield  # an enclosing block counts
        return
    pending = set()
    token = _pending.set(pending)
    try:
        yield
    finally:
        _pending.reset(token)
    recount(pending)


def counts_what_changed(update_fields):
    return update_fields is None or not COUNTED_FIELDS.isdisjoint(update_fields)


@receiver(pre_save, sender=Testimonial)
def note_product_before(sender, instance, update_fields=None, **kwargs):
    """A testimonial moved to another product leaves the first one's figures too."""
    if instance._state.adding or not counts_what_changed(update_fields):
        return
    instance._tallied_product_id = (
        sender._base_manager.filter(pk=instance.pk).values_list("product_id", flat=True).first()
    )


@receiver(post_save, sender=Testimonial)
def recount_saved(sender, instance, update_fields=None, **kwargs):
    if counts_what_changed(update_fields):
        before = instance.__dict__.pop("_tallied_product_id", None)
        changed(*{before, instance.product_id} - {None})


@receiver(updated_without_save, sender=Testimonial)
def recount_updated(sender, instance, **kwargs):
    changed(instance.product_id)


@receiver(post_delete, sender=Testimonial)
def recount_deleted(sender, instance, **kwargs):
    changed(instance.product_id)
