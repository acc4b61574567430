package io.chanmarket.core.mailing;

import java.util.List;

/**
 * Recipients of a mailing by outcome, and the reasons of failures.
 *
 * @param pending
 *            still to send (including waiting for a retry, and those not sent because Telegram was unreachable)
 * @param sending
 *            being sent now
 * @param unknown
 *            the request may have reached Telegram but no answer came (or the sender stopped during the call): maybe
 *            delivered, never resent
 * @param cancelled
 *            not sent because the mailing was cancelled
 * @param notSent
 *            a test copy that never reached Telegram (final; a mailing's recipients stay pending instead)
 * @param waitingAfterUnreachable
 *            of {@code pending}: recipients whose last try never reached Telegram (to be retried)
 */
public record Progress(long total, long pending, long sending, long delivered, long blocked, long failed, long unknown,
        long cancelled, long notSent, long waitingAfterUnreachable, List<Reason> failureReasons) {

    /**
     * One reason and how many recipients had it. Reasons are stored as {@code code: detail}; the code (e.g.
     * {@code unreachable}, {@code no-answer}, {@code refused}) is translated in the admin, the detail shown as is.
     */
    public record Reason(String reason, long count) {

        public String code() {
            int colon = reason.indexOf(':');
            return colon < 0 ? reason : reason.substring(0, colon);
        }

        public String detail() {
            int colon = reason.indexOf(':');
            return colon < 0 ? "" : reason.substring(colon + 1).trim();
        }
    }

    public long done() {
        return total - pending - sending;
    }

    /** Every recipient that did not get the message for sure and will not get it from this mailing as it stands. */
    public long notSentTotal() {
        return pending + sending + cancelled + notSent;
    }

    /** Share with a final outcome so far, 0..100. */
    public int percent() {
        return total == 0 ? 100 : (int) (done() * 100 / total);
    }
}
