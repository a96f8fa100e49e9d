// Keeps the check-in page itself on the phone, so it opens without signal; the API always goes
// to the network (the page queues what it cannot send).
var CACHE = 'keng-v1';
var SHELL = ['/keng', '/keng/app.js', '/keng/manifest.webmanifest', '/keng/icon.svg'];
self.addEventListener('install', function (e) {
  e.waitUntil(caches.open(CACHE).then(function (c) { return c.addAll(SHELL); }).then(function () { return self.skipWaiting(); }));
});
self.addEventListener('activate', function (e) {
  e.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== CACHE; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});
self.addEventListener('fetch', function (e) {
  var url = new URL(e.request.url);
  if (e.request.method !== 'GET' || SHELL.indexOf(url.pathname) < 0) return;
  // Network first, so a new version arrives; the cached shell when there is no signal.
  e.respondWith(fetch(e.request).then(function (r) {
    var copy = r.clone();
    caches.open(CACHE).then(function (c) { c.put(e.request, copy); });
    return r;
  }).catch(function () { return caches.match(e.request); }));
});
