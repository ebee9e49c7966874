// The one drawing of figures as charts, shared by the public portal (portal/portal.js) and the staff
// dashboard (index/dashboard.js): the rows of a table (data-label, data-value, data-low, data-high)
// become bars (a ranking, a breakdown) or a line (a trend), each point with its 95% interval as a
// whisker. The tables are the figures, for screen readers, browsers without JavaScript and cheap
// phones; a chart is drawn from them afterwards. No inline script (CSP without unsafe-inline).
(function () {
  'use strict';

  var drawn = [];

  function number(text) {
    return text === undefined || text === '' ? null : parseFloat(text);
  }

  /** The points of a table: one per body row that has a figure (a suppressed cell has none). */
  function rows(table) {
    return Array.prototype.filter.call(table.querySelectorAll('tbody tr'), function (tr) {
      return tr.dataset.value !== undefined && tr.dataset.value !== '';
    }).map(function (tr) {
      return { label: tr.dataset.label, value: parseFloat(tr.dataset.value), low: number(tr.dataset.low), high: number(tr.dataset.high) };
    });
  }

  /** The interval of each point as a vertical whisker with short caps. */
  function whiskers(data) {
    return {
      type: 'custom',
      data: data.map(function (d, i) { return [i, d.low, d.high]; })
        .filter(function (d) { return d[1] !== null && d[2] !== null; }),
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
    };
  }

  /** The chart of {@code data}: kind 'line' is a trend, anything else bars; the axis is the percent scale. */
  function option(kind, data) {
    var labels = data.map(function (d) { return d.label; });
    var values = data.map(function (d) { return d.value; });
    return {
      animation: false,
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 5 ? 40 : 0 } },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: [
        kind === 'line'
          ? { type: 'line', data: values, itemStyle: { color: '#08306b' } }
          : { type: 'bar', data: values, itemStyle: { color: '#2171b5' } },
        whiskers(data)
      ]
    };
  }

  /** Draws the table's figures into holder; false when the table has none to draw (every cell suppressed). */
  function draw(holder, kind, table) {
    var data = rows(table);
    if (data.length === 0 || typeof echarts === 'undefined') {
      return false;
    }
    var chart = echarts.init(holder);
    chart.setOption(option(kind, data));
    drawn.push(chart);
    return true;
  }

  /** Forgets every chart drawn (before the figures are replaced and drawn again). */
  function clear() {
    drawn.forEach(function (chart) { chart.dispose(); });
    drawn = [];
  }

  /** Runs then once ECharts is there, fetching it from url first when the page did not load it itself. */
  function withECharts(url, then) {
    if (typeof echarts !== 'undefined') {
      then();
      return;
    }
    var script = document.createElement('script');
    script.src = url;
    script.onload = then;
    document.head.appendChild(script);
  }

  window.addEventListener('resize', function () { drawn.forEach(function (chart) { chart.resize(); }); });
  window.sipasCharts = { rows: rows, option: option, draw: draw, clear: clear, withECharts: withECharts };
}());
