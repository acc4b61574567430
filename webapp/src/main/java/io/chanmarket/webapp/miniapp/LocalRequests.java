package io.chanmarket.webapp.miniapp;

import io.micronaut.http.HttpRequest;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Whether a request comes straight from this machine: a loopback peer address and no header a proxy adds. A request
 * through a reverse proxy on the same machine carries forwarding headers, so it is not local.
 */
public final class LocalRequests {

    private static final List<String> FORWARDING_HEADERS = List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Host",
            "X-Forwarded-Proto", "X-Forwarded-Port", "X-Forwarded-Server", "X-Real-IP", "Via", "True-Client-IP",
            "CF-Connecting-IP");

    private LocalRequests() {
    }

    public static boolean isLocal(HttpRequest<?> request) {
        for (String header : FORWARDING_HEADERS) {
            if (request.getHeaders().contains(header)) {
                return false;
            }
        }
        InetSocketAddress peer = request.getRemoteAddress();
        return peer != null && peer.getAddress() != null && peer.getAddress().isLoopbackAddress();
    }
}
