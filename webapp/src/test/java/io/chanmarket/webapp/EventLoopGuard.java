package io.chanmarket.webapp;

import java.util.Locale;
import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * What BlockHound (installed for every test of this module by {@code blockhound-junit-platform}) counts as an
 * event-loop thread, and the few blocking calls it lets pass there; each exemption is explained in
 * {@code docs/event-loop.md}. Netty's own integration (in netty-common) already marks its event-loop threads
 * non-blocking and allows Netty's internal blocking calls; this adds the server's event loops by name, so a change of
 * thread class in Netty cannot switch the guard off unnoticed.
 */
public class EventLoopGuard implements BlockHoundIntegration {

    /** Micronaut names its event-loop threads {@code default-eventLoopGroup-N-M} (older: {@code nioEventLoopGroup}). */
    static boolean eventLoop(Thread thread) {
        return thread.getName().toLowerCase(Locale.ROOT).contains("eventloopgroup");
    }

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.nonBlockingThreadPredicate(current -> current.or(EventLoopGuard::eventLoop));
        // The one exemption (docs/event-loop.md): Micronaut opens a static file found on the classpath on the event
        // loop; from a jar (webjars, and every file of the shaded jar) that reads the jar's local directory and entry.
        builder.allowBlockingCallsInside("io.micronaut.http.server.netty.NettyRequestLifecycle", "findFile");
        // Once per bean and JVM, not per request: a singleton created on the first request that needs it (a filter,
        // its message bundles), and Micronaut's reading of META-INF/services lists from the jars. Without these an
        // error thrown inside a class initializer poisons that class for every later test of the JVM.
        builder.allowBlockingCallsInside("io.micronaut.context.SingletonScope", "getOrCreate");
        // Handing a request to the blocking executor: the work queue's short lock, parked on only when contended.
        builder.allowBlockingCallsInside("java.util.concurrent.ThreadPoolExecutor", "execute");
        builder.allowBlockingCallsInside("io.micronaut.core.io.service.ServiceScanner",
                "computeStandardServiceTypeNames");
    }
}
