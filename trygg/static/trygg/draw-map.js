// Drawing a neighbourhood-watch boundary: each tap on the map adds a corner,
// and the polygon is written to the form's GeoJSON field as it grows. The
// municipality's areas (and the other watch areas) are drawn for orientation,
// so it works without tiles; without JavaScript the field takes pasted GeoJSON,
// checked on the server.
(function () {
  var element = document.getElementById("draw-map");
  var source = document.getElementById("draw-map-data");
  var field = document.getElementById("id_geometry");
  if (!element || !source || !field || typeof L === "undefined") return;
  var data = JSON.parse(source.textContent);
  element.hidden = false;
  document.querySelector(".draw-buttons").hidden = false;
  var map = L.map(element, { scrollWheelZoom: false, doubleClickZoom: false });
  if (data.tiles) L.tileLayer(data.tiles, { attribution: data.attribution, maxZoom: 19 }).addTo(map);
  var areas = L.geoJSON(data.areas, {
    style: { color: "#55607a", weight: 1.5, fill: false, dashArray: "4 4" },
    onEachFeature: function (feature, layer) {
      layer.bindTooltip(trygg.text(feature.properties.name), { permanent: true, direction: "center", className: "map-label" });
    }
  }).addTo(map);
  L.geoJSON(data.watches, {
    style: { color: "#6b7280", weight: 1, fillColor: "#6b7280", fillOpacity: 0.2 },
    onEachFeature: function (feature, layer) { layer.bindTooltip(trygg.text(feature.properties.name)); }
  }).addTo(map);

  var corners = [];  // [lat, lng]
  try {
    var stored = JSON.parse(field.value);
    if (stored.type === "Feature") stored = stored.geometry;
    if (stored.type === "Polygon") {
      corners = stored.coordinates[0].slice(0, -1).map(function (c) { return [c[1], c[0]]; });
    }
  } catch (error) { /* empty or pasted text: start from nothing */ }
  // Leaflet cannot draw a polygon without corners: it is on the map only when it has some.
  var shape = L.polygon([], { color: "#1b7a3d", weight: 2, fillOpacity: 0.25 });
  var dots = L.layerGroup().addTo(map);

  function draw() {
    if (corners.length) shape.setLatLngs(corners).addTo(map);
    else shape.remove();
    dots.clearLayers();
    corners.forEach(function (corner) { L.circleMarker(corner, { radius: 4, color: "#1b7a3d" }).addTo(dots); });
    if (corners.length >= 3) {
      var ring = corners.map(function (c) { return [Number(c[1].toFixed(6)), Number(c[0].toFixed(6))]; });
      ring.push(ring[0]);
      field.value = JSON.stringify({ type: "Polygon", coordinates: [ring] });
    } else {
      field.value = "";
    }
  }
  map.on("click", function (event) { corners.push([event.latlng.lat, event.latlng.lng]); draw(); });
  document.getElementById("draw-undo").addEventListener("click", function () { corners.pop(); draw(); });
  document.getElementById("draw-clear").addEventListener("click", function () { corners = []; draw(); });

  if (corners.length >= 3) map.fitBounds(L.latLngBounds(corners), { padding: [20, 20] });
  else if (areas.getBounds().isValid()) map.fitBounds(areas.getBounds());
  else map.setView([62, 16], 4);
  draw();
})();
