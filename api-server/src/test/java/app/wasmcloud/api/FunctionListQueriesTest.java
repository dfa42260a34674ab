package app.wasmcloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import java.net.http.HttpResponse;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The function list reads every active version in one query, however many functions there are. */
class FunctionListQueriesTest extends ApiTestBase {

    @Autowired
    EntityManagerFactory entityManagers;

    @Test
    void listingFiveFunctionsTakesNoMoreStatementsThanListingOne() throws Exception {
        String one = userToken(uniqueName("lists-one"));
        deployHello(one, "listed");
        String five = userToken(uniqueName("lists-five"));
        for (int i = 0; i < 5; i++) {
            deployHello(five, "listed");
        }
        Statistics statistics = entityManagers.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        try {
            long forOne = fewestStatements(statistics, one, 1);
            long forFive = fewestStatements(statistics, five, 5);

            assertThat(forFive)
                    .as("statements for five functions, against %d for one", forOne)
                    .isEqualTo(forOne);
        } finally {
            statistics.setStatisticsEnabled(false);
        }
    }

    /**
     * The statements one list request prepares, the fewest of three: the counter is the whole application's, and
     * background work can only add to it.
     */
    private long fewestStatements(Statistics statistics, String token, int functions) throws Exception {
        long fewest = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3; attempt++) {
            long before = statistics.getPrepareStatementCount();
            HttpResponse<String> list = get("/api/functions", token);
            long statements = statistics.getPrepareStatementCount() - before;

            assertThat(list.statusCode()).isEqualTo(200);
            JsonNode listed = body(list);
            assertThat(listed).hasSize(functions);
            listed.forEach(function ->
                    assertThat(function.get("activeVersion").asInt()).isEqualTo(1));
            fewest = Math.min(fewest, statements);
        }
        return fewest;
    }
}
