"""The customer list in the admin, and the two imports: where editors find them and who
may use them. Editors, who may add and change customers on the list, import it; whoever
may add testimonials imports reviews. Moderators read the list; Sales see none of it."""

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.widgets import HeaderButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

import django_filters

from comparisons.models import Product
from home.choosers import PermissionCheckedChooserViewSet
from home.dashboard import PermissionMenuItem
from testimonials.models import CustomerContact

from . import admin_forms, views
from .customers import CustomerListImport
from .reviews import ReviewImport


class CustomerContactFilterSet(WagtailFilterSet):
    products = django_filters.ModelChoiceFilter(
        label=_("Product"), queryset=Product.objects.ours(), field_name="products"
    )
    unsubscribed = django_filters.BooleanFilter(
        label=_("Unsubscribed"), field_name="unsubscribed_at", lookup_expr="isnull", exclude=True
    )

    class Meta:
        model = CustomerContact
        fields = ["products", "language", "unsubscribed"]


class CustomerContactIndexView(IndexView):
    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if CustomerListImport.may_import(self.request.user):
            buttons.append(
                HeaderButton(
                    _("Import CSV"),
                    url=reverse("testimonials_import_customers"),
                    icon_name="upload",
                )
            )
        return buttons


class CustomerContactViewSet(SnippetViewSet):
    model = CustomerContact
    chooser_viewset_class = PermissionCheckedChooserViewSet
    index_view_class = CustomerContactIndexView
    icon = "group"
    menu_label = _("Customer list")
    menu_name = "customer-list"
    add_to_admin_menu = True
    menu_order = 210
    list_display = [
        "__str__",
        Column(
            "products",
            label=_("Products"),
            accessor=lambda contact: ", ".join(product.name for product in contact.products.all()),
        ),
        "language",
        "customer_since",
        # A date, not a red cross on everyone still subscribed.
        DateColumn("unsubscribed_at", label=_("Unsubscribed")),
    ]
    filterset_class = CustomerContactFilterSet
    list_export = [
        "name",
        "email",
        "company",
        "customer_since",
        "plan",
        "language",
        "region",
        "lawful_basis",
        "unsubscribed_at",
    ]
    ordering = ["name", "pk"]

    def get_queryset(self, request):
        return CustomerContact.objects.prefetch_related("products")


register_snippet(CustomerContactViewSet)


class CustomerListImportView(views.ImportView):
    importer_class = CustomerListImport
    options_form_class = admin_forms.CustomerListOptions
    upload_form_class = admin_forms.upload_form(admin_forms.CustomerListOptions)
    url_name = "testimonials_import_customers"
    index_url_name = "wagtailsnippets_testimonials_customercontact:list"
    index_label = _("Customer list")


class ReviewImportView(views.ImportView):
    importer_class = ReviewImport
    options_form_class = admin_forms.ReviewOptions
    upload_form_class = admin_forms.upload_form(admin_forms.ReviewOptions)
    url_name = "testimonials_import_reviews"
    index_url_name = "wagtailsnippets_testimonials_testimonial:list"
    index_label = _("Testimonials")


@hooks.register("register_admin_urls")
def register_import_urls():
    urls = []
    for slug, view in (("customers", CustomerListImportView), ("reviews", ReviewImportView)):
        urls += [
            path(f"imports/{slug}/", view.as_view(), name=view.url_name),
            path(f"imports/{slug}/confirm/", view.as_view(), name=f"{view.url_name}_confirm"),
        ]
    return urls


@hooks.register("register_admin_menu_item")
def register_review_import_menu_item():
    return PermissionMenuItem(
        _("Import reviews"),
        reverse("testimonials_import_reviews"),
        name="import-reviews",
        icon_name="upload",
        order=215,
        permission="testimonials.add_testimonial",
    )
