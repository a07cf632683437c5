from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from testimonials.models import Testimonial
from testimonials.withdrawal import testimonial_id_from


@never_cache
@require_http_methods(["GET", "POST"])
def withdraw(request, token):
    """The advocate's private link: confirm, then hide the testimonial at once."""
    pk = testimonial_id_from(token)
    testimonial = Testimonial.objects.filter(pk=pk).first() if pk else None
    if testimonial is None:
        return render(request, "pages/testimonial_withdraw.html", {"state": "invalid"}, status=404)
    if testimonial.status == Testimonial.Status.WITHDRAWN:
        return render(request, "pages/testimonial_withdraw.html", {"state": "already"}, status=410)
    if request.method == "POST":
        testimonial.withdraw()
        return render(request, "pages/testimonial_withdraw.html", {"state": "done"})
    return render(
        request, "pages/testimonial_withdraw.html", {"state": "confirm", "testimonial": testimonial}
    )
