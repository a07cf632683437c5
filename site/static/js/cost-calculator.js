// The cost calculator works as a plain GET form; this updates its results as the reader
// types, by fetching the same page for the new situation and taking its results (and its
// messages about the fields) from it. The address bar follows, so it can be shared.
document.querySelectorAll("form[data-cost-results]").forEach((form) => {
  const results = document.getElementById(form.dataset.costResults);
  if (!results || !window.fetch) return;
  let timer;
  let latest = 0;

  const update = async () => {
    const query = new URLSearchParams(new FormData(form));
    const url = new URL(window.location.href);
    url.search = query.toString();
    url.hash = "";
    const asked = ++latest;
    let html;
    try {
      const response = await fetch(url, { headers: { Accept: "text/html" } });
      html = await response.text();
    } catch {
      return; // Offline: the button still submits the form.
    }
    if (asked !== latest) return; // A newer situation is on its way.
    const page = new DOMParser().parseFromString(html, "text/html");
    const fresh = page.getElementById(results.id);
    const freshForm = page.querySelector("form[data-cost-results]");
    if (!fresh || !freshForm) return;
    results.innerHTML = fresh.innerHTML;
    const fields = form.querySelectorAll(".field");
    freshForm.querySelectorAll(".field").forEach((freshField, index) => {
      const field = fields[index];
      if (!field) return;
      field.className = freshField.className;
      field.querySelectorAll(".field__error").forEach((error) => error.remove());
      freshField.querySelectorAll(".field__error").forEach((error) => field.append(error));
      const input = field.querySelector("input[type=number]");
      const freshInput = freshField.querySelector("input[type=number]");
      if (input && freshInput) {
        ["aria-describedby", "aria-invalid"].forEach((name) => {
          if (freshInput.hasAttribute(name)) input.setAttribute(name, freshInput.getAttribute(name));
          else input.removeAttribute(name);
        });
      }
    });
    window.history.replaceState(null, "", url.pathname + url.search + "#cost");
  };

  form.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(update, 400);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    update();
  });
});
