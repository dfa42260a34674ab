package app.wasmcloud.api;

import app.wasmcloud.testsupport.PackageCycles;
import org.junit.jupiter.api.Test;

class PackageCyclesTest {

    @Test
    void featurePackagesDependOnEachOtherInOneDirectionOnly() {
        PackageCycles.assertNone("app.wasmcloud.api");
    }
}
