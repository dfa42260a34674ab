package app.wasmcloud.runtime;

/**
 * How big the parts of a module may be, checked on its bytes before it is parsed or compiled, so that a small upload
 * cannot buy minutes of compiling or gigabytes of heap. The defaults are those of the WebAssembly JS API (what every
 * browser accepts, so real programs fit them) where the cost here grows linearly, and tighter where it does not.
 *
 * @param maxFunctionBodyBytes bytes of one function's code (the JS API allows 7,654,321; a body this size is
 *     already interpreted, since a JVM method holds 64 KiB of bytecode)
 * @param maxBrTableTargets targets of one {@code br_table}, its default included (V8 allows 65,520)
 * @param maxLocals locals one function declares, parameters not included (the JS API's 50,000)
 * @param maxNestingDepth blocks, loops and ifs open at once inside one function (a C {@code switch} of n cases
 *     nests n blocks)
 * @param maxLoopsPerBlock loops directly inside one block: Chicory 1.7.5's parser rescans a block's children at
 *     the end of each loop in it, so this is what bounds that quadratic step
 * @param maxFunctions functions the module defines (each becomes a JVM method; the JS API allows 1,000,000)
 * @param maxTableElements initial elements of one table (each instance allocates them; the JS API allows 10,000,000)
 * @param maxDataSegments data segments (the JS API's 100,000)
 */
public record ModuleLimits(
        int maxFunctionBodyBytes,
        int maxBrTableTargets,
        int maxLocals,
        int maxNestingDepth,
        int maxLoopsPerBlock,
        int maxFunctions,
        int maxTableElements,
        int maxDataSegments) {

    /** 1 MiB bodies, 65,520 br_table targets, 50,000 locals, depth 10,000, 1,000 loops per block, 100,000 functions,
     *  1,000,000 table elements, 100,000 data segments. */
    public static final ModuleLimits DEFAULTS =
            new ModuleLimits(1 << 20, 65_520, 50_000, 10_000, 1_000, 100_000, 1_000_000, 100_000);

    public ModuleLimits {
        requirePositive("maxFunctionBodyBytes", maxFunctionBodyBytes);
        requirePositive("maxBrTableTargets", maxBrTableTargets);
        requirePositive("maxLocals", maxLocals);
        requirePositive("maxNestingDepth", maxNestingDepth);
        requirePositive("maxLoopsPerBlock", maxLoopsPerBlock);
        requirePositive("maxFunctions", maxFunctions);
        requirePositive("maxTableElements", maxTableElements);
        requirePositive("maxDataSegments", maxDataSegments);
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
    }
}
