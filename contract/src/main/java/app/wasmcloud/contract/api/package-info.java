/**
 * The API's reply shapes: the api-server writes these records as JSON and the CLI reads them back, so a field added or
 * renamed is one change that both sides compile against. The OpenAPI annotations are for the api-server's document;
 * their jar is optional here, and the JVM skips an annotation whose class is absent, so the CLI does not carry it.
 */
package app.wasmcloud.contract.api;
