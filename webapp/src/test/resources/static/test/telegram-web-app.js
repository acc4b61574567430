// Test stand-in for telegram-web-app.js: builds Telegram.WebApp from the URL fragment like the real script,
// and records BackButton, haptics and links so browser tests can check them.
(function () {
  // Like the real script, the launch parameters survive in sessionStorage, so a reload after the app changed the URL
  // (htmx history) still has initData.
  var p = new URLSearchParams(location.hash.slice(1));
  if (p.get('tgWebAppData')) sessionStorage.setItem('__test_tg_params', location.hash.slice(1));
  else p = new URLSearchParams(sessionStorage.getItem('__test_tg_params') || '');
  var initData = p.get('tgWebAppData') || '';
  var unsafe = {};
  new URLSearchParams(initData).forEach(function (v, k) {
    try { unsafe[k] = k === 'user' ? JSON.parse(v) : v; } catch (e) { unsafe[k] = v; }
  });
  var theme = {};
  try { theme = JSON.parse(p.get('tgWebAppThemeParams') || '{}'); } catch (e) { theme = {}; }
  Object.keys(theme).forEach(function (k) {
    document.documentElement.style.setProperty('--tg-theme-' + k.replace(/_/g, '-'), theme[k]);
  });
  var back = {
    isVisible: false, handlers: [],
    show: function () { this.isVisible = true; }, hide: function () { this.isVisible = false; },
    onClick: function (f) { this.handlers.push(f); },
    _click: function () { this.handlers.forEach(function (f) { f(); }); }
  };
  window.__haptics = 0;
  window.__notifications = [];
  window.__opened = [];
  window.__links = [];
  var main = {
    isVisible: false, text: '', handlers: [],
    setText: function (t) { this.text = t; return this; }, show: function () { this.isVisible = true; return this; },
    hide: function () { this.isVisible = false; return this; },
    onClick: function (f) { this.handlers.push(f); return this; },
    offClick: function (f) { this.handlers = this.handlers.filter(function (h) { return h !== f; }); return this; },
    _click: function () { this.handlers.forEach(function (f) { f(); }); }
  };
  window.Telegram = { WebApp: {
    initData: initData, initDataUnsafe: unsafe, themeParams: theme, colorScheme: 'light',
    ready: function () { window.__ready = true; }, expand: function () {},
    BackButton: back,
    MainButton: main,
    HapticFeedback: { impactOccurred: function () { window.__haptics++; },
      notificationOccurred: function (t) { window.__haptics++; window.__notifications.push(t); } },
    openTelegramLink: function (u) { window.__opened.push(u); },
    openLink: function (u) { window.__links.push(u); }
  } };
})();
