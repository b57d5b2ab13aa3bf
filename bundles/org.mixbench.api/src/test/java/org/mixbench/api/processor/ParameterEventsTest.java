package org.mixbench.api.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class ParameterEventsTest {

    @Test
    void eventsAddedOutOfOrderAreReadInFrameOrder() {
        ParameterEvents events = new ParameterEvents(4);
        events.add(30, 0, 3);
        events.add(10, 1, 1);
        events.add(20, 0, 2);
        events.add(10, 2, 9);
        assertEquals(10, events.frame(0));
        assertEquals(1, events.parameter(0));
        assertEquals(10, events.frame(1));
        assertEquals(2, events.parameter(1), "events at the same frame keep their order");
        assertEquals(20, events.frame(2));
        assertEquals(30, events.frame(3));
    }

    @Test
    void aFullListRefusesMoreEvents() {
        ParameterEvents events = new ParameterEvents(1);
        events.add(0, 0, 0);
        assertFalse(events.add(1, 0, 0));
        assertEquals(1, events.size());
    }
}
