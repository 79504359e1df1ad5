package dev.softmaxexplorer.web.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartQueueTest {

    @Test
    void outsideAFrameAChartIsDrawnAtOnce() {
        List<String> done = new ArrayList<>();
        ChartQueue.later(() -> done.add("chart"));
        assertEquals(List.of("chart"), done);
    }

    @Test
    void aFramesChartsComeAfterAllItsViewsInTheOrderAsked() {
        List<String> done = new ArrayList<>();
        ChartQueue.collect(() -> {
            done.add("text of view 1");
            ChartQueue.later(() -> done.add("chart of view 1"));
            done.add("text of view 2");
            ChartQueue.later(() -> {
                done.add("chart of view 2");
                // A chart that asks for another while the charts are drawn gets it at once.
                ChartQueue.later(() -> done.add("inner chart"));
            });
            // A nested frame's views belong to the outer frame.
            ChartQueue.collect(() -> ChartQueue.later(() -> done.add("chart of view 3")));
            done.add("text of view 3");
        });
        assertEquals(List.of("text of view 1", "text of view 2", "text of view 3", "chart of view 1",
                "chart of view 2", "inner chart", "chart of view 3"), done);
    }

    @Test
    void aViewThatThrowsLeavesNoChartForALaterFrame() {
        List<String> done = new ArrayList<>();
        assertThrows(IllegalStateException.class, () -> ChartQueue.collect(() -> {
            ChartQueue.later(() -> done.add("half a frame"));
            throw new IllegalStateException("a view failed");
        }));
        ChartQueue.collect(() -> ChartQueue.later(() -> done.add("next frame")));
        assertEquals(List.of("next frame"), done);
        ChartQueue.later(() -> done.add("outside"));
        assertEquals(List.of("next frame", "outside"), done);
    }
}
