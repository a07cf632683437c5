"""What a record is called shows in admin listings, choosers, history and logs, to
anyone who may see that the record exists: never an e-mail address."""

from django.apps import apps

CANDOR_APPS = {"home", "comparisons", "testimonials"}


def candor_models():
    return [model for model in apps.get_models() if model._meta.app_label in CANDOR_APPS]


def test_no_record_is_named_by_an_e_mail_address(demo_site):
    """Every record of the demo content, which holds one of every model at least."""
    missing = [model._meta.label for model in candor_models() if not model.objects.exists()]
    assert missing == []

    named_by_address = [
        (model._meta.label, name)
        for model in candor_models()
        for name in map(str, model.objects.all())
        if "@" in name
    ]

    assert named_by_address == []
