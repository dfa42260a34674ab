package app.wasmcloud.runtime.internal;

import app.wasmcloud.runtime.internal.WasmReader.Malformed;

/**
 * Walks the instructions of one function body (or constant expression) without building them, measuring what makes
 * Chicory 1.7.5 slow: how deep blocks nest, the largest {@code br_table}, how many loops share one block, and how
 * many branches the function has. Every immediate is skipped by its encoding, so one pass costs a few nanoseconds a
 * byte and nothing per instruction.
 */
final class CodeScanner {

    /** What one body contains. */
    record Shape(int maxDepth, long largestBrTable, long mostLoopsInOneBlock, long branchTargets) {}

    /** Loops seen directly inside each open block, indexed by depth; sized to the nesting limit once. */
    private final long[] loopsAtDepth;

    CodeScanner(int maxNestingDepth) {
        this.loopsAtDepth = new long[maxNestingDepth + 1];
    }

    /**
     * Reads instructions up to the {@code end} that closes the body. Nesting beyond the limit stops the walk there
     * (the depth is then reported as one over it): the limit is broken whatever follows.
     */
    Shape scan(WasmReader in) throws Malformed {
        int depth = 0;
        int maxDepth = 0;
        long largestBrTable = 0;
        long mostLoops = 0;
        long branchTargets = 0;
        loopsAtDepth[0] = 0;
        while (true) {
            int opcode = in.u8();
            switch (opcode) {
                case 0x02, 0x03, 0x04, 0x06 -> { // block, loop, if, try
                    if (opcode == 0x03) {
                        mostLoops = Math.max(mostLoops, ++loopsAtDepth[depth]);
                    }
                    skipBlockType(in);
                    depth++;
                    if (depth >= loopsAtDepth.length) {
                        return new Shape(depth, largestBrTable, mostLoops, branchTargets);
                    }
                    maxDepth = Math.max(maxDepth, depth);
                    loopsAtDepth[depth] = 0;
                }
                case 0x1f -> { // try_table
                    skipBlockType(in);
                    long catches = in.u32();
                    for (long i = 0; i < catches; i++) {
                        int kind = in.u8();
                        if (kind == 0x00 || kind == 0x01) {
                            in.u32(); // tag
                        }
                        in.u32(); // label
                        branchTargets++;
                    }
                    depth++;
                    if (depth >= loopsAtDepth.length) {
                        return new Shape(depth, largestBrTable, mostLoops, branchTargets);
                    }
                    maxDepth = Math.max(maxDepth, depth);
                    loopsAtDepth[depth] = 0;
                }
                case 0x0b -> { // end
                    if (depth == 0) {
                        return new Shape(maxDepth, largestBrTable, mostLoops, branchTargets);
                    }
                    depth--;
                }
                case 0x0c, 0x0d, 0xd5, 0xd6 -> { // br, br_if, br_on_null, br_on_non_null
                    in.u32();
                    branchTargets++;
                }
                case 0x0e -> { // br_table: the targets, then the default
                    long targets = in.u32() + 1;
                    largestBrTable = Math.max(largestBrTable, targets);
                    branchTargets += targets;
                    for (long i = 0; i < targets; i++) {
                        in.u32();
                    }
                }
                case 0x18 -> { // delegate: closes its try like an end
                    if (depth == 0) {
                        throw new Malformed("delegate outside a try");
                    }
                    in.u32();
                    branchTargets++;
                    depth--;
                }
                case 0x07, 0x08, 0x09, 0x10, 0x12, 0x14, 0x15, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0xd2 ->
                    in.u32(); // catch, throw, rethrow, calls, call_ref, locals, globals, tables, ref.func
                case 0x11, 0x13 -> { // call_indirect, return_call_indirect: type and table
                    in.u32();
                    in.u32();
                }
                case 0x1c -> { // select with types
                    long types = in.u32();
                    for (long i = 0; i < types; i++) {
                        in.skipValueType();
                    }
                }
                case 0x3f, 0x40 -> in.u32(); // memory.size, memory.grow: memory index
                case 0x41, 0x42, 0xd0 -> in.skipLeb(); // i32.const, i64.const, ref.null heap type
                case 0x43 -> in.skip(4); // f32.const
                case 0x44 -> in.skip(8); // f64.const
                case 0xfc -> skipMisc(in);
                case 0xfd -> skipVector(in);
                case 0xfe -> skipAtomic(in);
                default -> {
                    if (opcode >= 0x28 && opcode <= 0x3e) {
                        skipMemoryArgument(in);
                    } else if (!hasNoImmediates(opcode)) {
                        throw new Malformed(String.format("instruction 0x%02x is not one this platform runs", opcode));
                    }
                }
            }
        }
    }

    private static boolean hasNoImmediates(int opcode) {
        return opcode == 0x00 // unreachable
                || opcode == 0x01 // nop
                || opcode == 0x05 // else
                || opcode == 0x0a // throw_ref
                || opcode == 0x0f // return
                || opcode == 0x19 // catch_all
                || opcode == 0x1a // drop
                || opcode == 0x1b // select
                || (opcode >= 0x45 && opcode <= 0xc4) // numeric
                || opcode == 0xd1 // ref.is_null
                || opcode == 0xd3 // ref.eq
                || opcode == 0xd4; // ref.as_non_null
    }

    private static void skipBlockType(WasmReader in) throws Malformed {
        int first = in.peek();
        if ((first & 0x80) != 0 || first < 0x40) {
            in.skipLeb(); // a type index, as a positive s33
        } else {
            in.skipValueType(); // empty (0x40) or a value type
        }
    }

    private static void skipMemoryArgument(WasmReader in) throws Malformed {
        long align = in.u32();
        if ((align & 0x40) != 0) {
            in.u32(); // memory index (multi-memory)
        }
        in.u64(); // offset
    }

    /** The 0xFC prefix: saturating truncations, bulk memory and table instructions. */
    private static void skipMisc(WasmReader in) throws Malformed {
        long code = in.u32();
        if (code <= 7) {
            return;
        }
        int indices = switch ((int) code) {
            case 8, 10, 12, 14 -> 2; // memory.init, memory.copy, table.init, table.copy
            case 9, 11, 13, 15, 16, 17 -> 1; // data.drop, memory.fill, elem.drop, table.grow/size/fill
            default -> throw new Malformed("instruction 0xfc " + code + " is not one this platform runs");
        };
        for (int i = 0; i < indices; i++) {
            in.u32();
        }
    }

    /** The 0xFD prefix: fixed-width SIMD. */
    private static void skipVector(WasmReader in) throws Malformed {
        long code = in.u32();
        if (code <= 11 || code == 92 || code == 93) { // loads, stores, load32_zero, load64_zero
            skipMemoryArgument(in);
        } else if (code == 12 || code == 13) { // v128.const, i8x16.shuffle
            in.skip(16);
        } else if (code >= 21 && code <= 34) { // extract and replace lane
            in.u8();
        } else if (code >= 84 && code <= 91) { // load and store lane
            skipMemoryArgument(in);
            in.u8();
        }
    }

    /** The 0xFE prefix: atomics, all with a memory argument except atomic.fence. */
    private static void skipAtomic(WasmReader in) throws Malformed {
        long code = in.u32();
        if (code == 3) {
            in.u8();
        } else {
            skipMemoryArgument(in);
        }
    }
}
