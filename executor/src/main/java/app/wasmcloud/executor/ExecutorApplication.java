package app.wasmcloud.executor;

import app.wasmcloud.contract.SecretsProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

@SpringBootApplication
@ConfigurationPropertiesScan
// The secrets' settings are the contract's: one record for the service that seals and the one that opens.
@EnableConfigurationProperties(SecretsProperties.class)
public class ExecutorApplication {

    public static void main(String[] args) {
        SpringApplication.run(ExecutorApplication.class, args);
    }
}
