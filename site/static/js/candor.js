// "Show only differences" works as a plain GET form; this makes it instant.
document.querySelectorAll("form[data-differences-for]").forEach((form) => {
  const table = document.getElementById(form.dataset.differencesFor);
  const checkbox = form.querySelector('input[name="differences"]');
  const status = form.querySelector(".differences-form__status");
  if (!table || !checkbox) return;

  form.querySelector('button[type="submit"]').hidden = true;

  checkbox.addEventListener("change", () => {
    const only = checkbox.checked;
    table.querySelectorAll("[data-uniform]").forEach((element) => {
      element.hidden = only;
    });
    const rows = table.querySelectorAll("tbody tr:not(.group-row)");
    const shown = [...rows].filter((row) => !row.hidden).length;
    // The sentences come translated from the page: data-status-some and data-status-all.
    const sentence = only ? form.dataset.statusSome : form.dataset.statusAll;
    status.textContent = (sentence || "")
      .replace("{shown}", shown)
      .replace("{total}", rows.length);
    const url = new URL(window.location.href);
    if (only) url.searchParams.set("differences", "1");
    else url.searchParams.delete("differences");
    window.history.replaceState(null, "", url);
  });
});
