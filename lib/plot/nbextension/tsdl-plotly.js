// Classic Notebook extension (an AMD module the notebook page loads): draws
// application/vnd.plotly.v1+json outputs with plotly.js, which it loads once per page from
// beside this file on the notebook server. The renderer is registered as safe, so figures draw in
// untrusted notebooks too: it only hands the JSON to Plotly.newPlot and runs no code from the output.
// scripts/jupyter-env.js installs this file and plotly.min.js under .jupyter-local and enables it.
define(['require', 'jquery', 'base/js/namespace', 'notebook/js/outputarea'], function (require, $, Jupyter, outputarea) {
  'use strict';
  var MIME = 'application/vnd.plotly.v1+json';
  var plotly = null;

  // plotly.js is not an AMD module: it sets window.Plotly, so it is loaded with a plain script element.
  function loadPlotly() {
    if (window.Plotly) return Promise.resolve(window.Plotly);
    if (!plotly) {
      plotly = new Promise(function (resolve, reject) {
        var script = document.createElement('script');
        script.src = require.toUrl('./plotly.min.js');
        script.onload = function () {
          if (window.Plotly) resolve(window.Plotly); else reject(new Error('plotly.min.js did not define Plotly'));
        };
        script.onerror = function () { plotly = null; reject(new Error('could not load ' + script.src)); };
        document.head.appendChild(script);
      });
    }
    return plotly;
  }

  function size(value, fallback) { return typeof value === 'number' ? value + 'px' : fallback; }

  function appendPlotly(fig, md, element) {
    var area = this.create_output_subarea(md, 'output_tsdl_plotly', MIME);
    var layout = (fig && fig.layout) || {};
    var div = $('<div class="tsdl-plotly"/>').css({ width: size(layout.width, '100%'), height: size(layout.height, '450px') });
    area.append(div);
    element.append(area);
    // Drawn once the output is in the page, so plotly measures a laid-out element.
    setTimeout(function () {
      loadPlotly().then(function (Plotly) {
        // plotly.js writes into what it is given (decoded arrays, uids, ranges): give it a copy, so the
        // output saved with the notebook stays the JSON the kernel sent
        var copy = JSON.parse(JSON.stringify(fig));
        return Plotly.newPlot(div[0], copy.data || [], copy.layout || {}, copy.config || { responsive: true });
      }).catch(function (e) {
        div.css({ height: 'auto' }).text('This figure could not be drawn: ' + (e && e.message ? e.message : e));
        console.error('tsdl-plotly:', e);
      });
    }, 0);
    return area;
  }

  // Outputs already shown when the extension loads (the page renders a saved notebook while
  // extensions are still loading) were drawn with the text/html fallback: show them again.
  function redrawShown() {
    var nb = Jupyter.notebook;
    if (!nb || !nb.get_cells) return;
    nb.get_cells().forEach(function (cell) {
      var area = cell.output_area;
      if (!area || !area.outputs || !area.outputs.some(function (o) { return o.data && o.data[MIME]; })) return;
      var outputs = area.toJSON();
      area.clear_output(false, true);
      area.fromJSON(outputs, cell.metadata);
    });
  }

  function load_ipython_extension() {
    var OutputArea = outputarea.OutputArea;
    if (OutputArea.append_map[MIME] !== appendPlotly) {
      OutputArea.prototype.register_mime_type(MIME, appendPlotly, { safe: true, index: 0 });
    }
    redrawShown();
  }

  return { load_ipython_extension: load_ipython_extension };
});
