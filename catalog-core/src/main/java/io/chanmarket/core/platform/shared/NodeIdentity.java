package io.chanmarket.core.platform.shared;

import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.util.UUID;

/** A name for this process, unique across nodes; the owner name used for leases. */
@Singleton
public class NodeIdentity {

    private final String id;

    public NodeIdentity() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "node";
        }
        this.id = host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String id() {
        return id;
    }
}
