"""Invitation campaigns: every customer of a product who matches a neutral segment is
asked the same way, in their own language, with a signed link to the testimonial form,
one reminder and a way to stop (launch, sending, the unsubscribe page and the admin)."""
