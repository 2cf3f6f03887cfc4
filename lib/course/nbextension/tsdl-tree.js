// Classic Notebook extension for the file tree: lists the course's notebooks in course order
// (the order in the tree page's config, `tsdl_course_order`, written by scripts/jupyter-env.js from
// lib/course/order.json), folders first, then anything else by name.
define(['base/js/namespace', 'base/js/utils'], function (Jupyter, utils) {
  'use strict';

  function courseSorter(order) {
    var rank = function (item) {
      var i = item.type === 'notebook' ? order.indexOf(item.name.replace(/\.ipynb$/, '')) : -1;
      return i < 0 ? order.length : i;
    };
    var typeRank = { directory: 0, notebook: 1, file: 2 };
    return function (a, b) {
      var t = (typeRank[a.type] || 0) - (typeRank[b.type] || 0);
      if (t !== 0) return t;
      var r = rank(a) - rank(b);
      if (r !== 0) return r;
      var x = a.name.toLowerCase(), y = b.name.toLowerCase();
      return x < y ? -1 : x > y ? 1 : 0;
    };
  }

  function load_ipython_extension() {
    var list = Jupyter.notebook_list;
    if (!list) return;
    var url = utils.url_path_join(utils.get_body_data('baseUrl'), 'api/config/tree');
    return fetch(url, { credentials: 'same-origin' }).then(function (r) { return r.json(); }).then(function (cfg) {
      var order = cfg && Array.isArray(cfg.tsdl_course_order) ? cfg.tsdl_course_order : [];
      list.sort_function = courseSorter(order);
      if (list.model_list) list.draw_notebook_list(list.model_list, list.error_msg);
    }).catch(function (e) { console.error('tsdl-tree:', e); });
  }

  return { load_ipython_extension: load_ipython_extension };
});
