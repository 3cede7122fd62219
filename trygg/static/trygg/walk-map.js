// The safety walk's map, in one of three modes (data-mode on #walk-map):
//   view   the route, the named places on it and the numbered findings;
//   route  planning: each tap adds a point to the route (kept as a GeoJSON
//          LineString in #id_route); tapping a named place ticks it as on the route;
//   point  during the walk: a tap says where the finding is (#id_latitude/#id_longitude).
// Areas, places, route and findings come from the page's JSON, so the map works on a
// closed network without background tiles.
(function () {
  var element = document.getElementById("walk-map");
  var source = document.getElementById("walk-map-data");
  if (!element || !source || typeof L === "undefined") return;
  var data = JSON.parse(source.textContent);
  var mode = element.dataset.mode;
  element.hidden = false;
  var map = L.map(element, { scrollWheelZoom: false });
  if (data.tiles) L.tileLayer(data.tiles, { attribution: data.attribution, maxZoom: 19 }).addTo(map);
  var areas = L.geoJSON(data.areas, { style: { color: "#55607a", weight: 1.5, fill: false } });
  var drawn = data.route ? data.route.coordinates.map(function (c) { return [c[1], c[0]]; }) : [];
  // The view first (the walk, else the areas, else Sweden), then the layers.
  var bounds = data.focus.length ? L.latLngBounds(data.focus) : areas.getBounds();
  if (bounds.isValid()) map.fitBounds(bounds, { padding: [20, 20], maxZoom: 17 });
  else map.setView([62, 16], 4);
  areas.addTo(map);
  var route = L.polyline(drawn, { color: "#0b5cad", weight: 4 }).addTo(map);
  var shown = L.featureGroup().addTo(map);
  data.findings.forEach(function (f) {
    L.circleMarker([f.lat, f.lon], { radius: 8, color: "#b3261e", fillOpacity: 0.8 })
      .bindTooltip(trygg.text(f.label)).addTo(shown);
  });

  var routeField = document.getElementById("id_route");
  function saveRoute() {
    var points = route.getLatLngs();
    routeField.value = points.length < 2 ? "" : JSON.stringify({
      type: "LineString",
      coordinates: points.map(function (p) { return [+p.lng.toFixed(6), +p.lat.toFixed(6)]; })
    });
  }
  data.places.forEach(function (place) {
    var marker = L.circleMarker([place.lat, place.lon], { radius: 6, color: "#1d2433" })
      .bindTooltip(trygg.text(place.name)).addTo(map);
    if (mode !== "route") return;
    marker.on("click", function (event) {
      L.DomEvent.stopPropagation(event);
      var box = document.querySelector('input[name="places"][value="' + place.id + '"]');
      if (box) box.checked = !box.checked;
    });
  });

  if (mode === "route") {
    document.getElementById("route-tools").hidden = false;
    map.on("click", function (event) { route.addLatLng(event.latlng); saveRoute(); });
    document.getElementById("route-undo").addEventListener("click", function () {
      var points = route.getLatLngs(); points.pop(); route.setLatLngs(points); saveRoute();
    });
    document.getElementById("route-clear").addEventListener("click", function () {
      route.setLatLngs([]); saveRoute();
    });
  }
  if (mode === "point") {
    var marker = null;
    var lat = document.getElementById("id_latitude").value;
    var lon = document.getElementById("id_longitude").value;
    if (lat && lon) marker = L.marker([+lat, +lon]).addTo(shown);
    map.on("click", function (event) {
      document.getElementById("id_latitude").value = event.latlng.lat.toFixed(6);
      document.getElementById("id_longitude").value = event.latlng.lng.toFixed(6);
      if (marker) marker.setLatLng(event.latlng); else marker = L.marker(event.latlng).addTo(map);
    });
  }

})();
