package app.wasmcloud.cli.auth;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;

/** Opens a page in the user's browser, as well as this machine allows; the caller always prints the URL too. */
final class Browser {
    private Browser() {}

    /** Whether a browser was (probably) started: through the desktop, else through the platform's opener. */
    static boolean open(URI page) {
        return openOnDesktop(page) || openWithPlatformOpener(page);
    }

    private static boolean openOnDesktop(URI page) {
        // AWT only when there is a display: asking a headless JDK for a Desktop is slow and always fails.
        if (GraphicsEnvironment.isHeadless() || !Desktop.isDesktopSupported()) {
            return false;
        }
        Desktop desktop = Desktop.getDesktop();
        if (!desktop.isSupported(Desktop.Action.BROWSE)) {
            return false;
        }
        try {
            desktop.browse(page);
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException desktopRefused) {
            return false;
        }
    }

    private static boolean openWithPlatformOpener(URI page) {
        String opener =
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac") ? "open" : "xdg-open";
        try {
            new ProcessBuilder(opener, page.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return true;
        } catch (IOException noOpener) {
            return false;
        }
    }
}
