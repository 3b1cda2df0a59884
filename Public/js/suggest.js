// "Others asked…": while a parent types a question, show up to five library entries that match.
// Progressive enhancement only: without JavaScript the link to the library stays. Text is set with
// textContent, never as HTML.
(function () {
  var field = document.getElementById("f-text");
  var box = document.getElementById("suggestions");
  if (!field || !box || !window.fetch) return;
  var timer = null;
  var last = "";

  function show(entries, query) {
    var list = box.querySelector("ul");
    var heading = box.querySelector("h2");
    if (list) list.remove();
    if (heading) heading.remove();
    if (!entries.length) return;
    heading = document.createElement("h2");
    heading.textContent = box.getAttribute("data-heading");
    list = document.createElement("ul");
    entries.forEach(function (entry) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = "/vragenbank?q=" + encodeURIComponent(query) + "#entry-" + entry.id;
      link.textContent = entry.question;
      link.setAttribute("dir", "auto");
      item.appendChild(link);
      list.appendChild(item);
    });
    box.prepend(list);
    box.prepend(heading);
  }

  field.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var query = field.value.trim();
      if (query.length < 4 || query === last) return;
      last = query;
      fetch("/api/v1/library?match=any&limit=5&q=" + encodeURIComponent(query.slice(0, 200)))
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (entries) { show(entries, query); })
        .catch(function () {});
    }, 400);
  });
})();
