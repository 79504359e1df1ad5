package dev.softmaxexplorer.web.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Reordering the chain: a step dragged to another place, or moved one place by its arrows. */
class SamplerOrderTest {
    /** Hugging Face's order with typical-p off: temp, topk, topp, minp, -typical. */
    private static final SamplerOrder ORDER = SamplerOrder.HUGGING_FACE.switched(4, false);

    @Test
    void aStepDraggedDownLeavesTheStepsItPassesOnePlaceHigher() {
        assertEquals("temp,topk,topp,minp,-typical", ORDER.linkText());
        assertEquals("topk,topp,minp,temp,-typical", ORDER.movedTo(0, 3).linkText());
        assertEquals("topk,topp,minp,-typical,temp", ORDER.movedTo(0, 4).linkText());
    }

    @Test
    void aStepDraggedUpLeavesTheStepsItPassesOnePlaceLowerAndKeepsItsSwitch() {
        assertEquals("-typical,temp,topk,topp,minp", ORDER.movedTo(4, 0).linkText());
        assertEquals("temp,minp,topk,topp,-typical", ORDER.movedTo(3, 1).linkText());
    }

    @Test
    void aNeighboursPlaceSwapsTheTwo() {
        assertEquals("topk,temp,topp,minp,-typical", ORDER.movedTo(0, 1).linkText());
        assertEquals("temp,topk,topp,-typical,minp", ORDER.movedTo(4, 3).linkText());
    }

    @Test
    void aPlaceOutsideTheChainOrTheSamePlaceChangesNothing() {
        assertSame(ORDER, ORDER.movedTo(0, -1));
        assertSame(ORDER, ORDER.movedTo(4, 5));
        assertSame(ORDER, ORDER.movedTo(-1, 2));
        assertEquals(ORDER, ORDER.movedTo(2, 2));
    }
}
