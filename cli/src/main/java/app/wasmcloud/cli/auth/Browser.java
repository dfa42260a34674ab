package app.wasmcloud.cli.auth;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** Opens a page in the user's browser, as well as this machine allows; the caller always prints the URL too. */
final class Browser {
    private Browser() {}

    /**
     * Starts a browser on the page: through the desktop, else through the platform's opener. Returns why neither
     * worked, for the user to read next to the URL, or empty when a browser was (probably) started.
     */
    static Optional<String> open(URI page) {
        Optional<String> desktopRefused = openOnDesktop(page);
        if (desktopRefused.isEmpty()) {
            return desktopRefused;
        }
        return openWithPlatformOpener(page).map(openerRefused -> desktopRefused.get() + "; " + openerRefused);
    }

    private static Optional<String> openOnDesktop(URI page) {
        // AWT only when there is a display: asking a headless JDK for a Desktop is slow and always fails.
        if (GraphicsEnvironment.isHeadless() || !Desktop.isDesktopSupported()) {
            return Optional.of("no desktop to open it on");
        }
        Desktop desktop = Desktop.getDesktop();
        if (!desktop.isSupported(Desktop.Action.BROWSE)) {
            return Optional.of("the desktop cannot open web pages");
        }
        try {
            desktop.browse(page);
            return Optional.empty();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.of("the desktop refused: " + e.getMessage());
        }
    }

    private static Optional<String> openWithPlatformOpener(URI page) {
        String opener =
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac") ? "open" : "xdg-open";
        try {
            new ProcessBuilder(opener, page.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(opener + " could not be started: " + e.getMessage());
        }
    }
}
