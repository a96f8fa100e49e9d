// Báo đánh kẻng: one tap per village and night. Works offline: a tap is queued on the phone
// with its own time and an idempotency key, and sent (and re-sent) until the server answers.
'use strict';
(function () {
  var QUEUE = 'keng.queue', LIST = 'keng.villages';
  var $ = function (id) { return document.getElementById(id); };
  var csrf = null, list = null, notice = '';

  function load(key, dflt) { try { return JSON.parse(localStorage.getItem(key)) || dflt; } catch (e) { return dflt; } }
  function queued() { return load(QUEUE, []).filter(function (c) { return c && c.path && c.body; }); }
  function save(key, value) { localStorage.setItem(key, JSON.stringify(value)); }
  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }
  // The night whose gong is due: in Vietnam's time, before 06:00 it is still last night.
  function currentNight() {
    var d = new Date(Date.now() - 6 * 3600e3);
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  }
  function dmy(night) { return night.split('-').reverse().join('/'); }
  function hm(iso) { return new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit' }).format(new Date(iso)); }
  // A late strike is recorded, and the striker is told it counts as late (by the tap's own time).
  function late(c) { return c.on_time === false ? ', muộn ' + c.late_minutes + ' phút so với 22 giờ' : ''; }
  function status(text, kind) { var s = $('status'); s.textContent = text; s.className = 'status' + (kind ? ' status--' + kind : ''); }

  function api(method, path, body) {
    var headers = { accept: 'application/json' };
    if (body) headers['content-type'] = 'application/json';
    if (csrf && method !== 'GET') headers['x-csrf-token'] = csrf;
    return fetch(path, { method: method, headers: headers, credentials: 'same-origin', body: body ? JSON.stringify(body) : undefined })
      .then(function (r) { return r.json().catch(function () { return {}; }).then(function (b) { return { status: r.status, body: b }; }); });
  }

  // The server takes a strike between 18:00 and 06:00 (Vietnam's time).
  function inWindow() {
    var h = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', hourCycle: 'h23' }).format(new Date()));
    return h >= 18 || h < 6;
  }

  function render() {
    var night = currentNight(), queue = queued(), open = inWindow();
    $('night').textContent = open ? 'Đêm ' + dmy(night) + ': bấm khi đã đánh kẻng 22 giờ' : 'Báo đánh kẻng từ 18 giờ đến 6 giờ sáng.';
    var ul = $('villages');
    ul.textContent = '';
    (list ? list.villages : load(LIST, [])).forEach(function (v) {
      var queued = queue.filter(function (c) { return c.body.villageId === v.id && c.body.night === night; })[0];
      var done = list && list.night === night && v.struck_at;
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'strike' + (queued ? ' strike--queued' : '');
      b.disabled = !!(done || queued || !open);
      b.setAttribute('data-village', v.id);
      b.textContent = v.name;
      var small = document.createElement('small');
      small.textContent = done ? 'Đã báo lúc ' + hm(v.struck_at) + late(v) : queued ? 'Đã ghi lúc ' + hm(queued.body.struckAt) + ', chờ gửi' : v.commune_name + ' · Bấm để báo đã đánh kẻng';
      b.appendChild(small);
      b.onclick = function () { strike(v, night); };
      var li = document.createElement('li');
      li.appendChild(b);
      ul.appendChild(li);
    });
  }

  function strike(v, night) {
    notice = '';
    var queue = queued();
    queue.push({ path: '/api/gong-checkins', body: { villageId: v.id, night: night, struckAt: new Date().toISOString(), idempotencyKey: uuid() } });
    save(QUEUE, queue);
    render();
    flush();
  }

  var flushing = false;
  function flush() {
    if (flushing) return Promise.resolve();
    var queue = queued();
    if (!queue.length) return refresh();
    if (!navigator.onLine) { status('Chưa có mạng: ' + queue.length + ' lần báo đã lưu trên máy, sẽ tự gửi khi có mạng.', 'offline'); return Promise.resolve(); }
    flushing = true;
    var c = queue[0];
    return api('POST', c.path, c.body).then(function (r) {
      flushing = false;
      if (r.status === 401) return showLogin('Phiên đăng nhập đã hết, hãy đăng nhập lại để gửi ' + queue.length + ' lần báo đã lưu.');
      if (r.status === 403 && r.body.error && r.body.error.code === 'CSRF') return me();
      // The server could not take it now: it stays queued for the next try.
      if (r.status >= 500 || r.status === 429) return status('Máy chủ chưa nhận được, sẽ tự gửi lại sau.', 'offline');
      // Sent, found again (a replay), or refused for good: it leaves the queue; the server's word is shown.
      save(QUEUE, queued().filter(function (x) { return x.body.idempotencyKey !== c.body.idempotencyKey; }));
      if (r.status >= 400) status(r.body.error ? r.body.error.message : 'Không gửi được (mã ' + r.status + ')', 'error');
      else if (r.body.checkin) notice = checkinNotice(c.body.villageId, r.body.checkin);
      else if (c.path === '/api/alarms') notice = 'Đã phát báo động, đã báo cho ' + r.body.recipients + ' người nhận.';
      return flush();
    }, function () {
      flushing = false;
      status('Mất kết nối: lần báo đã lưu trên máy, sẽ tự gửi lại.', 'offline');
    });
  }

  function checkinNotice(villageId, c) {
    var v = (list ? list.villages : load(LIST, [])).filter(function (x) { return x.id === villageId; })[0];
    var said = c.on_time ? 'Đã ghi nhận — đánh đúng giờ (' + hm(c.struck_at) + ').' : 'Đã ghi nhận — đánh muộn ' + c.late_minutes + ' phút (lúc ' + hm(c.struck_at) + '; đúng giờ là 22 giờ, chậm nhất 22 giờ 15).';
    return (v ? v.name + ': ' : '') + said;
  }

  function refresh() {
    return api('GET', '/api/gong-checkins/villages?night=' + currentNight()).then(function (r) {
      if (r.status !== 200) return;
      list = r.body;
      save(LIST, list.villages);
      var n = list.villages.filter(function (v) { return v.struck_at; }).length;
      status(notice + (notice ? ' ' : '') + (list.villages.length ? 'Đã báo kẻng ' + n + '/' + list.villages.length + ' thôn đêm nay.' : 'Tài khoản chưa được giao thôn nào để báo đánh kẻng.'));
      render();
    }, function () { render(); });
  }

  function showLogin(message) {
    $('strike').hidden = true; $('logout').hidden = true; $('login').hidden = false;
    status(message || 'Đăng nhập để báo đánh kẻng.');
  }
  function showStrike() { $('login').hidden = true; $('strike').hidden = false; $('logout').hidden = false; render(); }

  function me() {
    return api('GET', '/api/auth/me').then(function (r) {
      if (r.status === 200) { csrf = r.body.csrfToken; showStrike(); return flush(); }
      if (r.status === 401) return showLogin();
    }, function () {
      // Offline at start: the last list and the queue still work.
      showStrike();
      status('Chưa có mạng: bấm vẫn được ghi trên máy và tự gửi khi có mạng.', 'offline');
    });
  }

  function showAlarm(open) {
    $('alarm').hidden = !open; $('strike').hidden = open;
    if (!open) return;
    var select = $('alarm-village');
    select.textContent = '';
    (list ? list.villages : load(LIST, [])).forEach(function (v) {
      var o = document.createElement('option'); o.value = v.id; o.textContent = v.name + ' (' + v.commune_name + ')'; select.appendChild(o);
    });
  }
  $('alarm-open').onclick = function () { showAlarm(true); };
  $('alarm-cancel').onclick = function () { showAlarm(false); };
  $('alarm').onsubmit = function (e) {
    e.preventDefault();
    var f = e.target;
    var queue = queued();
    queue.push({ path: '/api/alarms', body: { villageId: Number(f.village.value), kind: f.kind.value, description: f.description.value.trim(), publicDetails: !f.withhold.checked, occurredAt: new Date().toISOString(), idempotencyKey: uuid() } });
    save(QUEUE, queue);
    f.reset();
    showAlarm(false);
    status(navigator.onLine ? 'Đang phát báo động…' : 'Chưa có mạng: báo động đã lưu trên máy, sẽ tự gửi khi có mạng.', navigator.onLine ? '' : 'offline');
    flush();
  };

  $('login').onsubmit = function (e) {
    e.preventDefault();
    var f = e.target;
    api('POST', '/api/auth/login', { username: f.username.value.trim(), password: f.password.value }).then(function (r) {
      if (r.status !== 200) return status(r.body.error ? r.body.error.message : 'Không đăng nhập được', 'error');
      csrf = r.body.csrfToken; f.password.value = '';
      showStrike(); flush();
    }, function () { status('Không kết nối được máy chủ.', 'error'); });
  };
  $('logout').onclick = function () {
    api('POST', '/api/auth/logout', {}).then(function () { csrf = null; list = null; showLogin(); });
  };
  window.addEventListener('online', function () { flush(); });
  setInterval(function () { if (queued().length) flush(); }, 30000);
  if ('serviceWorker' in navigator) navigator.serviceWorker.register('/keng/sw.js', { scope: '/keng' }).catch(function () {});
  me();
})();
