package io.chanmarket.webapp.ads.bench;

import io.chanmarket.webapp.ads.AdApi;
import io.micronaut.core.type.Argument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ad engine's public data set (PROD 2025 open test): clients, advertisers, campaigns (each with its advertiser) and
 * ML scores, read from a folder or from the test resources under {@code /ads/}.
 */
public record DataSet(List<Map<String, Object>> clients, List<Map<String, Object>> advertisers,
        List<Map<String, Object>> campaigns, List<Map<String, Object>> scores) {

    public static DataSet fromResources() {
        return new DataSet(AdApi.resourceList("bulk_clients.json"), AdApi.resourceList("advertisers.json"),
                AdApi.resourceList("campaigns.json"), AdApi.resourceList("ml_scores.json"));
    }

    public static DataSet fromDirectory(Path dir) {
        return new DataSet(file(dir.resolve("bulk_clients.json")), file(dir.resolve("advertisers.json")),
                file(dir.resolve("campaigns.json")), file(dir.resolve("ml_scores.json")));
    }

    private static List<Map<String, Object>> file(Path path) {
        try {
            return AdApi.read(Files.readString(path), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same data limited to the first {@code n} clients and their ML scores (quicker tests). */
    public DataSet firstClients(int n) {
        List<Map<String, Object>> kept = clients.subList(0, Math.min(n, clients.size()));
        java.util.Set<Object> ids = kept.stream().map(c -> c.get("client_id"))
                .collect(java.util.stream.Collectors.toSet());
        return new DataSet(kept, advertisers, campaigns,
                scores.stream().filter(s -> ids.contains(s.get("client_id"))).toList());
    }

    /** ML score by client id, then advertiser id. */
    public Map<String, Map<String, Integer>> scoreTable() {
        Map<String, Map<String, Integer>> table = new HashMap<>();
        for (Map<String, Object> score : scores) {
            table.computeIfAbsent((String) score.get("client_id"), k -> new HashMap<>())
                    .put((String) score.get("advertiser_id"), ((Number) score.get("score")).intValue());
        }
        return table;
    }
}
