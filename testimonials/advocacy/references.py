"""An approved reference request is an ask of its advocate: it is recorded as their
reference call, so it counts towards their fatigue limit like everything else."""

from django.utils import timezone


def record_reference_call(reference_request):
    """Keep the advocate's reference-call activity in step with the request: one while
    it is approved, moved if another advocate is chosen, removed if it is not."""
    # Imported here: the reference request model's admin form uses this module.
    from testimonials.models import AdvocateActivity

    activity = AdvocateActivity.objects.filter(reference_request=reference_request).first()
    approved = reference_request.status == reference_request.Status.APPROVED
    if not (approved and reference_request.advocate_id):
        if activity:
            activity.delete()
        return None
    description = (
        f"Reference for a prospect in {reference_request.get_industry_display().lower()} "
        f"({reference_request.product})"
    )
    if activity is None:
        return AdvocateActivity.objects.create(
            advocate_id=reference_request.advocate_id,
            kind=AdvocateActivity.Kind.REFERENCE_CALL,
            date=timezone.localdate(),
            description=description,
            reference_request=reference_request,
        )
    if activity.advocate_id != reference_request.advocate_id:
        activity.advocate_id = reference_request.advocate_id
        activity.date = timezone.localdate()
        activity.description = description
        activity.save(update_fields=["advocate", "date", "description"])
    return activity
