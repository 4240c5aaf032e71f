(function () {
  "use strict";
  var status = document.getElementById("netgraph-status");
  var errors = [], violations = [];
  function resources() {
    var list = (window.performance && performance.getEntriesByType) ?
      performance.getEntriesByType("resource") : [];
    return list.map(function (e) { return e.name; });
  }
  function report(state) {
    if (state) { status.setAttribute("data-state", state); }
    var net = window.netgraph;
    if (net && net.body) {
      status.setAttribute("data-nodes", String(net.body.nodeIndices.length));
      status.setAttribute("data-edges", String(net.body.edgeIndices.length));
      var ids = net.body.nodeIndices;  // drawn in this order: the last one is on top
      if (ids.length) {
        status.setAttribute("data-top", String(net.body.nodes[ids[ids.length - 1]].options.label));
      }
    }
    status.setAttribute("data-errors", JSON.stringify(errors));
    status.setAttribute("data-violations", JSON.stringify(violations));
    status.setAttribute("data-resources", JSON.stringify(resources()));
  }
  window.netgraphReport = report;
  window.addEventListener("error", function (e) {
    errors.push(String(e.message || e.type)); report();
  }, true);
  window.addEventListener("unhandledrejection", function (e) {
    errors.push("unhandled rejection: " + String(e.reason)); report();
  });
  var consoleError = console.error;
  console.error = function () {
    errors.push(Array.prototype.map.call(arguments, String).join(" ")); report();
    return consoleError.apply(console, arguments);
  };
  document.addEventListener("securitypolicyviolation", function (e) {
    violations.push(e.violatedDirective + " " + e.blockedURI); report();
  });
  window.addEventListener("load", function () { report(); });
  report("loading");
})();
