// "Print" on the my-data page: shown only with JavaScript; without it the browser's own print works the same.
(function () {
  document.querySelectorAll("button[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
