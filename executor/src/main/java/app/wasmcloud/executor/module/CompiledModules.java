package app.wasmcloud.executor.module;

import app.wasmcloud.executor.ExecutorProperties;
import app.wasmcloud.executor.function.ActiveFunction;
import app.wasmcloud.runtime.InvalidModuleException;
import app.wasmcloud.runtime.WasmFunction;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import org.springframework.stereotype.Component;

/**
 * Compiled modules by hash and entrypoint: each module is fetched, verified and compiled once, and concurrent first
 * requests wait for the same compilation instead of repeating it.
 */
@Component
public class CompiledModules {

    private final ModuleSource source;
    private final int maxMemoryPages;
    private final ConcurrentMap<String, CompletableFuture<WasmFunction>> compiled = new ConcurrentHashMap<>();

    CompiledModules(ModuleSource source, ExecutorProperties properties) {
        this.source = source;
        this.maxMemoryPages = properties.maxMemoryPages();
    }

    public WasmFunction get(ActiveFunction function) throws ModuleUnavailableException {
        String key = function.sha256() + '/' + function.entrypoint();
        CompletableFuture<WasmFunction> mine = new CompletableFuture<>();
        CompletableFuture<WasmFunction> existing = compiled.putIfAbsent(key, mine);
        if (existing == null) {
            try {
                mine.complete(load(function));
            } catch (ModuleUnavailableException | RuntimeException e) {
                compiled.remove(key, mine);
                mine.completeExceptionally(e);
            }
            existing = mine;
        }
        try {
            return existing.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ModuleUnavailableException unavailable) {
                throw unavailable;
            }
            throw new ModuleUnavailableException("compiling module " + function.sha256() + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModuleUnavailableException("interrupted while waiting for module " + function.sha256(), e);
        }
    }

    private WasmFunction load(ActiveFunction function) throws ModuleUnavailableException {
        byte[] bytes;
        try {
            bytes = source.fetch(function.sha256());
        } catch (IOException e) {
            throw new ModuleUnavailableException("module " + function.sha256() + " cannot be fetched", e);
        }
        if (!sha256(bytes).equals(function.sha256())) {
            throw new ModuleUnavailableException("module " + function.sha256() + " does not match its hash", null);
        }
        try {
            return WasmFunction.load(bytes, function.entrypoint(), maxMemoryPages);
        } catch (InvalidModuleException e) {
            throw new ModuleUnavailableException("module " + function.sha256() + " is invalid: " + e.getMessage(), e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
