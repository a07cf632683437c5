"""Upload, preview, confirm: the one flow of every import in the admin.

The uploaded file is read and checked, and the preview shows what it would change;
nothing is stored. The file then waits in the confirmation form itself, compressed and
signed (bound to the editor who uploaded it and to the import, valid for an hour), not
on the server: nothing of a customer list is kept anywhere until it is confirmed, and
nothing needs cleaning up if it never is. Confirming reads the file again against what
is stored now (another editor may have imported since), and applies it in one
transaction only if it still has no row in error."""

from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.defaults import permission_denied
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .csv_files import MAX_BYTES, CsvError, read_table

SALT = "candor.imports.file"
MAX_AGE = 3600
# A confirmation form is sent as an ordinary POST, which Django limits
# (DATA_UPLOAD_MAX_MEMORY_SIZE, 2.5 MB by default): the signed file stays below it.
MAX_TOKEN = 2_000_000


class ImportView(WagtailAdminTemplateMixin, TemplateView):
    importer_class = None
    options_form_class = None
    upload_form_class = None
    index_url_name = None
    template_name = "wagtailadmin/imports/upload.html"
    preview_template_name = "wagtailadmin/imports/preview.html"
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not self.importer_class.may_import(request.user):
            # A plain 403, not the admin's redirect to the dashboard: a file posted here
            # by someone who may not import it is refused, not forgotten.
            return permission_denied(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.importer_class.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": self.index_label},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self.upload_form_class())
        context["columns"] = self.importer_class.columns
        context["upload_url"] = reverse(self.url_name)
        context["confirm_url"] = reverse(f"{self.url_name}_confirm")
        return context

    def post(self, request, *args, **kwargs):
        if "token" in request.POST:
            return self.confirm(request)
        form = self.upload_form_class(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        # Never more than the limit and a byte: enough for read_table to refuse it.
        data = form.cleaned_data["file"].read(MAX_BYTES + 1)
        try:
            preview = self.preview(data, form.cleaned_data)
            token = signing.dumps(
                {
                    "user": request.user.pk,
                    "kind": self.importer_class.kind,
                    "file": form.cleaned_data["file"].name,
                    "text": data.decode(preview.encoding),
                    "options": form.options(),
                },
                salt=SALT,
                compress=True,
            )
            if len(token) > MAX_TOKEN:
                raise CsvError(_("This file is too large to confirm at once: split it in two."))
        except CsvError as error:
            form.add_error("file", error.message)
            return self.render_to_response(self.get_context_data(form=form))
        return self.render_preview(preview, token, form.cleaned_data["file"].name)

    def preview(self, data, options):
        table = read_table(data, self.importer_class.columns)
        preview = self.importer_class(options).preview(table)
        preview.encoding = table.encoding
        return preview

    def render_preview(self, preview, token, filename):
        context = self.get_context_data(preview=preview, token=token, filename=filename)
        context["headings"] = self.importer_class.headings
        return self.response_class(
            request=self.request,
            template=[self.preview_template_name],
            context=context,
            using=self.template_engine,
        )

    def confirm(self, request):
        try:
            sent = signing.loads(request.POST["token"], salt=SALT, max_age=MAX_AGE)
        except signing.BadSignature:
            messages.error(request, _("This preview has expired: upload the file again."))
            return redirect(self.url_name)
        if sent["user"] != request.user.pk or sent["kind"] != self.importer_class.kind:
            return permission_denied(request, PermissionDenied())
        options_form = self.options_form_class(sent["options"])
        if not options_form.is_valid():
            messages.error(
                request, _("A choice made on upload no longer exists: upload the file again.")
            )
            return redirect(self.url_name)
        try:
            preview = self.preview(sent["text"].encode("utf-8"), options_form.cleaned_data)
        except CsvError as error:
            messages.error(request, error.message)
            return redirect(self.url_name)
        if not preview.may_confirm:
            messages.error(
                request,
                _(
                    "Nothing was imported: the file, read again against what is stored now, "
                    "has rows to correct or nothing to import."
                ),
            )
            return self.render_preview(preview, request.POST["token"], sent["file"])
        created, updated = self.importer_class(options_form.cleaned_data).apply(preview)
        messages.success(
            request,
            _("Imported “%(file)s”: %(created)s new, %(updated)s updated.")
            % {"file": sent["file"], "created": created, "updated": updated},
        )
        return redirect(self.index_url_name)
