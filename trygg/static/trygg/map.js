// The lägesbild map: areas and hotspot cells from the page's JSON, drawn with
// Leaflet (served from its Python package). Background tiles only when a tile
// server is configured; the shapes show without them.
(function () {
  var element = document.getElementById("map");
  var source = document.getElementById("map-data");
  if (!element || !source || typeof L === "undefined") return;
  var data = JSON.parse(source.textContent);
  var map = L.map(element, { scrollWheelZoom: false });
  if (data.tiles) {
    L.tileLayer(data.tiles, { attribution: data.attribution, maxZoom: 18 }).addTo(map);
  }
  var areas = L.geoJSON(data.areas, {
    style: { color: "#55607a", weight: 2, fill: false },
    onEachFeature: function (feature, layer) { layer.bindTooltip(trygg.text(feature.properties.name)); }
  }).addTo(map);
  var hot = L.geoJSON(data.hotspots, {
    style: function (feature) {
      var z = feature.properties.z;
      return { color: "#b3261e", weight: 1, fillColor: "#b3261e", fillOpacity: Math.min(0.8, 0.25 + (z - 1.96) / 6) };
    },
    onEachFeature: function (feature, layer) {
      layer.bindTooltip(trygg.text("z = " + feature.properties.z + " · " + feature.properties.count));
    }
  }).addTo(map);
  var bounds = areas.getBounds();
  if (hot.getLayers().length) bounds.extend(hot.getBounds());
  if (bounds.isValid()) map.fitBounds(bounds, { padding: [10, 10] });
  else map.setView([62, 16], 4);
})();
