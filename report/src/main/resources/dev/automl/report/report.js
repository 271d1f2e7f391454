// Draws report.html's charts from its JSON block, makes its sortable tables sortable, then records on <body> how
// many chart canvases there are and how many have pixels drawn, for the browser test.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  Chart.defaults.animation = false;
  Chart.defaults.font.size = 11;

  // The matrix chart needs functions: cell sizes from the chart area, and each cell's value written in it.
  var cellValues = {
    id: 'cellValues',
    afterDatasetsDraw: function (chart) {
      var dataset = chart.data.datasets[0];
      var ctx = chart.ctx;
      ctx.save();
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.font = '11px sans-serif';
      chart.getDatasetMeta(0).data.forEach(function (element, i) {
        var v = dataset.data[i].v;
        var text = dataset.fractions ? v.toFixed(2) : String(Math.round(v * 100) / 100);
        var center = element.getCenterPoint();
        ctx.fillStyle = v / dataset.max > 0.55 ? '#ffffff' : '#222222';
        ctx.fillText(text, center.x, center.y);
      });
      ctx.restore();
    }
  };

  function matrix(config) {
    var dataset = config.data.datasets[0];
    var cells = dataset.cells;
    dataset.max = dataset.data.reduce(function (m, d) { return Math.max(m, d.v); }, 0) || 1;
    dataset.width = function (c) { var a = c.chart.chartArea; return a ? a.width / cells - 2 : 0; };
    dataset.height = function (c) { var a = c.chart.chartArea; return a ? a.height / cells - 2 : 0; };
    config.options.plugins.tooltip = {
      callbacks: {
        title: function () { return ''; },
        label: function (c) { return 'true ' + c.raw.y + ', predicted ' + c.raw.x + ': ' + c.raw.v; }
      }
    };
    config.plugins = [cellValues];
  }

  data.charts.forEach(function (spec) {
    if (spec.config.type === 'matrix') {
      matrix(spec.config);
    }
    new Chart(document.getElementById(spec.id), spec.config);
  });

  function painted(canvas) {
    if (!canvas.width || !canvas.height) {
      return false;
    }
    var pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    for (var i = 3; i < pixels.length; i += 4) {
      if (pixels[i] !== 0) {
        return true;
      }
    }
    return false;
  }

  var canvases = document.querySelectorAll('canvas[data-chart]');
  var rendered = 0;
  canvases.forEach(function (c) { if (painted(c)) { rendered++; } });
  document.body.dataset.chartsExpected = String(canvases.length);
  document.body.dataset.chartsRendered = String(rendered);

  // Sorting: numbers as numbers, text as text, empty cells last; a second click reverses.
  function key(cell) {
    var t = cell.textContent.trim();
    var n = Number(t);
    return t === '' ? null : (isNaN(n) ? t.toLowerCase() : n);
  }
  document.querySelectorAll('table.sortable').forEach(function (table) {
    table.querySelectorAll('thead th').forEach(function (th, column) {
      th.addEventListener('click', function () {
        var ascending = th.dataset.sort !== 'asc';
        table.querySelectorAll('thead th').forEach(function (h) { delete h.dataset.sort; });
        th.dataset.sort = ascending ? 'asc' : 'desc';
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = key(a.cells[column]);
          var y = key(b.cells[column]);
          if (x === null || y === null) { return x === y ? 0 : (x === null ? 1 : -1); }
          var order = typeof x === typeof y ? (x < y ? -1 : x > y ? 1 : 0) : (typeof x === 'number' ? -1 : 1);
          return ascending ? order : -order;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
})();
