package app.wasmcloud.cli;

import app.wasmcloud.testsupport.PackageCycles;
import org.junit.jupiter.api.Test;

class PackageCyclesTest {

    @Test
    void featurePackagesDependOnEachOtherInOneDirectionOnly() {
        PackageCycles.assertNone("app.wasmcloud.cli");
    }
}
