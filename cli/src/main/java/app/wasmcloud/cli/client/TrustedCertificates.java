package app.wasmcloud.cli.client;

import app.wasmcloud.cli.CliException;
import app.wasmcloud.cli.ExitCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * TLS that trusts the JDK's certificate authorities plus those in a PEM bundle (a private or development CA).
 * Verification stays on: there is deliberately no way to trust everything.
 */
public final class TrustedCertificates {
    private TrustedCertificates() {}

    public static SSLContext sslContext(Path pemBundle) {
        Collection<? extends Certificate> extra = read(pemBundle);
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int index = 0;
            for (X509Certificate authority : defaultTrustManager().getAcceptedIssuers()) {
                store.setCertificateEntry("jdk-" + index++, authority);
            }
            for (Certificate certificate : extra) {
                store.setCertificateEntry("extra-" + index++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new CliException(ExitCode.FAILURE, "cannot set up TLS with " + pemBundle + ": " + e.getMessage(), e);
        }
    }

    private static Collection<? extends Certificate> read(Path pemBundle) {
        try (InputStream in = Files.newInputStream(pemBundle)) {
            Collection<? extends Certificate> certificates =
                    CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new CliException(ExitCode.USAGE, "no certificates found in " + pemBundle);
            }
            return certificates;
        } catch (IOException e) {
            throw new CliException(ExitCode.USAGE, "cannot read CA certificates from " + pemBundle + ": " + e, e);
        } catch (GeneralSecurityException e) {
            throw new CliException(
                    ExitCode.USAGE, pemBundle + " is not a PEM certificate bundle: " + e.getMessage(), e);
        }
    }

    private static X509TrustManager defaultTrustManager() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("the JDK has no X.509 trust manager");
    }
}
