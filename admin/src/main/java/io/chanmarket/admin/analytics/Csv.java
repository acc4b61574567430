package io.chanmarket.admin.analytics;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import java.util.List;
import java.util.stream.Collectors;

/** A CSV download (RFC 4180 quoting, UTF-8). */
public final class Csv {

    private Csv() {
    }

    public static MutableHttpResponse<String> download(String fileName, List<List<Object>> rows) {
        String body = rows.stream().map(row -> row.stream().map(Csv::cell).collect(Collectors.joining(",")))
                .collect(Collectors.joining("\r\n", "", "\r\n"));
        return HttpResponse.ok(body).contentType("text/csv; charset=utf-8").header("Content-Disposition",
                "attachment; filename=\"" + fileName + "\"");
    }

    private static String cell(Object value) {
        String s = value == null ? "" : value.toString();
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
