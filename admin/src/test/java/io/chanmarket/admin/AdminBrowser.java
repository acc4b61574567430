package io.chanmarket.admin;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like client of the admin panel over real HTTP: keeps the session cookie and the page's CSRF token. */
public final class AdminBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("cm_admin_session=([^;]*)");

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private String session;
    private String csrf;
    private String acceptLanguage = "en";
    private String username;

    public AdminBrowser(URI base) {
        this.base = base;
    }

    public AdminBrowser language(String language) {
        this.acceptLanguage = language;
        return this;
    }

    /** Uses {@code session} as the session cookie, as a stolen or forged cookie would be used. */
    public AdminBrowser withSession(String session) {
        this.session = session;
        return this;
    }

    public String csrf() {
        return csrf;
    }

    public String session() {
        return session;
    }

    /** Signs in and opens the start page (which gives the CSRF token). */
    public String username() {
        return username;
    }

    public AdminBrowser signIn(String username, String password) {
        this.username = username;
        HttpResponse<String> response = postFormAnonymous("/admin/login",
                Map.of("username", username, "password", password));
        if (response.statusCode() != 303) {
            throw new AssertionError("sign-in of " + username + " failed: " + response.statusCode());
        }
        get("/admin");
        return this;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    public HttpResponse<String> getHtmx(String path) {
        return send(request(path).header("HX-Request", "true").GET().build());
    }

    /** Posts a form with the page's CSRF token in the {@code _csrf} field. */
    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf != null) {
            all.putIfAbsent("_csrf", csrf);
        }
        return postFormAnonymous(path, all);
    }

    /** Posts a form exactly as given (no CSRF token added). */
    public HttpResponse<String> postFormAnonymous(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** An htmx post: the token goes in the {@code X-CSRF-Token} header, as {@code hx-headers} sends it. */
    public HttpResponse<String> postHtmx(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .header("HX-Request", "true").header("X-CSRF-Token", csrf == null ? "" : csrf)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Uploads one file as multipart, with the CSRF token in the {@code X-CSRF-Token} header. */
    public HttpResponse<String> upload(String path, Map<String, String> fields, String fileField, String fileName,
            byte[] content) {
        String boundary = "----cm" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n");
        }
        write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        out.writeBytes(content);
        write(out, "\r\n--" + boundary + "--\r\n");
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-CSRF-Token", csrf == null ? "" : csrf)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build());
    }

    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).header("Accept-Language",
                acceptLanguage);
        if (session != null && !session.isEmpty()) {
            builder.header("Cookie", "cm_admin_session=" + session);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            for (String cookie : response.headers().allValues("Set-Cookie")) {
                Matcher m = SESSION.matcher(cookie);
                if (m.find()) {
                    session = m.group(1);
                }
            }
            Matcher m = CSRF.matcher(response.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return response;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
