package app.wasmcloud.api.security;

public enum Role {
    ADMIN,
    USER
}
