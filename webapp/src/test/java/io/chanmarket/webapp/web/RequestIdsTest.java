package io.chanmarket.webapp.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.propagation.PropagatedContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class RequestIdsTest {

    private final ExecutorService other = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        other.shutdownNow();
        MDC.clear();
    }

    @Test
    void theIdIsInTheMdcOfTheThreadTheRequestMovesToAndGoneAfter() throws Exception {
        PropagatedContext context = PropagatedContext.empty().plus(new RequestIds.InMdc("req-1"));

        String seen = CompletableFuture.supplyAsync(() -> {
            try (PropagatedContext.Scope scope = context.propagate()) {
                return MDC.get(RequestIds.MDC_KEY);
            }
        }, other).get();
        String after = CompletableFuture.supplyAsync(() -> MDC.get(RequestIds.MDC_KEY), other).get();

        assertThat(seen).isEqualTo("req-1");
        assertThat(after).isNull();
    }

    @Test
    void aNestedRequestRestoresTheOuterIdAndLeavesOtherKeysAlone() {
        MDC.put("job", "mailing-7");
        try (PropagatedContext.Scope outer = PropagatedContext.empty().plus(new RequestIds.InMdc("outer"))
                .propagate()) {
            try (PropagatedContext.Scope inner = PropagatedContext.get().plus(new RequestIds.InMdc("inner"))
                    .propagate()) {
                assertThat(MDC.get(RequestIds.MDC_KEY)).isEqualTo("inner");
            }
            assertThat(MDC.get(RequestIds.MDC_KEY)).isEqualTo("outer");
        }
        assertThat(MDC.get(RequestIds.MDC_KEY)).isNull();
        assertThat(MDC.get("job")).isEqualTo("mailing-7");
    }
}
