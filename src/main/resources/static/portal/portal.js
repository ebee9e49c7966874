// The public portal's charts, drawn from the tables of the page after it has shown: the tables are
// the figures (for screen readers, browsers without JavaScript and cheap phones), the charts come
// second. ECharts (a megabyte) is fetched only when the page has a chart, after the load event, so
// a slow connection shows the tables first. No inline script (CSP without unsafe-inline).
(function () {
  'use strict';

  var charts = [];
  document.documentElement.classList.add('js');

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

  // bars (ranking) or a line (trend), each point with its 95% interval as an error bar
  function option(kind, data) {
    var labels = data.map(function (d) { return d.label; });
    var intervals = data.map(function (d, i) { return [i, d.low, d.high]; })
      .filter(function (d) { return d[1] !== null && d[2] !== null; });
    return {
      animation: false,
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 5 ? 40 : 0 } },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: [
        kind === 'line'
          ? { type: 'line', data: data.map(function (d) { return d.value; }), itemStyle: { color: '#08306b' } }
          : { type: 'bar', data: data.map(function (d) { return d.value; }), itemStyle: { color: '#2171b5' } },
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
    document.querySelectorAll('.portal-chart[data-chart]').forEach(function (holder) {
      var table = document.getElementById(holder.dataset.table);
      var data = table ? rows(table) : [];
      if (data.length === 0) {
        holder.hidden = true;
        return;
      }
      var chart = echarts.init(holder);
      chart.setOption(option(holder.dataset.chart, data));
      charts.push(chart);
    });
    document.body.dataset.chartsDrawn = String(charts.length);
  }

  function load() {
    if (!document.querySelector('.portal-chart[data-chart]')) {
      document.body.dataset.chartsDrawn = '0';
      return;
    }
    var script = document.createElement('script');
    script.src = document.body.dataset.echarts;
    script.onload = draw;
    document.head.appendChild(script);
  }

  window.addEventListener('resize', function () { charts.forEach(function (chart) { chart.resize(); }); });
  if (document.readyState === 'complete') {
    load();
  } else {
    window.addEventListener('load', load);
  }
}());
