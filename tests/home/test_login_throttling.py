"""Repeated failed admin logins are throttled (django-axes)."""

from django.test import override_settings

import pytest

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


def attempt(client, password):
    return client.post(LOGIN, {"username": "admin", "password": password})


@override_settings(AXES_FAILURE_LIMIT=3)
def test_after_too_many_failures_even_the_right_password_is_refused(client, admin_user):
    for _ in range(2):
        assert attempt(client, "wrong").status_code == 200  # the form again, with an error

    locked = attempt(client, "wrong")
    after = attempt(client, "password")

    assert locked.status_code == 429
    assert "Too many failed log-in attempts" in locked.content.decode()
    assert after.status_code == 429
    assert "_auth_user_id" not in client.session


@override_settings(AXES_FAILURE_LIMIT=3)
def test_a_lockout_is_per_address(client, admin_user):
    for _ in range(3):
        attempt(client, "wrong")

    elsewhere = client.post(
        LOGIN, {"username": "admin", "password": "password"}, REMOTE_ADDR="198.51.100.7"
    )

    assert elsewhere.status_code == 302


@override_settings(AXES_FAILURE_LIMIT=3)
def test_a_successful_login_resets_the_count(client, admin_user):
    for _ in range(2):
        attempt(client, "wrong")
    assert attempt(client, "password").status_code == 302
    client.logout()

    for _ in range(2):
        attempt(client, "wrong")

    assert attempt(client, "password").status_code == 302
