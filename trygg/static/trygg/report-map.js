// Tap on the map to say where: fills the report form's latitude/longitude and
// clears the named place, if the form has one (the citizens' form has none).
// Areas and named places are drawn from the page's JSON, so the map is usable
// on a closed network without background tiles.
(function () {
  var element = document.getElementById("report-map");
  var source = document.getElementById("report-map-data");
  if (!element || !source || typeof L === "undefined") return;
  var data = JSON.parse(source.textContent);
  var placeField = document.getElementById("id_place");
  element.hidden = false;
  var map = L.map(element);
  if (data.tiles) L.tileLayer(data.tiles, { attribution: data.attribution, maxZoom: 19 }).addTo(map);
  var areas = L.geoJSON(data.areas, { style: { color: "#55607a", weight: 1.5, fill: false } });
  // The view first, then the layers: shapes added to a map without a view fail to draw.
  if (areas.getBounds().isValid()) map.fitBounds(areas.getBounds());
  else map.setView([62, 16], 4);
  areas.addTo(map);
  data.places.forEach(function (place) {
    L.circleMarker([place.lat, place.lon], { radius: 5, color: "#0b5cad" })
      .bindTooltip(trygg.text(place.name)).addTo(map)
      .on("click", function () { document.getElementById("id_place").value = String(place.id); });
  });
  // A form that asks for the municipality (the citizens' form) shows the chosen one's areas.
  var municipality = document.getElementById("id_municipality");
  function showMunicipality() {
    var chosen = L.featureGroup(areas.getLayers().filter(function (layer) {
      return String(layer.feature.properties.municipality) === municipality.value;
    }));
    if (chosen.getLayers().length) map.fitBounds(chosen.getBounds());
  }
  if (municipality) {
    municipality.addEventListener("change", showMunicipality);
    showMunicipality();
  }
  var marker = null;
  map.on("click", function (event) {
    document.getElementById("id_latitude").value = event.latlng.lat.toFixed(6);
    document.getElementById("id_longitude").value = event.latlng.lng.toFixed(6);
    if (placeField) placeField.value = "";
    if (marker) marker.setLatLng(event.latlng); else marker = L.marker(event.latlng).addTo(map);
  });
})();
