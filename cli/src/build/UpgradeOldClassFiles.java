import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Build step of the CLI's jar (run by the source launcher from cli/pom.xml): rewrites every class file older than
 * Java 6 in the jar as a Java 8 class file with stack maps, in place; all other entries are copied unchanged.
 *
 * <p>Why: picocli and ASM ship Java 5 class files. The JVM verifies those with the old inference verifier on every
 * start and leaves them out of the ahead-of-time cache the launcher records ("Old class has been linked"), so they
 * were the largest part of `wasmcloud run`'s start-up that no cache held. With stack maps (which this computes, as
 * javac would have) they are verified by the type-checking verifier at the cache's assembly and loaded linked from
 * the cache afterwards. Only the version and the stack maps change; the bytecode is the same. A class the generator
 * cannot handle (a jsr/ret subroutine) fails the build rather than shipping half-converted.
 *
 * <p>Usage: {@code java UpgradeOldClassFiles.java JAR}
 */
public final class UpgradeOldClassFiles {
    /** Class files before Java 6 (major 50) have no stack maps. */
    private static final int FIRST_WITH_STACK_MAPS = ClassFile.JAVA_6_VERSION;

    public static void main(String[] args) throws IOException {
        Path jar = Path.of(args[0]);
        Path upgraded = jar.resolveSibling(jar.getFileName() + ".upgrading");
        int count = 0;
        try (URLClassLoader jarClasses = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
                ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(upgraded))) {
            // Stack maps name the common superclass where branches meet; it is found in the jar itself, or the JDK.
            ClassFile classFile = ClassFile.of(
                    ClassFile.StackMapsOption.GENERATE_STACK_MAPS,
                    ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.defaultResolver()
                            .orElse(ClassHierarchyResolver.ofResourceParsing(jarClasses))
                            .cached()));
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().endsWith(".class") && majorVersion(bytes) < FIRST_WITH_STACK_MAPS) {
                    bytes = upgrade(classFile, bytes, entry.getName());
                    count++;
                }
                copy(entry, bytes, out);
            }
        }
        Files.move(upgraded, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("Upgraded " + count + " class files older than Java 6 in " + jar.getFileName());
    }

    private static int majorVersion(byte[] classFile) {
        return classFile.length < 8 ? Integer.MAX_VALUE : (classFile[6] & 0xff) << 8 | (classFile[7] & 0xff);
    }

    private static byte[] upgrade(ClassFile classFile, byte[] bytes, String name) {
        ClassTransform newVersion = (builder, element) -> {
            if (element instanceof ClassFileVersion) {
                builder.withVersion(ClassFile.JAVA_8_VERSION, 0);
            } else {
                builder.with(element);
            }
        };
        try {
            // Passing every method body through a code transform makes the writer rebuild it, with stack maps.
            return classFile.transformClass(
                    classFile.parse(bytes),
                    newVersion.andThen(ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("cannot upgrade " + name + ": " + e.getMessage(), e);
        }
    }

    private static void copy(ZipEntry entry, byte[] bytes, ZipOutputStream out) throws IOException {
        ZipEntry copy = new ZipEntry(entry.getName());
        copy.setTime(entry.getTime());
        out.putNextEntry(copy);
        out.write(bytes);
        out.closeEntry();
    }
}
