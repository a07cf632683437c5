"""A comparison our product wins on every row does not go live by any path: the Publish
button, workflow approval (from the edit view and from the dashboard's modal, by an
approver with and without publish permission), scheduled publishing, bulk publish,
copy-and-publish, and revision.publish() from code. An honest one goes live by each."""

import datetime

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import GroupApprovalTask, GroupPagePermission, Page, PageLogEntry

import pytest
import time_machine

from comparisons.models import ComparedCriterion, ComparedProduct, ComparisonPage, Fact
from home.honesty import PUBLISH_REFUSED, PublishingRefused
from tests.comparisons.factories import (
    ComparisonPageFactory,
    CriterionFactory,
    FactFactory,
    ProductFactory,
)
from tests.comparisons.test_page_types import comparison_page_form

pytestmark = pytest.mark.django_db

ONE_SIDED = "Our products lead on every ranked row"


def user_in(django_user_model, username, group_name):
    user = django_user_model.objects.create_user(username=username, password="unused-here")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def page_editor(django_user_model):
    """In Wagtail's "Editors" group: edits pages and submits them for moderation."""
    return user_in(django_user_model, "page-editor", "Editors")


@pytest.fixture
def moderator(django_user_model):
    """In Wagtail's "Moderators" group: publishes, and approves the default workflow."""
    return user_in(django_user_model, "moderator", "Moderators")


@pytest.fixture
def reviewer(django_user_model):
    """Approves in the workflow's task but has no publish permission on pages."""
    group = Group.objects.create(name="Comparison reviewers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group,
        page=Page.get_first_root_node(),
        permission=Permission.objects.get(codename="change_page"),
    )
    for task in GroupApprovalTask.objects.all():
        task.groups.add(group)
    user = django_user_model.objects.create_user(username="reviewer", password="unused-here")
    user.groups.add(group)
    return user


@pytest.fixture
def desks():
    return ProductFactory(name="Fernhill Desk", is_ours=True), ProductFactory(name="Tidewell Desk")


def draft_comparison(parent, desks, honest, slug):
    """A draft comparison of three rows our product wins, plus a fourth that the
    competitor wins when ``honest``."""
    ours, rival = desks
    criteria = [CriterionFactory() for _ in range(4 if honest else 3)]
    for criterion in criteria[:3]:
        FactFactory(product=ours, criterion=criterion, support="yes")
        FactFactory(product=rival, criterion=criterion, support="no")
    if honest:
        FactFactory(product=ours, criterion=criteria[3], support="no")
        FactFactory(product=rival, criterion=criteria[3], support="yes")
    page = ComparisonPageFactory(
        parent=parent,
        slug=slug,
        live=False,
        compared_products=[ComparedProduct(product=ours), ComparedProduct(product=rival)],
        compared_criteria=[ComparedCriterion(criterion=c) for c in criteria],
    )
    page.save_revision()
    return page


def make_one_sided(page):
    """An editor changes the fact on the row the competitor won: now a tie."""
    ours = page.compared_products.get(product__is_ours=True).product
    Fact.objects.filter(product=ours, support="no").update(support="yes")


@pytest.fixture
def one_sided(comparison_index, desks):
    return draft_comparison(comparison_index, desks, honest=False, slug="one-sided")


@pytest.fixture
def honest(comparison_index, desks):
    return draft_comparison(comparison_index, desks, honest=True, slug="honest")


def is_public(client, page):
    page.refresh_from_db()
    return page.live and client.get(page.url).status_code == 200


def edit_form(page, desks, **action):
    criteria = [row.criterion for row in page.compared_criteria.all()]
    return comparison_page_form(list(desks), criteria, slug=page.slug) | action


def submit_for_moderation(page, user):
    page.get_workflow().start(page, user)
    page.refresh_from_db()
    return page.current_workflow_task_state


# The Publish button


def test_publish_button_refuses_a_one_sided_comparison(client, moderator, one_sided, desks):
    client.force_login(moderator)
    url = reverse("wagtailadmin_pages:edit", args=[one_sided.pk])

    response = client.post(url, edit_form(one_sided, desks, **{"action-publish": "1"}))

    assert ONE_SIDED in response.content.decode()
    client.logout()
    assert not is_public(client, one_sided)


def test_publish_button_publishes_an_honest_comparison(client, moderator, honest, desks):
    client.force_login(moderator)
    url = reverse("wagtailadmin_pages:edit", args=[honest.pk])

    client.post(url, edit_form(honest, desks, **{"action-publish": "1"}))

    client.logout()
    assert is_public(client, honest)


# Workflow approval in the edit view


@pytest.mark.parametrize("page_fixture, goes_live", [("one_sided", False), ("honest", True)])
def test_approving_in_the_edit_view(
    request, client, page_editor, moderator, desks, page_fixture, goes_live
):
    page = request.getfixturevalue(page_fixture)
    task_state = submit_for_moderation(page, page_editor)
    client.force_login(moderator)
    approve = {"action-workflow-action": "1", "workflow-action-name": "approve"}

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), edit_form(page, desks, **approve)
    )

    task_state.refresh_from_db()
    assert (ONE_SIDED in response.content.decode()) is not goes_live
    assert task_state.status == ("approved" if goes_live else "in_progress")
    client.logout()
    assert is_public(client, page) is goes_live


# Workflow approval from the dashboard's modal


def approve_from_dashboard(client, page, task_state):
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    return client.post(url, {"comment": ""}, headers={"x-requested-with": "XMLHttpRequest"})


def test_approving_a_one_sided_comparison_from_the_dashboard_is_refused_with_a_message(
    client, page_editor, moderator, reviewer, one_sided
):
    task_state = submit_for_moderation(one_sided, page_editor)
    for approver in (moderator, reviewer):
        client.force_login(approver)

        response = approve_from_dashboard(client, one_sided, task_state)

        assert response.status_code == 200
        messages = [str(m) for m in response.wsgi_request._messages]
        assert any(ONE_SIDED in message for message in messages)
        task_state.refresh_from_db()
        assert task_state.status == "in_progress"
    client.logout()
    assert not is_public(client, one_sided)


def test_approving_an_honest_comparison_from_the_dashboard_publishes_it(
    client, page_editor, moderator, honest
):
    task_state = submit_for_moderation(honest, page_editor)
    client.force_login(moderator)

    approve_from_dashboard(client, honest, task_state)

    client.logout()
    assert is_public(client, honest)


def test_an_approver_without_publish_permission_cannot_publish_even_an_honest_page(
    client, page_editor, reviewer, honest
):
    """Wagtail's own rule, unchanged: the last approval publishes as the approver."""
    task_state = submit_for_moderation(honest, page_editor)
    client.force_login(reviewer)

    response = approve_from_dashboard(client, honest, task_state)

    assert response.status_code == 403
    task_state.refresh_from_db()
    assert task_state.status == "in_progress"
    client.logout()
    assert not is_public(client, honest)


# Scheduled publishing


def test_scheduled_publishing_refuses_a_page_that_became_one_sided_and_goes_on(
    client, moderator, comparison_index, desks
):
    other_desks = (ProductFactory(is_ours=True), ProductFactory())
    pages = [
        draft_comparison(comparison_index, desks, honest=True, slug="turns-one-sided"),
        draft_comparison(comparison_index, other_desks, honest=True, slug="stays-honest"),
    ]
    go_live_at = timezone.now() + datetime.timedelta(hours=1)
    for page in pages:
        page.go_live_at = go_live_at
        page.save_revision(user=moderator).publish(user=moderator)
    make_one_sided(pages[0])

    with time_machine.travel(go_live_at + datetime.timedelta(minutes=5)):
        call_command("publish_scheduled")

    refused, published = pages
    assert not is_public(client, refused)
    assert is_public(client, published)
    entry = PageLogEntry.objects.get(page=refused, action=PUBLISH_REFUSED)
    assert ONE_SIDED in entry.data["problems"][0]
    client.force_login(moderator)
    history = client.get(reverse("wagtailadmin_pages:history", args=[refused.pk]))
    assert "Scheduled publishing refused" in history.content.decode()


# Bulk publish


def bulk_publish(client, pages):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    parent = pages[0].get_parent()
    query = "&".join(f"id={page.pk}" for page in pages)
    query += "&next=" + reverse("wagtailadmin_explore", args=[parent.pk])
    return client.post(f"{url}?{query}", {"include_descendants": ""}, follow=True)


def test_bulk_publish_publishes_nothing_when_one_page_is_one_sided(
    client, moderator, one_sided, honest
):
    client.force_login(moderator)

    response = bulk_publish(client, [honest, one_sided])

    assert ONE_SIDED in response.content.decode()
    client.logout()
    assert not is_public(client, one_sided)
    assert not is_public(client, honest)


def test_bulk_publish_publishes_honest_pages(client, moderator, honest):
    client.force_login(moderator)

    bulk_publish(client, [honest])

    client.logout()
    assert is_public(client, honest)


# Copy and publish


def copy_and_publish(client, page):
    return client.post(
        reverse("wagtailadmin_pages:copy", args=[page.pk]),
        {
            "new_title": "A copy",
            "new_slug": "a-copy",
            "new_parent_page": page.get_parent().pk,
            "copy_subpages": "",
            "publish_copies": "on",
        },
        follow=True,
    )


@pytest.mark.parametrize("becomes_one_sided", [True, False])
def test_copy_and_publish(client, moderator, honest, becomes_one_sided):
    honest.get_latest_revision().publish()
    if becomes_one_sided:
        make_one_sided(honest)
    client.force_login(moderator)

    response = copy_and_publish(client, honest)

    assert (ONE_SIDED in response.content.decode()) is becomes_one_sided
    copy = ComparisonPage.objects.filter(slug="a-copy").first()
    assert (copy is None) is becomes_one_sided
    if copy:
        client.logout()
        assert is_public(client, copy)


# From code


def test_publishing_a_revision_from_code_raises_and_leaves_the_page_unpublished(
    client, one_sided, honest
):
    with pytest.raises(PublishingRefused, match=ONE_SIDED):
        one_sided.get_latest_revision().publish()
    honest.get_latest_revision().publish()

    assert not is_public(client, one_sided)
    assert is_public(client, honest)


# The admin API, aliases


@pytest.mark.parametrize("is_honest", [False, True])
def test_publishing_through_the_admin_api(client, moderator, one_sided, honest, is_honest):
    page = honest if is_honest else one_sided
    client.force_login(moderator)

    response = client.post(
        f"/admin/api/main/pages/{page.pk}/action/publish/", {}, content_type="application/json"
    )

    assert (response.status_code == 200) is is_honest
    client.logout()
    assert is_public(client, page) is is_honest


def test_an_alias_of_a_page_that_became_one_sided_is_refused_in_the_copy_view(
    client, moderator, honest
):
    honest.get_latest_revision().publish()
    make_one_sided(honest)
    client.force_login(moderator)

    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[honest.pk]),
        {
            "new_title": "An alias",
            "new_slug": "an-alias",
            "new_parent_page": honest.get_parent().pk,
            "alias": "on",
        },
        follow=True,
    )

    assert ONE_SIDED in response.content.decode()
    assert not ComparisonPage.objects.filter(slug="an-alias").exists()


def test_an_alias_made_in_code_of_a_page_that_became_one_sided_is_refused(honest):
    honest.get_latest_revision().publish()
    make_one_sided(honest)

    with pytest.raises(PublishingRefused, match=ONE_SIDED):
        ComparisonPage.objects.get(pk=honest.pk).create_alias(update_slug="an-alias")

    assert not ComparisonPage.objects.filter(slug="an-alias").exists()


def test_moving_a_live_page_that_became_one_sided_keeps_it_as_readers_see_it(
    comparison_index, honest
):
    honest.get_latest_revision().publish()
    make_one_sided(honest)
    other_index = comparison_index.add_sibling(
        instance=type(comparison_index)(title="Archive", slug="archive")
    )

    honest.move(other_index, pos="last-child")

    honest.refresh_from_db()
    assert honest.live and honest.get_parent().pk == other_index.pk
