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
    if (tg && tg.HapticFeedback && e.target.closest && e.target.closest('[data-haptic]')) {
      tg.HapticFeedback.impactOccurred('light');
    }
  });
  body.addEventListener('openTelegramLink', function (e) {
    var url = e.detail.value;
    if (tg && tg.openTelegramLink) tg.openTelegramLink(url); else window.open(url, '_blank');
  });
  var view = document.getElementById('view');
  if (view && view.getAttribute('data-filled') !== '1') {
    var path = location.pathname.replace(/\/$/, '');
    var url = path === '/app' || path === '' ? '/app/start?payload=' + encodeURIComponent(start) : path + location.search;
    htmx.ajax('GET', url, { target: '#view', swap: 'innerHTML' });
  }
  syncBack();
})();
