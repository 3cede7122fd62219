// Neighbourhood-watch areas on the municipality's areas, drawn with Leaflet
// (served from its Python package). Every shape carries its name as a label,
// so the map says where things are without background tiles; tiles are added
// only when a tile server is configured.
(function () {
  var element = document.getElementById("watch-map");
  var source = document.getElementById("watch-map-data");
  if (!element || !source || typeof L === "undefined") return;
  var data = JSON.parse(source.textContent);
  var map = L.map(element, { scrollWheelZoom: false });
  if (data.tiles) {
    L.tileLayer(data.tiles, { attribution: data.attribution, maxZoom: 18 }).addTo(map);
  }
  function label(feature, layer) {
    layer.bindTooltip(trygg.text(feature.properties.name), { permanent: true, direction: "center", className: "map-label" });
  }
  var areas = L.geoJSON(data.areas, {
    style: { color: "#55607a", weight: 1.5, fill: false, dashArray: "4 4" },
    onEachFeature: label
  }).addTo(map);
  var colours = { active: "#1b7a3d", started: "#0b5cad", dormant: "#6b7280" };
  var watches = L.geoJSON(data.watches, {
    style: function (feature) {
      var colour = colours[feature.properties.status || "active"];
      return { color: colour, weight: 2, fillColor: colour, fillOpacity: 0.25 };
    },
    onEachFeature: label
  }).addTo(map);
  var bounds = watches.getLayers().length ? watches.getBounds() : areas.getBounds();
  if (bounds.isValid()) map.fitBounds(bounds, { padding: [20, 20], maxZoom: 15 });
  else map.setView([62, 16], 4);
})();
