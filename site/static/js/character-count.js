// A live count under a text field with a limit (home/text_limits.py): "1,234 of 2,000
// characters". The field has no maxlength, so a long paste is kept whole; the count
// says by how much it is over, and the server refuses it with the same numbers.
// Screen readers hear the count when the field is focused (aria-describedby) and,
// politely, once the visitor pauses or crosses the limit: not on every keystroke.
(() => {
  const PAUSE_MS = 1500;

  // As the server counts: characters, not UTF-16 units, and a line break as the
  // two characters (CR LF) a browser sends.
  const length = (text) => [...text].length + (text.match(/\n/g) || []).length;

  document.querySelectorAll("textarea[data-character-limit]").forEach((field) => {
    const limit = Number(field.dataset.characterLimit);
    const numbers = new Intl.NumberFormat(document.documentElement.lang || undefined);

    const count = document.createElement("p");
    count.className = "character-count";
    count.id = `${field.id}_count`;
    const announcer = document.createElement("p");
    announcer.className = "visually-hidden";
    announcer.setAttribute("aria-live", "polite");
    field.after(count, announcer);
    const described = field.getAttribute("aria-describedby");
    field.setAttribute("aria-describedby", described ? `${described} ${count.id}` : count.id);

    let wasOver = null;
    let pause = null;

    const update = () => {
      const used = length(field.value);
      const over = used > limit;
      const sentence = over ? field.dataset.countOver : field.dataset.count;
      count.textContent = (sentence || "")
        .replace("{count}", numbers.format(used))
        .replace("{limit}", numbers.format(limit))
        .replace("{over}", numbers.format(used - limit));
      count.classList.toggle("character-count--over", over);
      const crossed = wasOver !== null && over !== wasOver;
      wasOver = over;
      return crossed;
    };

    const announce = () => {
      announcer.textContent = count.textContent;
    };

    field.addEventListener("input", () => {
      clearTimeout(pause);
      if (update()) announce();
      else pause = setTimeout(announce, PAUSE_MS);
    });
    update();
  });
})();
