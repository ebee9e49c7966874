// The dashboard's charts, drawn from the tables beside them (the tables are the figures for screen
// readers and browsers without JavaScript), and live figures: on each "folded" server-sent event
// the figures are fetched again and the charts redrawn. No inline script (CSP without unsafe-inline).
(function () {
  'use strict';

  var charts = [];

  function rows(table) {
    return Array.prototype.filter.call(table.querySelectorAll('tbody tr'), function (tr) {
      return tr.dataset.value !== undefined && tr.dataset.value !== '';
    }).map(function (tr) {
      return {
        label: tr.dataset.label,
        value: parseFloat(tr.dataset.value),
        low: tr.dataset.low === '' ? null : parseFloat(tr.dataset.low),
        high: tr.dataset.high === '' ? null : parseFloat(tr.dataset.high)
      };
    });
  }

  // a bar (or point of the line) per row with its 95% interval as an error bar
  function option(kind, data) {
    var labels = data.map(function (d) { return d.label; });
    var intervals = data.map(function (d, i) { return [i, d.low, d.high]; })
      .filter(function (d) { return d[1] !== null && d[2] !== null; });
    return {
      animation: false,
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 6 ? 40 : 0 } },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: [
        kind === 'line'
          ? { type: 'line', data: data.map(function (d) { return d.value; }) }
          : { type: 'bar', data: data.map(function (d) { return d.value; }), itemStyle: { color: '#2b6cb0' } },
        {
          type: 'custom',
          data: intervals,
          renderItem: function (params, api) {
            var x = api.value(0);
            var low = api.coord([x, api.value(1)]);
            var high = api.coord([x, api.value(2)]);
            var half = api.size([1, 0])[0] * 0.15;
            var style = { stroke: '#1a202c', lineWidth: 1.5 };
            return {
              type: 'group',
              children: [
                { type: 'line', shape: { x1: low[0], y1: low[1], x2: high[0], y2: high[1] }, style: style },
                { type: 'line', shape: { x1: low[0] - half, y1: low[1], x2: low[0] + half, y2: low[1] }, style: style },
                { type: 'line', shape: { x1: high[0] - half, y1: high[1], x2: high[0] + half, y2: high[1] }, style: style }
              ]
            };
          },
          z: 10
        }
      ]
    };
  }

  function draw() {
    charts.forEach(function (chart) { chart.dispose(); });
    charts = [];
    if (typeof echarts === 'undefined') {
      return;
    }
    document.querySelectorAll('table.figures[data-chart]').forEach(function (table) {
      var holder = table.previousElementSibling;
      var data = rows(table);
      if (!holder || !holder.classList.contains('chart') || data.length === 0) {
        return;
      }
      holder.style.height = '280px';
      var chart = echarts.init(holder);
      chart.setOption(option(table.dataset.chart, data));
      charts.push(chart);
    });
    document.body.dataset.chartsDrawn = String(charts.length);
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

  window.addEventListener('resize', function () { charts.forEach(function (chart) { chart.resize(); }); });
  draw();
  listen();
}());
