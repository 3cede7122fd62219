// Names on the maps are text, never markup. Leaflet puts a string tooltip into
// the page as HTML, and area, place and watch names are typed by users or read
// from imported files; so every label goes in as a text node made here.
window.trygg = window.trygg || {};
window.trygg.text = function (value) { return document.createTextNode(String(value)); };
