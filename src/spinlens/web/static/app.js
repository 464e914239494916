// Legend filter and span tooltips on an analysed article. Article text only ever goes through textContent,
// never innerHTML: it is untrusted.
"use strict";

(function () {
  const text = document.getElementById("article-text");
  const tip = document.getElementById("tip");
  if (!text || !tip) return;
  const marks = Array.from(text.querySelectorAll("mark[data-technique]"));
  const labels = {};
  const definitions = {};
  for (const button of document.querySelectorAll(".legend .toggle")) {
    labels[button.dataset.technique] = button.dataset.label;
    definitions[button.dataset.technique] = button.getAttribute("title") || "";
  }

  for (const mark of marks) {
    // The title holds the same words for readers without this script; with it, the tooltip replaces it.
    mark.dataset.describe = mark.getAttribute("title") || "";
    mark.removeAttribute("title");
    mark.tabIndex = 0;
  }

  let shown = null;
  function show(mark) {
    if (mark.classList.contains("off")) return hide();
    const name = mark.dataset.technique;
    tip.replaceChildren();
    const head = document.createElement("strong");
    head.textContent = (labels[name] || name) + " · score " + Number(mark.dataset.score).toFixed(2);
    const body = document.createElement("span");
    body.textContent = definitions[name] || mark.dataset.describe;
    tip.append(head, body);
    tip.hidden = false;
    const box = mark.getBoundingClientRect();
    const width = tip.offsetWidth;
    const left = Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8));
    tip.style.left = left + "px";
    tip.style.top = box.bottom + window.scrollY + 6 + "px";
    mark.setAttribute("aria-describedby", "tip");
    shown = mark;
  }
  function hide() {
    tip.hidden = true;
    if (shown) shown.removeAttribute("aria-describedby");
    shown = null;
  }
  function innermost(target) {
    return target instanceof Element ? target.closest("mark[data-technique]:not(.off)") : null;
  }
  text.addEventListener("mouseover", (event) => { const m = innermost(event.target); if (m) show(m); });
  text.addEventListener("mouseleave", hide);
  text.addEventListener("focusin", (event) => { const m = innermost(event.target); if (m) show(m); });
  text.addEventListener("focusout", hide);
  document.addEventListener("keydown", (event) => { if (event.key === "Escape") hide(); });

  for (const button of document.querySelectorAll(".legend .toggle")) {
    button.addEventListener("click", () => {
      const on = button.getAttribute("aria-pressed") !== "true";
      button.setAttribute("aria-pressed", String(on));
      for (const mark of marks) {
        if (mark.dataset.technique !== button.dataset.technique) continue;
        mark.classList.toggle("off", !on);
        mark.tabIndex = on ? 0 : -1;
      }
      hide();
    });
  }
})();
