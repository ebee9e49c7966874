// The index database's charts, drawn by the shared js/charts.js from the tables beside them (the
// tables are the figures, for screen readers and browsers without JavaScript): a ranking as bars,
// a unit's trend as a line. The radar is drawn on the server.
(function () {
  'use strict';

  function draw() {
    if (!window.sipasCharts) {
      return;
    }
    var drawn = 0;
    document.querySelectorAll('table.figures[data-chart]').forEach(function (table) {
      var wrap = table.parentElement;
      var holder = wrap && wrap.previousElementSibling;
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

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
}());
