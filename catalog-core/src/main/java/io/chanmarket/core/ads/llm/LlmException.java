package io.chanmarket.core.ads.llm;

/** An LLM completion failed; the message is a short reason meant for the API caller, without internals. */
public class LlmException extends RuntimeException {

    public LlmException(String message) {
        super(message, null, false, false);
    }

    /** No chat-completions endpoint is configured ({@code app.ads.llm.base-url} and {@code .model}). */
    public static final class NotConfigured extends LlmException {
        public NotConfigured() {
            super("ad text generation is off: no LLM endpoint is configured (app.ads.llm.base-url and app.ads.llm.model)");
        }
    }
}
