package app.wasmcloud.api.web;

/**
 * What an upload over its size cap is answered with. The container cuts such an upload off before any controller
 * runs, so the advice asks the feature that owns the cap (module uploads) instead of knowing it itself.
 */
public interface UploadLimit {

    /** The 413 that says what the limit is and how to get under it. */
    ApiException exceeded();
}
