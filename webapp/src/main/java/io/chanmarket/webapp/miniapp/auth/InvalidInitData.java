package io.chanmarket.webapp.miniapp.auth;

/** initData that must not be trusted; the message says why (for logs, never for the user). */
public class InvalidInitData extends Exception {

    public InvalidInitData(String reason) {
        super(reason);
    }
}
