package app.wasmcloud.runtime.internal;

import app.wasmcloud.runtime.ModuleLimits;
import app.wasmcloud.runtime.internal.WasmReader.Malformed;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The sizes of a module's parts, read from its bytes before Chicory parses it: Chicory's parser and compiler have
 * steps that grow with the square of some of them (see bench/chicory-br-table), so they are bounded first, in one
 * linear pass that allocates nothing per instruction.
 *
 * @param overLimits one sentence per limit broken, naming the limit, where, the value and the limit
 * @param malformed why the bytes are not a module this platform can read, if they are not
 * @param beyondJvmMethod functions (by wasm index, imports counted) whose branches alone need more than a JVM
 *     method's 64 KiB of bytecode: Chicory would emit them in full, quadratically, before falling back to
 *     interpreting them, so they are interpreted from the start
 */
public record ModuleStructure(List<String> overLimits, Optional<String> malformed, Set<Integer> beyondJvmMethod) {

    private static final int MAX_REASONS = 10;
    private static final int JVM_MAX_METHOD_BYTES = 65_535;
    /** The smallest JVM encoding of one branch target: a 3-byte goto or if, or a 4-byte tableswitch entry. */
    private static final int JVM_BYTES_PER_BRANCH = 3;

    private static final int IMPORT = 2;
    private static final int FUNCTION = 3;
    private static final int TABLE = 4;
    private static final int CODE = 10;
    private static final int DATA = 11;

    public static ModuleStructure of(byte[] wasm, ModuleLimits limits) {
        var scan = new Scan(wasm, limits);
        try {
            scan.module();
        } catch (Malformed e) {
            return new ModuleStructure(scan.reasons(), Optional.of(e.getMessage()), Set.copyOf(scan.beyondJvmMethod));
        }
        return new ModuleStructure(scan.reasons(), Optional.empty(), Set.copyOf(scan.beyondJvmMethod));
    }

    private static final class Scan {
        private final byte[] wasm;
        private final ModuleLimits limits;
        private final CodeScanner code;
        private final List<String> overLimits = new ArrayList<>();
        private final Set<Integer> beyondJvmMethod = new HashSet<>();
        private int importedFunctions;
        private int overLimitCount;

        Scan(byte[] wasm, ModuleLimits limits) {
            this.wasm = wasm;
            this.limits = limits;
            this.code = new CodeScanner(limits.maxNestingDepth());
        }

        void module() throws Malformed {
            if (wasm.length < 8 || wasm[4] != 1 || wasm[5] != 0 || wasm[6] != 0 || wasm[7] != 0) {
                throw new Malformed("unknown binary version (this platform reads version 1)");
            }
            var in = new WasmReader(wasm, 8, wasm.length); // after the magic number and the version
            while (in.hasMore()) {
                int id = in.u8();
                long size = in.u32();
                int sectionEnd = Math.toIntExact(Math.min((long) in.position() + size, Integer.MAX_VALUE));
                int moduleEnd = in.limit(sectionEnd);
                switch (id) {
                    case IMPORT -> imports(in);
                    case FUNCTION -> over(in.u32(), limits.maxFunctions(), "functions", "the module defines");
                    case TABLE -> tables(in);
                    case CODE -> bodies(in);
                    case DATA -> over(in.u32(), limits.maxDataSegments(), "data segments", "the module has");
                    default -> {}
                }
                in.seek(sectionEnd);
                in.limit(moduleEnd);
            }
        }

        private void imports(WasmReader in) throws Malformed {
            long count = in.u32();
            for (long i = 0; i < count; i++) {
                in.skipName();
                in.skipName();
                int kind = in.u8();
                switch (kind) {
                    case 0x00 -> {
                        in.u32();
                        importedFunctions++;
                    }
                    case 0x01 -> {
                        in.skipValueType();
                        table(in, "imported table");
                    }
                    case 0x02 -> limitsMinimum(in);
                    case 0x03 -> {
                        in.skipValueType();
                        in.u8();
                    }
                    case 0x04 -> {
                        in.u8();
                        in.u32();
                    }
                    default -> throw new Malformed("unknown import kind " + kind);
                }
            }
        }

        private void tables(WasmReader in) throws Malformed {
            long count = in.u32();
            for (long i = 0; i < count; i++) {
                boolean initialized = in.peek() == 0x40; // 0x40 0x00, then the type, limits and an initializer
                if (initialized) {
                    in.skip(2);
                }
                in.skipValueType();
                table(in, "table " + i);
                if (initialized) {
                    code.scan(in);
                }
            }
        }

        private void table(WasmReader in, String which) throws Malformed {
            over(limitsMinimum(in), limits.maxTableElements(), "table elements", which + " starts with");
        }

        /** Reads limits (flags, minimum, maybe a maximum) and returns the minimum. */
        private static long limitsMinimum(WasmReader in) throws Malformed {
            int flags = in.u8();
            long minimum = in.u64();
            if ((flags & 0x01) != 0) {
                in.u64();
            }
            return minimum;
        }

        private void bodies(WasmReader in) throws Malformed {
            long count = in.u32();
            for (long i = 0; i < count; i++) {
                int index = Math.toIntExact(importedFunctions + i);
                String function = "function " + index;
                long size = in.u32();
                int bodyEnd = Math.toIntExact(Math.min(in.position() + size, Integer.MAX_VALUE));
                int sectionEnd = in.limit(bodyEnd);
                if (!over(size, limits.maxFunctionBodyBytes(), "function body bytes", function + " has")) {
                    body(in, function, index);
                }
                in.seek(bodyEnd);
                in.limit(sectionEnd);
            }
        }

        private void body(WasmReader in, String function, int index) throws Malformed {
            long locals = 0;
            long groups = in.u32();
            for (long g = 0; g < groups && locals <= limits.maxLocals(); g++) {
                locals += in.u32();
                in.skipValueType();
            }
            if (over(locals, limits.maxLocals(), "locals", function + " declares")) {
                return;
            }
            CodeScanner.Shape shape = code.scan(in);
            over(shape.maxDepth(), limits.maxNestingDepth(), "nesting depth", function + " nests blocks to a depth of");
            over(
                    shape.largestBrTable(),
                    limits.maxBrTableTargets(),
                    "br_table targets",
                    function + " has a br_table of");
            over(
                    shape.mostLoopsInOneBlock(),
                    limits.maxLoopsPerBlock(),
                    "loops per block",
                    function + " has a block of");
            if (shape.branchTargets() * JVM_BYTES_PER_BRANCH > JVM_MAX_METHOD_BYTES) {
                beyondJvmMethod.add(index);
            }
        }

        /** Records a broken limit; returns whether it was broken. */
        private boolean over(long value, int limit, String what, String subject) {
            if (value <= limit) {
                return false;
            }
            overLimitCount++;
            if (overLimits.size() < MAX_REASONS) {
                overLimits.add("over the limit on " + what + ": " + subject + " " + value + " " + unit(what)
                        + ", the limit is " + limit);
            }
            return true;
        }

        private static String unit(String what) {
            return switch (what) {
                case "function body bytes" -> "bytes";
                case "nesting depth" -> "blocks";
                case "br_table targets" -> "targets";
                case "loops per block" -> "loops";
                default -> what;
            };
        }

        List<String> reasons() {
            List<String> reasons = new ArrayList<>(overLimits);
            if (overLimitCount > overLimits.size()) {
                reasons.add("and " + (overLimitCount - overLimits.size()) + " more over a limit");
            }
            return List.copyOf(reasons);
        }
    }
}
