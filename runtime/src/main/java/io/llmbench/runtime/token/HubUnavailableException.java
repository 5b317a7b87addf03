package io.llmbench.runtime.token;

/** A file could not be had from the Hub or its caches; the message says why in a few words. */
public final class HubUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a file could not be had, which decides the advice given to the user. */
    public enum Reason {
        /** {@code HF_HUB_OFFLINE} is set and the file is not cached. */
        OFFLINE_NOT_CACHED,
        /** 401 or 403: the repository is gated, private or (for anonymous requests) missing. */
        UNAUTHORIZED,
        /** 404: no such repository or no such file in it. */
        NOT_FOUND,
        /** A download ended before all of its announced bytes arrived. */
        TRUNCATED,
        /** The Hub could not be reached or the transfer broke. */
        NETWORK,
        /** Any other answer. */
        HTTP_ERROR
    }

    private final Reason reason;

    public HubUnavailableException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public HubUnavailableException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** Why the file could not be had. */
    public Reason reason() {
        return reason;
    }
}
