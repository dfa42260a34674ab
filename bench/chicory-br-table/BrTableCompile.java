import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.util.Set;

/**
 * Reproducer: Chicory's compiler takes time quadratic in the number of branch targets that point at one label.
 *
 * <p>Builds, in memory, a module with one function {@code block; i32.const 0; br_table 0 0 ... 0; end} (or, with
 * {@code br_if}, a block of {@code i32.const 0; br_if 0} pairs), parses it, and compiles it with Chicory's runtime
 * compiler, printing the wasm size, parse time, compile time and the bytes the compiling thread allocated.
 *
 * <p>Run: {@code java -cp "$(cat cp.txt)" BrTableCompile.java br_table 10000 50000 100000 200000}
 */
public final class BrTableCompile {

    public static void main(String[] args) {
        String shape = args.length > 0 ? args[0] : "br_table";
        boolean interpretUpFront = Boolean.getBoolean("interpretUpFront");
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        System.out.printf("%-9s %9s %10s %9s %11s %14s%n", "shape", "targets", "wasm bytes", "parse ms", "compile ms",
                "allocated MiB");
        for (int i = 1; i < args.length; i++) {
            int targets = Integer.parseInt(args[i]);
            byte[] wasm = switch (shape) {
                case "br_if" -> brIfModule(targets);
                case "loops" -> siblingLoopsModule(targets);
                default -> brTableModule(targets);
            };
            long t0 = System.nanoTime();
            WasmModule module = Parser.parse(wasm);
            long t1 = System.nanoTime();
            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            var builder = MachineFactoryCompiler.builder(module);
            if (interpretUpFront) {
                builder.withInterpretedFunctions(Set.of(0)).withInterpreterFallback(InterpreterFallback.FAIL);
            } else {
                builder.withInterpreterFallback(InterpreterFallback.SILENT);
            }
            builder.compile();
            long t2 = System.nanoTime();
            long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
            System.out.printf("%-9s %9d %10d %9d %11d %14d%n", shape, targets, wasm.length, (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000, allocated >> 20);
        }
    }

    /** {@code (func (export "_start") (block (br_table 0 0 ... 0 (i32.const 0))))}, targets + 1 entries. */
    static byte[] brTableModule(int targets) {
        var body = new ByteArrayOutputStream();
        body.write(0x00); // no locals
        body.write(0x02); // block
        body.write(0x40); // with no result
        body.write(0x41); // i32.const
        body.write(0x00); // 0
        body.write(0x0e); // br_table
        leb(body, targets);
        for (int i = 0; i <= targets; i++) { // the targets, then the default
            body.write(0x00);
        }
        body.write(0x0b); // end block
        body.write(0x0b); // end function
        return module(body.toByteArray());
    }

    /** {@code (func (export "_start") (block (br_if 0 (i32.const 0)) ... ))}, one br_if per target. */
    static byte[] brIfModule(int targets) {
        var body = new ByteArrayOutputStream();
        body.write(0x00);
        body.write(0x02);
        body.write(0x40);
        for (int i = 0; i < targets; i++) {
            body.write(0x41); // i32.const 0
            body.write(0x00);
            body.write(0x0d); // br_if 0
            body.write(0x00);
        }
        body.write(0x0b);
        body.write(0x0b);
        return module(body.toByteArray());
    }

    /** {@code (func (export "_start") (loop) (loop) ... )}: sibling loops, which the parser's control tree rescans. */
    static byte[] siblingLoopsModule(int loops) {
        var body = new ByteArrayOutputStream();
        body.write(0x00);
        for (int i = 0; i < loops; i++) {
            body.write(0x03); // loop
            body.write(0x40); // with no result
            body.write(0x0b); // end
        }
        body.write(0x0b);
        return module(body.toByteArray());
    }

    private static byte[] module(byte[] body) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00});
        section(out, 1, new byte[] {0x01, 0x60, 0x00, 0x00}); // one type: [] -> []
        section(out, 3, new byte[] {0x01, 0x00}); // one function of type 0
        section(out, 7, new byte[] {0x01, 0x06, '_', 's', 't', 'a', 'r', 't', 0x00, 0x00}); // export it as _start
        var code = new ByteArrayOutputStream();
        code.write(0x01); // one body
        leb(code, body.length);
        code.writeBytes(body);
        section(out, 10, code.toByteArray());
        return out.toByteArray();
    }

    private static void section(ByteArrayOutputStream out, int id, byte[] content) {
        out.write(id);
        leb(out, content.length);
        out.writeBytes(content);
    }

    private static void leb(ByteArrayOutputStream out, int value) {
        do {
            int low = value & 0x7f;
            value >>>= 7;
            out.write(value == 0 ? low : low | 0x80);
        } while (value != 0);
    }
}
