import java.lang.management.ManagementFactory;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The cause, without Chicory: ASM alone, emitting {@code n} jumps to one label that is not yet placed. Each jump is
 * recorded in the label's forward-reference array, which grows by a fixed 6 ints, so emitting the jumps copies
 * O(n²) ints. Placing the label once per jump (backward jumps) is linear, for comparison.
 *
 * <p>Run: {@code java -cp "$(cat cp.txt)" AsmForwardJumps.java 10000 50000 100000 200000}
 */
public final class AsmForwardJumps {

    public static void main(String[] args) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        System.out.printf("%9s %9s %10s %14s%n", "jumps", "direction", "emit ms", "allocated MiB");
        for (String arg : args) {
            int jumps = Integer.parseInt(arg);
            for (boolean forward : new boolean[] {true, false}) {
                long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
                long started = System.nanoTime();
                emit(jumps, forward);
                long elapsed = System.nanoTime() - started;
                long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
                System.out.printf("%9d %9s %10d %14d%n", jumps, forward ? "forward" : "backward", elapsed / 1_000_000,
                        allocated >> 20);
            }
        }
    }

    /** One method with {@code jumps} {@code ifeq} instructions to one label; no frames, so only emitting is timed. */
    private static void emit(int jumps, boolean forward) {
        var writer = new ClassWriter(0);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "Jumps", null, "java/lang/Object", null);
        MethodVisitor method = writer.visitMethod(Opcodes.ACC_STATIC, "jumps", "()V", null, null);
        method.visitCode();
        Label target = new Label();
        if (!forward) {
            method.visitLabel(target);
        }
        for (int i = 0; i < jumps; i++) {
            method.visitInsn(Opcodes.ICONST_0);
            method.visitJumpInsn(Opcodes.IFEQ, target);
        }
        if (forward) {
            method.visitLabel(target);
        }
        method.visitInsn(Opcodes.RETURN);
        method.visitMaxs(1, 0);
        method.visitEnd();
    }
}
