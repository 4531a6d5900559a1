// Learning-territory map: draws the results the page lists (read as JSON from data-results) on a Leaflet map.
// Loaded only when a tile server is configured; the list above it is the accessible, script-free version.
(function () {
    'use strict';
    var element = document.getElementById('territory-map');
    if (!element || !window.L || !element.dataset.tileUrl) {
        return;
    }
    var message = element.querySelector('.territory-map-off');

    function text(tag, value) {
        var node = document.createElement(tag);
        node.textContent = value;
        return node;
    }

    // Entries at the same rounded place (0.01 degree) share one marker, which lists them all: a cluster.
    function groupByPlace(markers) {
        var groups = {};
        markers.forEach(function (m) {
            var key = m.lat + ',' + m.lon;
            (groups[key] = groups[key] || []).push(m);
        });
        return Object.keys(groups).map(function (key) { return groups[key]; });
    }

    function popup(group) {
        var box = document.createElement('div');
        group.forEach(function (m) {
            var item = document.createElement('p');
            item.appendChild(text('strong', m.pseudonym));
            if (m.place) {
                item.appendChild(document.createTextNode(' · ' + m.place));
            }
            item.appendChild(document.createElement('br'));
            item.appendChild(document.createTextNode(m.badges.join(', ')));
            item.appendChild(document.createElement('br'));
            var link = text('a', element.dataset.contactLabel || '✉');
            link.href = m.contact;
            item.appendChild(link);
            box.appendChild(item);
        });
        return box;
    }

    fetch(element.dataset.results, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
        .then(function (response) {
            if (!response.ok) {
                throw new Error('HTTP ' + response.status);
            }
            return response.json();
        })
        .then(function (markers) {
            if (message) {
                message.remove();
            }
            var map = L.map(element, { scrollWheelZoom: false });
            // The attribution is shown under the map as plain text by the page: Leaflet's would be HTML.
            L.tileLayer(element.dataset.tileUrl, { maxZoom: 14, attribution: '' }).addTo(map);
            var bounds = [];
            groupByPlace(markers).forEach(function (group) {
                var at = [Number(group[0].lat), Number(group[0].lon)];
                bounds.push(at);
                L.circleMarker(at, { radius: Math.min(8 + 2 * group.length, 24), className: 'territory-marker' })
                    .bindTooltip(String(group.length))
                    .bindPopup(popup(group))
                    .addTo(map);
            });
            if (bounds.length > 0) {
                map.fitBounds(bounds, { maxZoom: 11, padding: [30, 30] });
            } else {
                map.setView([46.6, 2.4], 5);
            }
            element.dataset.markers = String(bounds.length);
        })
        .catch(function () {
            if (message) {
                message.textContent = element.dataset.failed || message.textContent;
            }
        });
})();
