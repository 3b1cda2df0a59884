// "Lees voor": reads the page's main content aloud with the device's own voice for the page language
// (Web Speech API, nothing from another origin), sentence by sentence in reading order, with the sentence
// being read highlighted. The button shows only when the device has a voice for the language; it pauses and
// continues, and Escape stops. Text in another language (a Dutch intro on an Arabic page) is read with a voice
// for that language when the device has one. Where the device has no voice for the page language, the server's
// voice (espeak-ng, `POST /api/v1/speech`) reads block by block, if the server has one; the page says which.
(function () {
  var button = document.getElementById("read-aloud");
  var synth = window.speechSynthesis;
  if (!button) return;
  if (!synth || !window.SpeechSynthesisUtterance) {
    // No speech engine in this browser at all: only the server's voice can help.
    synth = { getVoices: function () { return []; }, cancel: function () {}, speak: function () {}, addEventListener: function () {} };
  }
  var main = document.getElementById("main");
  var pageLang = (document.documentElement.lang || "nl").toLowerCase();
  var sentences = [];
  var index = 0;
  var state = "idle"; // idle | reading | paused
  var marked = null;

  function voiceFor(lang) {
    var voices = synth.getVoices();
    var base = lang.split("-")[0];
    for (var i = 0; i < voices.length; i++) {
      if (voices[i].lang && voices[i].lang.toLowerCase().split(/[-_]/)[0] === base) return voices[i];
    }
    return null;
  }

  var server = button.getAttribute("data-server") === "yes" && window.fetch && window.Audio;
  var note = document.getElementById("read-aloud-voice");
  var audio = null;

  function useServer() { return !voiceFor(pageLang) && server; }

  function offer() {
    if (voiceFor(pageLang) || server) button.hidden = false;
    if (note) note.textContent = " " + button.getAttribute(voiceFor(pageLang) ? "data-device-voice" : "data-server-voice");
  }
  offer();
  if ("onvoiceschanged" in synth) synth.addEventListener("voiceschanged", offer);

  // The blocks a person reads, in order; the read-aloud button and forms' hidden parts are skipped.
  function blocks() {
    var found = main.querySelectorAll("h1, h2, h3, h4, p, li, th, td, blockquote, label, legend, caption, button.inline, .inline button");
    return Array.prototype.filter.call(found, function (el) {
      if (el.closest("[hidden], .noprint, #read-aloud-bar, svg")) return false;
      // A list item or cell holding blocks of its own is read through those.
      return !el.querySelector("p, li, h3, h4, blockquote") && el.textContent.trim() !== "";
    });
  }

  function split(text, lang) {
    if (window.Intl && Intl.Segmenter) {
      var out = [];
      var segments = new Intl.Segmenter(lang, { granularity: "sentence" }).segment(text);
      for (var s of segments) out.push({ start: s.index, text: s.segment });
      return out;
    }
    var result = [], re = /[^.!?؟\n]+[.!?؟]*\s*/g, m;
    while ((m = re.exec(text))) result.push({ start: m.index, text: m[0] });
    return result;
  }

  // A DOM range for characters [start, end) of an element's text.
  function rangeOf(el, start, end) {
    var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    var range = document.createRange(), seen = 0, node, begun = false;
    while ((node = walker.nextNode())) {
      var length = node.nodeValue.length;
      if (!begun && start <= seen + length) { range.setStart(node, start - seen); begun = true; }
      if (begun && end <= seen + length) { range.setEnd(node, end - seen); return range; }
      seen += length;
    }
    return begun ? range : null;
  }

  // With the server's voice one request per block (a paragraph, a list item), at most 2,000 characters.
  function collectBlocks() {
    return blocks().map(function (el) {
      var text = el.textContent.replace(/\s+/g, " ").trim().slice(0, 2000);
      return { el: el, lang: pageLang, text: text, start: 0, end: el.textContent.length };
    });
  }

  function collect() {
    if (useServer()) return collectBlocks();
    var list = [];
    blocks().forEach(function (el) {
      var lang = ((el.closest("[lang]") || document.documentElement).getAttribute("lang") || pageLang).toLowerCase();
      var text = el.textContent;
      split(text, lang).forEach(function (part) {
        var spoken = part.text.trim();
        if (!spoken) return;
        var lead = part.text.length - part.text.replace(/^\s+/, "").length;
        list.push({ el: el, lang: lang, text: spoken, start: part.start + lead, end: part.start + lead + spoken.length });
      });
    });
    return list;
  }

  function mark(sentence) {
    unmark();
    var range = sentence ? rangeOf(sentence.el, sentence.start, sentence.end) : null;
    if (range && window.CSS && CSS.highlights && window.Highlight) {
      CSS.highlights.set("read-aloud", new Highlight(range));
    } else if (sentence) {
      sentence.el.classList.add("reading");
      marked = sentence.el;
    }
    if (sentence) sentence.el.scrollIntoView({ block: "nearest" });
  }

  function unmark() {
    if (window.CSS && CSS.highlights) CSS.highlights.delete("read-aloud");
    if (marked) marked.classList.remove("reading");
    marked = null;
  }

  function label() {
    var key = state === "reading" ? "pause" : state === "paused" ? "continue" : "read";
    button.querySelector(".label").textContent = button.getAttribute("data-" + key);
    button.setAttribute("aria-pressed", state === "reading" ? "true" : "false");
  }

  function playFromServer(sentence) {
    mark(sentence);
    fetch("/api/v1/speech", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ lang: pageLang, text: sentence.text }),
    }).then(function (response) {
      if (!response.ok) throw new Error("speech " + response.status);
      return response.blob();
    }).then(function (blob) {
      if (state !== "reading") return;
      audio = new Audio(URL.createObjectURL(blob));
      audio.onended = function () { if (state === "reading") { index += 1; speak(); } };
      audio.play();
    }).catch(function () { stop(); button.hidden = true; });
  }

  function speak() {
    if (state !== "reading") return;
    if (index >= sentences.length) { stop(); return; }
    var sentence = sentences[index];
    if (useServer()) { playFromServer(sentence); return; }
    var voice = voiceFor(sentence.lang) || voiceFor(pageLang);
    var utterance = new SpeechSynthesisUtterance(sentence.text);
    utterance.lang = voice ? voice.lang : sentence.lang;
    if (voice) utterance.voice = voice;
    utterance.onend = function () {
      if (state !== "reading") return;
      index += 1;
      speak();
    };
    mark(sentence);
    synth.speak(utterance);
  }

  // Pausing cancels and remembers the sentence: resume() is unreliable on phones, so "continue" starts that
  // sentence again.
  function stop() {
    state = "idle";
    index = 0;
    synth.cancel();
    if (audio) { audio.pause(); audio = null; }
    unmark();
    label();
  }

  button.addEventListener("click", function () {
    if (state === "reading") {
      state = "paused";
      synth.cancel();
      if (audio) audio.pause();
    } else if (state === "paused" && audio) {
      state = "reading";
      audio.play();
    } else {
      if (state === "idle") { sentences = collect(); index = 0; }
      state = "reading";
      speak();
    }
    label();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && state !== "idle") stop();
  });
  label();
})();
