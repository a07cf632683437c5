"""What the customer list keeps about a person, found by their e-mail address: their
row, for a copy of it or its erasure. Erasing deletes the row; the invitations sent to
them stay, without it (their contact is set to null), so each campaign's figures still
add up. Someone who had stopped invitations stays stopped: a keyed hash of their
address outlives the row (StoppedAddress)."""

from testimonials.models import CustomerContact


def contacts_of(email):
    return CustomerContact.objects.filter(email__iexact=email).prefetch_related("products")


def export(email):
    return [
        {
            "name": contact.name,
            "email": contact.email,
            "company": contact.company,
            "products": sorted(product.name for product in contact.products.all()),
            "customer_since": contact.customer_since,
            "plan": contact.plan,
            "language": contact.language,
            "region": contact.region,
            "lawful_basis": contact.lawful_basis,
            "unsubscribed_at": contact.unsubscribed_at,
            "created_at": contact.created_at,
            "updated_at": contact.updated_at,
        }
        for contact in contacts_of(email)
    ]


def erase(email):
    contacts = list(CustomerContact.objects.filter(email__iexact=email))
    for contact in contacts:
        if contact.unsubscribed_at is not None:
            # Only a keyed hash of the address is kept, so they are never asked again.
            contact.stop_invitations(now=contact.unsubscribed_at)
        contact.delete()  # also takes it out of the search index
    return len(contacts)
