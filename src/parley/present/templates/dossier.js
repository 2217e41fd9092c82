(function () {
  "use strict";
  function whenPlotly(cb) {
    if (window.Plotly) { cb(); } else { window.addEventListener("plotly-ready", cb, { once: true }); }
  }
  function drawCharts() {
    document.querySelectorAll("[data-figure]").forEach(function (box) {
      var spec = JSON.parse(document.getElementById(box.dataset.figure).textContent);
      box.textContent = "";
      if (spec.layout && spec.layout.height) { box.style.height = spec.layout.height + "px"; }
      window.Plotly.newPlot(box, spec.data, spec.layout, { displaylogo: false, responsive: true })
        .then(function () {
          box.setAttribute("data-ready", "true");
          box.on("plotly_click", function (ev) {
            var href = ev.points && ev.points[0] && ev.points[0].customdata;
            if (href) { window.location.href = href; }
          });
        });
    });
  }
  function markTarget() {
    document.querySelectorAll("mark.current").forEach(function (m) { m.classList.remove("current"); });
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) { return; }
    var marks = document.querySelectorAll('[data-span="' + CSS.escape(id) + '"]');
    marks.forEach(function (m) { m.classList.add("current"); });
    if (marks.length) { marks[0].scrollIntoView({ block: "center" }); }
  }
  function liveFilter(form) {
    var table = document.getElementById(form.dataset.live);
    var rows = table.querySelectorAll("tbody tr");
    var status = document.getElementById(form.dataset.status);
    function apply() {
      var speaker = form.elements.speaker.value, outlet = form.elements.outlet.value;
      var words = form.elements.q.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (tr) {
        var text = tr.textContent.toLowerCase();
        var ok = (!speaker || tr.dataset.speaker === speaker) && (!outlet || tr.dataset.outlet === outlet)
          && words.every(function (w) { return text.indexOf(w) >= 0; });
        tr.hidden = !ok;
        if (ok) { shown += 1; }
      });
      status.textContent = shown + " of " + rows.length + " quotes shown";
    }
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (ev) { ev.preventDefault(); apply(); });
    apply();
  }
  document.querySelectorAll("form[data-live]").forEach(liveFilter);
  window.addEventListener("hashchange", markTarget);
  markTarget();
  whenPlotly(drawCharts);
})();
