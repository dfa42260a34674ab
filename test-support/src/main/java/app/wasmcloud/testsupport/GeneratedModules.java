package app.wasmcloud.testsupport;

import java.io.ByteArrayOutputStream;

/**
 * Wasm modules written byte by byte, for tests that need ones too large to commit: compile bombs and large but
 * ordinary programs. Every module exports function 0 as {@code _start} of type {@code [] -> []} and imports nothing.
 */
public final class GeneratedModules {

    private GeneratedModules() {}

    /** {@code (block (br_table 0 0 ... 0 (i32.const 0)))}: {@code targets} entries, the default included. */
    public static byte[] brTable(int targets) {
        var body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x40, 0x41, 0x00, 0x0e}); // block, i32.const 0, br_table
        leb(body, targets - 1);
        for (int i = 0; i < targets; i++) {
            body.write(0x00);
        }
        body.writeBytes(new byte[] {0x0b, 0x0b}); // end block, end function
        return withBody(0, body.toByteArray());
    }

    /** {@code (block (br_if 0 (i32.const 0)) ...)}: {@code branches} branches to one label not yet placed. */
    public static byte[] brIfs(int branches) {
        var body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x40});
        for (int i = 0; i < branches; i++) {
            body.writeBytes(new byte[] {0x41, 0x00, 0x0d, 0x00});
        }
        body.writeBytes(new byte[] {0x0b, 0x0b});
        return withBody(0, body.toByteArray());
    }

    /** One function of {@code bytes} bytes of code, all {@code nop}. */
    public static byte[] bodyOfSize(int bytes) {
        var body = new byte[bytes - 1]; // the locals' count is the first byte
        java.util.Arrays.fill(body, (byte) 0x01);
        body[body.length - 1] = 0x0b;
        return withBody(0, body);
    }

    /** {@code depth} nested blocks. */
    public static byte[] nested(int depth) {
        var body = new ByteArrayOutputStream();
        for (int i = 0; i < depth; i++) {
            body.writeBytes(new byte[] {0x02, 0x40});
        }
        for (int i = 0; i <= depth; i++) {
            body.write(0x0b);
        }
        return withBody(0, body.toByteArray());
    }

    /** {@code loops} empty loops side by side in the function's own block. */
    public static byte[] siblingLoops(int loops) {
        var body = new ByteArrayOutputStream();
        for (int i = 0; i < loops; i++) {
            body.writeBytes(new byte[] {0x03, 0x40, 0x0b});
        }
        body.write(0x0b);
        return withBody(0, body.toByteArray());
    }

    /** One function declaring {@code locals} i32 locals. */
    public static byte[] locals(int locals) {
        return withBody(locals, new byte[] {0x0b});
    }

    /** {@code functions} functions that do nothing. */
    public static byte[] functions(int functions) {
        return module(functions, new byte[] {0x00, 0x0b}, 0, 0);
    }

    /** A table of {@code elements} funcrefs. */
    public static byte[] table(int elements) {
        return module(1, new byte[] {0x00, 0x0b}, elements, 0);
    }

    /** {@code segments} passive data segments of one byte. */
    public static byte[] dataSegments(int segments) {
        return module(1, new byte[] {0x00, 0x0b}, 0, segments);
    }

    /**
     * An ordinary program of {@code functions} functions, each about a kilobyte: arithmetic on locals, a counted loop,
     * a small {@code br_table} over nested blocks and calls to its neighbour, as a C compiler emits them. Function 0
     * calls nothing, so {@code _start} returns at once.
     */
    public static byte[] ordinaryProgram(int functions) {
        var code = new ByteArrayOutputStream();
        leb(code, functions);
        for (int f = 0; f < functions; f++) {
            byte[] body = ordinaryBody(f);
            leb(code, body.length);
            code.writeBytes(body);
        }
        var out = header();
        section(out, 1, new byte[] {0x01, 0x60, 0x00, 0x00});
        var declarations = new ByteArrayOutputStream();
        leb(declarations, functions);
        for (int f = 0; f < functions; f++) {
            declarations.write(0x00);
        }
        section(out, 3, declarations.toByteArray());
        section(out, 7, START_EXPORT);
        section(out, 10, code.toByteArray());
        return out.toByteArray();
    }

    private static byte[] ordinaryBody(int index) {
        var body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x01, 0x04, 0x7f}); // four i32 locals
        if (index == 0) {
            body.write(0x0b);
            return body.toByteArray();
        }
        for (int block = 0; block < 2; block++) {
            // (loop (local.set 1 (i32.add (local.get 1) (i32.mul (local.get 0) (i32.const 31))))
            //   (br_if 0 (i32.lt_u (local.tee 0 (i32.add (local.get 0) (i32.const 1))) (i32.const 16))))
            body.writeBytes(new byte[] {0x03, 0x40, 0x20, 0x01, 0x20, 0x00, 0x41, 0x1f, 0x6c, 0x6a, 0x21, 0x01});
            body.writeBytes(new byte[] {0x20, 0x00, 0x41, 0x01, 0x6a, 0x22, 0x00, 0x41, 0x10, 0x49, 0x0d, 0x00, 0x0b});
            // a switch over (local.get 1) & 7 of eight cases, nested blocks as clang lowers it
            for (int i = 0; i < 8; i++) {
                body.writeBytes(new byte[] {0x02, 0x40});
            }
            body.writeBytes(new byte[] {0x20, 0x01, 0x41, 0x07, 0x71, 0x0e, 0x07});
            for (int i = 0; i < 8; i++) {
                body.write(i);
            }
            for (int i = 0; i < 8; i++) {
                // end of case i: local.set 2 (i32.xor (local.get 2) (i32.const i*7)), then the block's end
                body.writeBytes(new byte[] {0x0b, 0x20, 0x02, 0x41, (byte) (i * 7), 0x73, 0x21, 0x02});
            }
            for (int i = 0; i < 40; i++) {
                // (local.set 3 (i32.rotl (i32.add (local.get 3) (local.get 2)) (i32.const 5)))
                body.writeBytes(new byte[] {0x20, 0x03, 0x20, 0x02, 0x6a, 0x41, 0x05, 0x77, 0x21, 0x03});
            }
        }
        body.writeBytes(new byte[] {0x10}); // call the previous function, which calls its own, down to 0
        leb(body, index - 1);
        body.write(0x0b);
        return body.toByteArray();
    }

    private static final byte[] START_EXPORT = {0x01, 0x06, '_', 's', 't', 'a', 'r', 't', 0x00, 0x00};

    /** Function 0 with {@code locals} i32 locals and {@code code} after them. */
    private static byte[] withBody(int locals, byte[] code) {
        var body = new ByteArrayOutputStream();
        if (locals == 0) {
            body.write(0x00);
        } else {
            body.write(0x01);
            leb(body, locals);
            body.write(0x7f);
        }
        body.writeBytes(code);
        return module(1, body.toByteArray(), 0, 0);
    }

    private static byte[] module(int functions, byte[] body, int tableElements, int dataSegments) {
        var out = header();
        section(out, 1, new byte[] {0x01, 0x60, 0x00, 0x00}); // one type: [] -> []
        var declarations = new ByteArrayOutputStream();
        leb(declarations, functions);
        for (int f = 0; f < functions; f++) {
            declarations.write(0x00);
        }
        section(out, 3, declarations.toByteArray());
        if (tableElements > 0) {
            var table = new ByteArrayOutputStream();
            table.writeBytes(new byte[] {0x01, 0x70, 0x00}); // one funcref table, no maximum
            leb(table, tableElements);
            section(out, 4, table.toByteArray());
        }
        section(out, 7, START_EXPORT);
        if (dataSegments > 0) {
            var count = new ByteArrayOutputStream();
            leb(count, dataSegments);
            section(out, 12, count.toByteArray());
        }
        var code = new ByteArrayOutputStream();
        leb(code, functions);
        for (int f = 0; f < functions; f++) {
            leb(code, body.length);
            code.writeBytes(body);
        }
        section(out, 10, code.toByteArray());
        if (dataSegments > 0) {
            var data = new ByteArrayOutputStream();
            leb(data, dataSegments);
            for (int s = 0; s < dataSegments; s++) {
                data.writeBytes(new byte[] {0x01, 0x01, 0x2a}); // passive, one byte
            }
            section(out, 11, data.toByteArray());
        }
        return out.toByteArray();
    }

    private static ByteArrayOutputStream header() {
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00});
        return out;
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
