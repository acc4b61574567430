package io.chanmarket.core.platform.roles;

import io.chanmarket.core.platform.shared.NodeIdentity;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Says at start-up which parts this node runs, so operators can see a node's job at a glance. */
@Singleton
class RolesStartupLog {

    private static final Logger LOG = LoggerFactory.getLogger(RolesStartupLog.class);

    private final AppRoles roles;
    private final NodeIdentity node;

    RolesStartupLog(AppRoles roles, NodeIdentity node) {
        this.roles = roles;
        this.node = node;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        LOG.info("Node {} runs: {}", node.id(), roles.describe());
    }
}
