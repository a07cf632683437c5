// The cost calculator works as a plain GET form; this updates its results as the reader
// types, by fetching the same page for the new situation and taking its results (and its
// messages about the fields) from it. The address bar follows, so it can be shared.
// Screen readers hear only the one-line summary the page gives with its results, in the
// status line, and a message about the seats only once the reader submits or leaves the
// field: not for the empty field of someone still typing.
document.querySelectorAll("form[data-cost-results]").forEach((form) => {
  const results = document.getElementById(form.dataset.costResults);
  const status = document.getElementById("cost-status");
  if (!results || !window.fetch) return;
  let timer;
  let latest = 0;

  const seatsEmpty = () => {
    const seats = form.querySelector("input[type=number]");
    return seats && seats.value.trim() === "";
  };

  const later = (wait) => {
    clearTimeout(timer);
    timer = setTimeout(update, wait);
  };

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
    const summary = results.querySelector("[data-cost-summary]");
    if (status && summary) status.textContent = summary.textContent;
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
    if (seatsEmpty()) {
      clearTimeout(timer);
      return;
    }
    later(400);
  });
  form.addEventListener("focusout", (event) => {
    if (event.target.matches("input[type=number]") && seatsEmpty()) later(0);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    update();
  });
});
