// Test stand-in for telegram-web-app.js: builds Telegram.WebApp from the URL fragment like the real script,
// and records BackButton, haptics and links so browser tests can check them.
(function () {
  var p = new URLSearchParams(location.hash.slice(1));
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
  window.__opened = [];
  window.Telegram = { WebApp: {
    initData: initData, initDataUnsafe: unsafe, themeParams: theme, colorScheme: 'light',
    ready: function () { window.__ready = true; }, expand: function () {},
    BackButton: back,
    HapticFeedback: { impactOccurred: function () { window.__haptics++; } },
    openTelegramLink: function (u) { window.__opened.push(u); }
  } };
})();
