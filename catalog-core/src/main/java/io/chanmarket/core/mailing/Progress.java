package io.chanmarket.core.mailing;

import java.util.List;

/**
 * Recipients of a mailing by outcome, and the reasons of failures.
 *
 * @param pending
 *            still to send (including waiting for a retry)
 * @param sending
 *            being sent now
 * @param unknown
 *            the sender stopped during the call: maybe delivered, never resent
 * @param cancelled
 *            not sent because the mailing was cancelled
 */
public record Progress(long total, long pending, long sending, long delivered, long blocked, long failed, long unknown,
        long cancelled, List<Reason> failureReasons) {

    /** One failure reason and how many recipients had it. */
    public record Reason(String reason, long count) {
    }

    public long done() {
        return total - pending - sending;
    }

    /** Share handled so far, 0..100. */
    public int percent() {
        return total == 0 ? 100 : (int) (done() * 100 / total);
    }
}
