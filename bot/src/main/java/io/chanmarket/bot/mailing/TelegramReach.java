package io.chanmarket.bot.mailing;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Call;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * Tells a Bot API call that never reached Telegram from one that may have. An OkHttp network interceptor runs only once
 * a connection is open and the request is about to be written; an application interceptor around the whole call turns
 * an I/O failure of a call that never got that far into {@link NotSent} (connection refused, DNS failure, connect
 * timeout). Such a call surely delivered nothing and may be retried; any other failure without an answer is an unknown
 * outcome. OkHttp's silent retry on connection failures is off, so a request is never written twice.
 */
final class TelegramReach {

    private TelegramReach() {
    }

    /** The call failed before its request was written: nothing reached Telegram. */
    static final class NotSent extends IOException {

        private static final long serialVersionUID = 1L;

        NotSent(IOException cause) {
            super(describe(cause), cause);
        }
    }

    /** An HTTP client for the Bot API whose failures tell {@link NotSent} from unknown outcomes. */
    static OkHttpClient client(int maxInFlight, Duration connectTimeout, Duration callTimeout) {
        Set<Call> written = ConcurrentHashMap.newKeySet();
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(Math.max(64, maxInFlight * 2));
        dispatcher.setMaxRequestsPerHost(Math.max(5, maxInFlight * 2));
        return new OkHttpClient.Builder().dispatcher(dispatcher).retryOnConnectionFailure(false)
                .connectTimeout(connectTimeout).readTimeout(callTimeout).writeTimeout(callTimeout)
                .callTimeout(callTimeout.plus(connectTimeout)).addInterceptor(chain -> {
                    try {
                        return chain.proceed(chain.request());
                    } catch (IOException e) {
                        if (!written.contains(chain.call())) {
                            throw new NotSent(e);
                        }
                        throw e;
                    } finally {
                        written.remove(chain.call());
                    }
                }).addNetworkInterceptor(chain -> {
                    written.add(chain.call());
                    return chain.proceed(chain.request());
                }).build();
    }

    /** Whether {@code failure} (or a cause of it) is a call that never reached Telegram. */
    static boolean notSent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof NotSent) {
                return true;
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException) {
                return true; // a connect-phase failure, even if it reached us unwrapped
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** A short, stable description of a failure for reports and logs (the root cause's kind and message). */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        String kind;
        if (root instanceof ConnectException) {
            kind = "connection refused";
        } else if (root instanceof UnknownHostException) {
            kind = "DNS lookup failed";
        } else if (root instanceof NoRouteToHostException) {
            kind = "no route to host";
        } else if (root instanceof java.net.SocketTimeoutException) {
            kind = "timeout";
        } else {
            kind = root.getClass().getSimpleName();
        }
        String text = kind + message;
        return text.length() > 200 ? text.substring(0, 200) : text;
    }
}
