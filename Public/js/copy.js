// Copy buttons for the newsletter texts: shown only where the browser can copy; says "copied" in the
// page's language. Without JavaScript the text stays selectable in its box.
(function () {
  if (!navigator.clipboard) return;
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var box = document.getElementById(button.getAttribute("data-copy"));
      navigator.clipboard.writeText(box.value).then(function () {
        button.parentNode.querySelector(".copied").textContent = " " + button.getAttribute("data-copied");
      });
    });
  });
})();
