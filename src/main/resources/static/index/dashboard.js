// The dashboard's charts, drawn by the shared js/charts.js from the tables beside them (the tables are
// the figures for screen readers and browsers without JavaScript), and live figures: on each "folded"
// server-sent event the figures are fetched again and the charts redrawn.
(function () {
  'use strict';

  function draw() {
    if (!window.sipasCharts) {
      return;
    }
    window.sipasCharts.clear();
    var drawn = 0;
    document.querySelectorAll('table.figures[data-chart]').forEach(function (table) {
      var holder = table.previousElementSibling;
      if (!holder || !holder.classList.contains('chart') || window.sipasCharts.rows(table).length === 0) {
        return;
      }
      holder.style.height = '280px';
      if (window.sipasCharts.draw(holder, table.dataset.chart, table)) {
        drawn++;
      }
    });
    document.body.dataset.chartsDrawn = String(drawn);
  }

  function refresh(url) {
    fetch(url, { headers: { 'HX-Request': 'true' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html === null) {
          return;
        }
        var figures = document.getElementById('figures');
        var next = new DOMParser().parseFromString(html, 'text/html').getElementById('figures');
        if (figures && next) {
          figures.replaceWith(next);
          draw();
        }
      });
  }

  function listen() {
    var dashboard = document.getElementById('dashboard');
    if (!dashboard || !dashboard.dataset.events || typeof EventSource === 'undefined') {
      return;
    }
    var source = new EventSource(dashboard.dataset.events);
    source.addEventListener('folded', function () { refresh(dashboard.dataset.figures); });
  }

  draw();
  listen();
}());
