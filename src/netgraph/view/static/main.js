(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("netgraph-data").textContent);
  function tip(rows) {
    var box = document.createElement("div");
    rows.forEach(function (row) {
      var line = document.createElement("div");
      if (row.length === 1) {
        line.className = "ng-tip-h";
        line.textContent = row[0];
      } else {
        var key = document.createElement("span");
        key.className = "ng-tip-k";
        key.textContent = row[0] + ": ";
        line.appendChild(key);
        line.appendChild(document.createTextNode(row[1]));
      }
      box.appendChild(line);
    });
    return box;
  }
  function withTip(item) {
    var out = Object.assign({}, item);
    if (item.tip) { out.title = tip(item.tip); }
    delete out.tip;
    return out;
  }
  var legend = document.querySelector(".ng-legend");
  if (legend && window.matchMedia && window.matchMedia("(max-width: 600px)").matches) {
    legend.open = false;  // on a phone the open legend would cover the top of the graph
  }
  var container = document.getElementById("netgraph-canvas");
  var progress = document.getElementById("netgraph-progress");
  var network = new vis.Network(container, {
    nodes: new vis.DataSet(data.nodes.map(withTip)),
    edges: new vis.DataSet(data.edges.map(withTip))
  }, data.options);
  window.netgraph = network;
  var physics = data.options.physics.enabled && data.nodes.length > 0;
  function settled() {
    network.setOptions({ physics: { enabled: false } });
    progress.hidden = true;
    window.netgraphReport("stable");
  }
  if (physics) {
    progress.hidden = false;
    network.on("stabilizationProgress", function (p) {
      progress.textContent = "Laying out: " + Math.round(100 * p.iterations / p.total) + "%";
    });
    network.once("stabilizationIterationsDone", settled);
    window.netgraphReport("stabilizing");
  } else {
    window.netgraphReport("stable");
  }
})();
