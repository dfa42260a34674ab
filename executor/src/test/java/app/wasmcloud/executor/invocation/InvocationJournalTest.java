package app.wasmcloud.executor.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.contract.InvocationFacts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/** The journal's lines are flat JSON rows, so segments left by an earlier executor replay after an upgrade. */
class InvocationJournalTest {

    private static final UUID ID = UUID.fromString("0190f3c4-0000-7000-8000-000000000001");
    private static final UUID REQUEST = UUID.fromString("0190f3c4-0000-7000-8000-000000000002");

    @TempDir
    Path directory;

    private final JsonMapper json = JsonMapper.builder().build();

    private InvocationJournal journal() {
        return new InvocationJournal(new InvocationJournalProperties(directory, DataSize.ofMegabytes(1)), json);
    }

    @Test
    void aRowComesBackAsItWasJournaled() {
        InvocationRow row = new InvocationRow(
                ID,
                7,
                9,
                new InvocationFacts(
                        "async", Instant.parse("2026-12-04T08:00:00Z"), 1200, 800, 200, "ok", 0, 5, 11, 2, REQUEST, 3),
                "{\"log\":1}",
                "warned",
                "[]",
                null);

        assertThat(journal().append(List.of(row))).isTrue();

        assertThat(journal().oldest().orElseThrow().rows()).containsExactly(row);
    }

    @Test
    void aSegmentInTheFlatShapeOfEarlierExecutorsIsRead() throws Exception {
        Files.writeString(
                directory.resolve("0000000000000000001-000000000.jsonl"), """
                {"id":"%s","functionId":7,"versionId":9,"source":"run","startedAt":"2026-12-04T08:00:00Z",\
                "wallTimeUs":1200,"cpuTimeUs":800,"httpStatus":502,"outcome":"trap","exitCode":null,"bytesIn":5,\
                "bytesOut":11,"peakMemoryPages":2,"hostCalls":"{}","stderr":"","logLines":"[]",\
                "trapMessage":"unreachable","asyncRequestId":null,"attempt":null}
                """.formatted(ID), StandardCharsets.UTF_8);

        InvocationJournal.Segment segment = journal().oldest().orElseThrow();

        assertThat(segment.unreadable()).isZero();
        InvocationRow row = segment.rows().getFirst();
        assertThat(row.facts())
                .isEqualTo(new InvocationFacts(
                        "run",
                        Instant.parse("2026-12-04T08:00:00Z"),
                        1200,
                        800,
                        502,
                        "trap",
                        null,
                        5,
                        11,
                        2,
                        null,
                        null));
        assertThat(row.trapMessage()).isEqualTo("unreachable");
        assertThat(row.functionId()).isEqualTo(7);
    }
}
