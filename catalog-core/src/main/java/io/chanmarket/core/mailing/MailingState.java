package io.chanmarket.core.mailing;

/** Where a mailing is: edited as a draft, sending (running), paused, cancelled, or done. */
public enum MailingState {
    DRAFT, RUNNING, PAUSED, CANCELLED, DONE
}
