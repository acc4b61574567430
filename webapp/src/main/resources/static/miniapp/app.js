// Mini App client: initData on every htmx request, Telegram theme, BackButton, haptics, deep-link start.
(function () {
  var tg = window.Telegram && window.Telegram.WebApp;
  var hash = new URLSearchParams(location.hash.slice(1));
  var initData = (tg && tg.initData) || hash.get('tgWebAppData') || '';
  var start = (tg && tg.initDataUnsafe && tg.initDataUnsafe.start_param) || hash.get('tgWebAppStartParam')
    || new URLSearchParams(location.search).get('tgWebAppStartParam')
    || new URLSearchParams(location.search).get('startapp') || '';
  var root = document.documentElement;
  if (tg) {
    tg.ready();
    tg.expand();
  } else {
    // No Telegram script (plain browser, or it failed to load): apply the theme from the URL ourselves.
    try {
      var theme = JSON.parse(hash.get('tgWebAppThemeParams') || '{}');
      Object.keys(theme).forEach(function (k) { root.style.setProperty('--tg-theme-' + k.replace(/_/g, '-'), theme[k]); });
    } catch (e) { /* keep the CSS fallbacks */ }
  }
  if (!window.htmx) return;
  htmx.config.historyCacheSize = 0; // private pages stay out of localStorage; misses reload with auth
  // 422: a form answered with its messages next to the fields, shown like a page.
  htmx.config.responseHandling = [{ code: '204', swap: false }, { code: '[234]..', swap: true, error: false },
    { code: '422', swap: true, error: false },
    { code: '...', swap: false, error: true }];
  var body = document.body;
  body.addEventListener('htmx:configRequest', function (e) {
    if (initData) e.detail.headers['Authorization'] = 'tma ' + initData;
  });
  body.addEventListener('htmx:historyCacheMiss', function (e) {
    if (initData) e.detail.xhr.setRequestHeader('Authorization', 'tma ' + initData);
  });
  var depth = 0;
  function syncBack() {
    if (!tg || !tg.BackButton) return;
    if (depth > 0 || location.pathname !== '/app') tg.BackButton.show(); else tg.BackButton.hide();
  }
  if (tg && tg.BackButton) {
    tg.BackButton.onClick(function () {
      if (depth > 0) { history.back(); return; }
      htmx.ajax('GET', '/app', { target: '#view', swap: 'innerHTML' }).then(function () {
        history.replaceState(null, '', '/app');
        syncBack();
      });
    });
  }
  body.addEventListener('htmx:pushedIntoHistory', function () { depth++; syncBack(); });
  window.addEventListener('popstate', function () { depth = Math.max(0, depth - 1); });
  body.addEventListener('htmx:historyRestore', syncBack);
  body.addEventListener('htmx:afterSwap', syncBack);
  body.addEventListener('htmx:replacedInHistory', syncBack);
  document.addEventListener('click', function (e) {
    var h = e.target.closest && e.target.closest('[data-haptic]');
    if (tg && tg.HapticFeedback && h) {
      var kind = h.getAttribute('data-haptic');
      if (kind === 'success') tg.HapticFeedback.notificationOccurred('success');
      else tg.HapticFeedback.impactOccurred('light');
    }
  });
  // Links that leave the app go through Telegram: t.me opens the chat/channel in Telegram, others the browser.
  document.addEventListener('click', function (e) {
    var a = e.target.closest && e.target.closest('a[href]');
    if (!a || e.defaultPrevented) return;
    var u;
    try { u = new URL(a.getAttribute('href'), location.href); } catch (x) { return; }
    if (u.origin === location.origin || !/^https?:$/.test(u.protocol)) return;
    e.preventDefault();
    e.stopPropagation();
    openOutside(u);
  }, true);
  function openOutside(u) {
    if (u.hostname === 't.me' && tg && tg.openTelegramLink) tg.openTelegramLink(u.href);
    else if (tg && tg.openLink) tg.openLink(u.href);
    else window.open(u.href, '_blank', 'noopener');
  }
  // A sponsored card with the advertiser's link: the tap opens it (in the same gesture, as Telegram requires; in the
  // capture phase, before any handler of the page can stop the event) and htmx still posts the click.
  document.addEventListener('click', function (e) {
    var el = e.target.closest && e.target.closest('[data-open-link]');
    if (!el) return;
    try { openOutside(new URL(el.getAttribute('data-open-link'))); } catch (x) { /* not an address */ }
  }, true);
  // The page's primary action (e.g. "Contact manager" on a card) on Telegram's MainButton.
  var mainAction = null;
  function syncMainButton() {
    var mb = tg && tg.MainButton;
    if (!mb) return;
    root.classList.add('has-mb');
    var el = document.querySelector('#view [data-main-button]');
    if (mainAction) { mb.offClick(mainAction); mainAction = null; }
    if (!el) { mb.hide(); return; }
    mainAction = function () {
      if (tg.HapticFeedback) tg.HapticFeedback.impactOccurred('medium');
      htmx.ajax('POST', el.getAttribute('data-main-button'), { source: el, swap: 'none' });
    };
    mb.setText(el.getAttribute('data-main-text'));
    mb.onClick(mainAction);
    mb.show();
  }
  // Feedback: a progress bar for requests over 150 ms, a retry toast when the network fails.
  var slow = null, pending = 0;
  body.addEventListener('htmx:beforeRequest', function () {
    pending++;
    if (!slow) slow = setTimeout(function () { root.classList.add('loading-now'); }, 150);
  });
  body.addEventListener('htmx:afterRequest', function () {
    pending = Math.max(0, pending - 1);
    if (pending === 0) { clearTimeout(slow); slow = null; root.classList.remove('loading-now'); }
  });
  function toast() { return document.getElementById('toast'); }
  var retry = null;
  body.addEventListener('htmx:sendError', function (e) {
    var d = e.detail, elt = d.elt, cfg = d.requestConfig || {};
    retry = function () {
      if (elt && elt.tagName === 'A' && document.body.contains(elt)) { elt.click(); return; }
      htmx.ajax(cfg.verb || 'GET', cfg.path, { source: elt, target: d.target || '#view' });
    };
    if (toast()) toast().hidden = false;
    if (tg && tg.HapticFeedback) tg.HapticFeedback.notificationOccurred('error');
  });
  document.addEventListener('click', function (e) {
    if (!e.target.closest || !e.target.closest('#toast button')) return;
    toast().hidden = true;
    if (retry) retry();
  });
  body.addEventListener('htmx:afterSwap', function (e) {
    if (toast() && e.detail.target && e.detail.target.id === 'view') toast().hidden = true;
  });
  // The tab bar's current-tab marker follows the URL.
  function syncTabs() {
    var p = location.pathname, cur = p.indexOf('/app/favorites') === 0 ? 'favorites'
      : p.indexOf('/app/compare') === 0 ? 'compare' : p.indexOf('/app/profile') === 0 ? 'profile' : 'home';
    document.querySelectorAll('.tabs a').forEach(function (a) {
      if (a.getAttribute('data-tab') === cur) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
    });
  }
  body.addEventListener('htmx:afterSettle', syncTabs);
  body.addEventListener('htmx:historyRestore', syncTabs);
  window.addEventListener('popstate', function () { setTimeout(syncTabs, 0); });
  body.addEventListener('htmx:afterSettle', syncMainButton);
  body.addEventListener('htmx:historyRestore', syncMainButton);
  body.addEventListener('openTelegramLink', function (e) {
    var url = e.detail.value;
    if (tg && tg.openTelegramLink) tg.openTelegramLink(url); else window.open(url, '_blank');
  });
  var view = document.getElementById('view');
  if (view && view.getAttribute('data-filled') !== '1') {
    var path = location.pathname.replace(/\/$/, '');
    var url = path === '/app' || path === '' ? '/app/start?payload=' + encodeURIComponent(start) : path + location.search;
    htmx.ajax('GET', url, { target: '#view', swap: 'innerHTML' });
    // The shell's tab bar speaks the browser's language; the user's Telegram language comes with initData.
    fetch('/app/tabs', { headers: { 'Authorization': 'tma ' + initData, 'HX-Request': 'true' } })
      .then(function (r) { return r.ok ? r.text() : null; }).then(function (html) {
        if (!html) return;
        var t = document.createElement('template');
        t.innerHTML = html;
        ['.tabs', '#toast'].forEach(function (sel) {
          var fresh = t.content.querySelector(sel), old = document.querySelector(sel);
          if (fresh && old) { fresh.removeAttribute('hx-swap-oob'); old.replaceWith(fresh); htmx.process(fresh); }
        });
        syncTabs();
      }).catch(function () { /* keep the browser-language labels */ });
  }
  syncBack();
  syncTabs();
  syncMainButton();
})();
