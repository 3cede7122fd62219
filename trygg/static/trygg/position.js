// "Use my position": fills the report form's hidden latitude/longitude from the
// phone's location. Without it (or without permission) a named place is picked.
(function () {
  var button = document.getElementById("use-position");
  if (!button || !navigator.geolocation) return;
  var status = document.getElementById("position-status");
  button.hidden = false;
  button.addEventListener("click", function () {
    status.textContent = button.dataset.waiting || "…";
    navigator.geolocation.getCurrentPosition(
      function (position) {
        document.getElementById("id_latitude").value = position.coords.latitude.toFixed(6);
        document.getElementById("id_longitude").value = position.coords.longitude.toFixed(6);
        status.textContent = "✓ " + position.coords.latitude.toFixed(5) + ", " + position.coords.longitude.toFixed(5);
      },
      function (error) { status.textContent = error.message; },
      { enableHighAccuracy: true, timeout: 15000 }
    );
  });
})();
