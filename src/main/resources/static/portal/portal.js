// The public portal's charts, drawn by the shared js/charts.js from the tables of the page after it
// has shown: the tables come first. ECharts (a megabyte) is fetched only when the page has a chart,
// after the load event, so a slow connection shows the tables first.
(function () {
  'use strict';

  document.documentElement.classList.add('js');

  function draw() {
    var drawn = 0;
    document.querySelectorAll('.portal-chart[data-chart]').forEach(function (holder) {
      var table = document.getElementById(holder.dataset.table);
      if (table && window.sipasCharts.draw(holder, holder.dataset.chart, table)) {
        drawn++;
      } else {
        holder.hidden = true;
      }
    });
    document.body.dataset.chartsDrawn = String(drawn);
  }

  function load() {
    if (!window.sipasCharts || !document.querySelector('.portal-chart[data-chart]')) {
      document.body.dataset.chartsDrawn = '0';
      return;
    }
    window.sipasCharts.withECharts(document.body.dataset.echarts, draw);
  }

  if (document.readyState === 'complete') {
    load();
  } else {
    window.addEventListener('load', load);
  }
}());
