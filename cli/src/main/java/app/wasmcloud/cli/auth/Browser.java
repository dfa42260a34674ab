package app.wasmcloud.cli.auth;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;

/** Opens a page in the user's browser, as well as this machine allows; the caller always prints the URL too. */
final class Browser {
    private Browser() {}

    /** Whether a browser was (probably) started. */
    static boolean open(URI page) {
        // AWT only when there is a display: asking a headless JDK for a Desktop is slow and always fails.
        if (!GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()) {
            Desktop desktop = Desktop.getDesktop();
            if (desktop.isSupported(Desktop.Action.BROWSE)) {
                try {
                    desktop.browse(page);
                    return true;
                } catch (IOException | UnsupportedOperationException | SecurityException e) {
                    // Fall through to the platform's opener.
                }
            }
        }
        String opener =
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac") ? "open" : "xdg-open";
        try {
            new ProcessBuilder(opener, page.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
