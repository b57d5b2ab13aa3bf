package org.mixbench.workbench.mixer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mixbench.api.contribution.ContributionKind;
import org.mixbench.mixing.session.Session;
import org.mixbench.mixing.session.SessionFiles;
import org.mixbench.processors.eqdyn.CompressorFactory;
import org.mixbench.processors.eqdyn.ParametricEqFactory;
import org.mixbench.testkit.StaticRegistry;

/** The mixer's pure session edits, without a display: inserts with their automation, lanes and breakpoints. */
class EditsTest {
    private static Session.Insert insert(String processor) {
        return new Session.Insert(processor, false, Map.of("marker", 1.0), Map.of());
    }

    private static Session.Lane lane(String target, double value) {
        return new Session.Lane(target, List.of(new Session.Point(0, value, Session.Curve.LINEAR)));
    }

    /** Slots eq, comp, gate, verb; each slot's lane holds a value that names its processor. */
    private static Edits.Channel channel() {
        Session.Strip strip = Edits.inserts(Session.Strip.DEFAULT, List.of(insert("eq"), insert("comp"),
                insert("gate"), insert("verb")));
        return new Edits.Channel(strip, List.of(lane("fader", -3), lane("insert:0:gain", 0), lane("insert:1:threshold",
                1), lane("insert:2:threshold", 2), lane("insert:3:mix", 3), lane("insert:1:ratio", 1)));
    }

    /** Each lane's processor, found by the value that names it. */
    private static void assertLanesFollow(Edits.Channel c) {
        List<String> processors = List.of("eq", "comp", "gate", "verb");
        for (Session.Lane lane : c.lanes()) {
            var slot = Edits.insertSlot(lane.target());
            if (slot.isPresent()) {
                assertEquals(processors.get((int) lane.points().get(0).value()), c.strip().inserts().get(
                        slot.getAsInt()).processor(), lane.target());
            }
        }
    }

    private static List<String> targets(Edits.Channel c) {
        return c.lanes().stream().map(Session.Lane::target).toList();
    }

    private static List<String> processors(Edits.Channel c) {
        return c.strip().inserts().stream().map(Session.Insert::processor).toList();
    }

    @Test
    void removingAnInsertDropsItsAutomationAndRenumbersTheLaterSlots() {
        Edits.Channel c = Edits.removeInsert(channel(), 1);
        assertEquals(List.of("eq", "gate", "verb"), processors(c));
        assertEquals(List.of("fader", "insert:0:gain", "insert:1:threshold", "insert:2:mix"), targets(c));
        assertLanesFollow(c);
    }

    @Test
    void movingAnInsertRenumbersTheAutomationOfEverySlotItPasses() {
        Edits.Channel down = Edits.moveInsert(channel(), 0, 2);
        assertEquals(List.of("comp", "gate", "eq", "verb"), processors(down));
        assertLanesFollow(down);
        assertEquals(List.of("fader", "insert:2:gain", "insert:0:threshold", "insert:1:threshold", "insert:3:mix",
                "insert:0:ratio"), targets(down));
        Edits.Channel up = Edits.moveInsert(channel(), 3, 1);
        assertEquals(List.of("eq", "verb", "comp", "gate"), processors(up));
        assertLanesFollow(up);
        Edits.Channel back = Edits.moveInsert(down, 2, 0);
        assertEquals(channel(), back, "moving back restores the channel exactly");
    }

    @Test
    void addingAnInsertAppendsItAtItsDefaultsAndReplacingDropsTheOldAutomation() {
        Edits.Channel added = Edits.addInsert(channel(), "limiter");
        assertEquals(new Session.Insert("limiter", false, Map.of(), Map.of()), added.strip().inserts().get(4));
        assertEquals(channel().lanes(), added.lanes());
        Edits.Channel bypassed = Edits.bypass(channel(), 1, true);
        Edits.Channel replaced = Edits.replaceInsert(bypassed, 1, "limiter");
        assertEquals(new Session.Insert("limiter", true, Map.of(), Map.of()), replaced.strip().inserts().get(1),
                "a replacement starts at its defaults in the slot's bypass state");
        assertFalse(targets(replaced).contains("insert:1:threshold"));
        assertFalse(targets(replaced).contains("insert:1:ratio"));
        assertTrue(targets(replaced).contains("insert:2:threshold"));
        assertEquals(Map.of("marker", 1.0), Edits.bypass(channel(), 1, true).strip().inserts().get(1).parameters(),
                "bypass keeps the values");
    }

    @Test
    void breakpointsStayInTimeOrderWhenAddedAndMoved() {
        List<Session.Point> points = List.of(new Session.Point(1, 0, Session.Curve.LINEAR), new Session.Point(3, 1,
                Session.Curve.HOLD));
        List<Session.Point> added = Edits.addPoint(points, new Session.Point(2, 5, Session.Curve.LINEAR));
        assertEquals(List.of(1.0, 2.0, 3.0), added.stream().map(Session.Point::time).toList());
        assertEquals(1, Edits.insertionIndex(points, 2));
        List<Session.Point> late = Edits.movePoint(added, 1, 9, 7);
        assertEquals(new Session.Point(3, 7, Session.Curve.LINEAR), late.get(1), "held at its right neighbour");
        List<Session.Point> early = Edits.movePoint(added, 0, -4, 2);
        assertEquals(new Session.Point(0, 2, Session.Curve.LINEAR), early.get(0), "never before time 0");
        assertEquals(Session.Curve.EXPONENTIAL, Edits.curve(added, 1, Session.Curve.EXPONENTIAL).get(1).curve());
        assertEquals(Session.Curve.HOLD, Edits.curve(added, 1, Session.Curve.EXPONENTIAL).get(2).curve(),
                "only the segment starting at the point changes");
    }

    @Test
    void aLaneWithoutPointsIsRemovedAndANewLaneStartsAtTimeZero() {
        Edits.Channel c = Edits.addLane(channel(), "pan", 0.25, Session.Curve.LINEAR);
        assertEquals(new Session.Lane("pan", List.of(new Session.Point(0, 0.25, Session.Curve.LINEAR))),
                Edits.lane(c.lanes(), "pan").orElseThrow());
        Edits.Channel emptied = Edits.points(c, "pan", Edits.removePoint(Edits.lane(c.lanes(), "pan").orElseThrow()
                .points(), 0));
        assertTrue(Edits.lane(emptied.lanes(), "pan").isEmpty());
        assertEquals(channel(), Edits.removeLane(c, "pan"));
    }

    @Test
    void everyControlOfAStripIsAutomatableWithItsRangeAndTheEditsValidate() throws Exception {
        CompressorFactory comp = new CompressorFactory();
        ParametricEqFactory eq = new ParametricEqFactory();
        StaticRegistry registry = new StaticRegistry().add(ContributionKind.PROCESSOR, comp.descriptor(), comp,
                Map.of()).add(ContributionKind.PROCESSOR, eq.descriptor(), eq, Map.of());
        Session.Strip strip = new Session.Strip(2, false, List.of(new Session.Insert(CompressorFactory.ID, false,
                Map.of("threshold", -24.0), Map.of()), new Session.Insert("com.example.gone", false, Map.of(),
                Map.of())), -6, 0, null, false, false, false, "master", List.of(new Session.Send("verb", -10, 0,
                false)));
        Session s = new Session(Session.FORMAT, 1, 48_000, 120, List.of(new Session.Track("bass", "Bass", null, strip,
                List.of(lane("insert:1:drive", 0.5)))), List.of(new Session.Bus("verb", "Reverb", null, null)), null);
        Edits.Target bass = new Edits.Target(Edits.Target.Kind.TRACK, 0);
        List<AutomationTargets.Automatable> all = AutomationTargets.of(s, bass, registry);
        List<String> labels = all.stream().map(AutomationTargets.Automatable::label).toList();
        assertEquals(List.of("Fader", "Pan", "Mute", "Trim", "Send to Reverb", "Compressor: Threshold"),
                labels.subList(0, 6));
        assertTrue(labels.contains("com.example.gone: drive (missing)"), labels.toString());
        AutomationTargets.Automatable threshold = AutomationTargets.find(all, "insert:0:threshold").orElseThrow();
        assertEquals(-24, threshold.current(), 1e-9);
        assertEquals("-24.0 dB", threshold.display(-24));
        AutomationTargets.Automatable fader = all.get(0);
        assertEquals(-60, fader.range().min(), 0);
        assertEquals(12, fader.range().max(), 0);
        assertEquals("L30", all.get(1).display(-0.3));
        assertEquals("Muted", all.get(2).display(1));
        assertEquals(Session.Curve.HOLD, all.get(2).defaultCurve());

        Session edited = Edits.channel(bass, c -> Edits.moveInsert(Edits.addLane(c, "insert:0:threshold", -24,
                Session.Curve.LINEAR), 0, 1)).apply(s);
        SessionFiles.validate(edited);
        assertEquals(List.of("insert:0:drive", "insert:1:threshold"), edited.tracks().get(0).automation().stream()
                .map(Session.Lane::target).toList());
    }
    // ---- several breakpoints at once ------------------------------------------------------------------------------

    private static Session.Point at(double time, double value) {
        return new Session.Point(time, value, Session.Curve.LINEAR);
    }

    @Test
    void movingSeveralPointsShiftsTimesAndValuesTogetherAndStopsAtPointsNotMoved() {
        List<Session.Point> points = List.of(at(0, 0), at(4, 1), at(6, 2), at(10, 3));
        assertEquals(List.of(at(0, 0), at(5, 2), at(7, 3), at(10, 3)), Edits.movePoints(points, List.of(1, 2), 1,
                v -> v + 1));
        assertEquals(List.of(at(0, 0), at(8, 1), at(10, 2), at(10, 3)), Edits.movePoints(points, List.of(1, 2), 20,
                v -> v), "the group stops where its last point meets the next point not moved");
        assertEquals(List.of(at(0, 0), at(0, 1), at(2, 2), at(10, 3)), Edits.movePoints(points, List.of(1, 2), -9,
                v -> v));
        assertEquals(List.of(at(0, 0), at(4, 1), at(6, 2), at(10, 3)), Edits.movePoints(points, List.of(0, 1, 2, 3),
                -3, v -> v), "nothing goes before 0");
    }

    @Test
    void removingSeveralPointsKeepsTheOthersInOrder() {
        List<Session.Point> points = List.of(at(0, 0), at(4, 1), at(6, 2), at(10, 3));
        assertEquals(List.of(at(0, 0), at(10, 3)), Edits.removePoints(points, List.of(1, 2)));
    }

    @Test
    void startingALaneByAPointHoldsTheStaticValueFromZero() {
        assertEquals(List.of(at(0, 0.15), at(4, -0.5)), Edits.startLane(0.15, Session.Curve.LINEAR, at(4, -0.5)));
        assertEquals(List.of(at(0, -0.5)), Edits.startLane(0.15, Session.Curve.LINEAR, at(0, -0.5)));
    }

    // ---- sends ---------------------------------------------------------------------------------------------------

    private static Session.Strip sending(String output, Session.Send... sends) {
        return new Session.Strip(0, false, null, 0, 0, null, false, false, false, output, List.of(sends));
    }

    private static Session.Send send(String bus, double db) {
        return new Session.Send(bus, db, 0, false);
    }

    /**
     * Lead sends to Reverb; Delay sends to Reverb; Group feeds Delay by its output; Parallel goes to the master. So
     * Reverb is fed back by Delay directly and by Group through Delay.
     */
    private static Session routed() {
        return new Session(Session.FORMAT, 1, 48_000, 120, List.of(new Session.Track("lead", "Lead", null,
                sending("master", send("verb", -8)), null), new Session.Track("drums", "Drums", null, null, null)),
                List.of(new Session.Bus("verb", "Reverb", null, null), new Session.Bus("dly", "Delay", sending(
                        "master", send("verb", -6)), null), new Session.Bus("grp", "Group", sending("dly"), null),
                        new Session.Bus("par", "Parallel", null, null)), null);
    }

    private static List<String> destinations(Session s, Edits.Target.Kind kind, int index) {
        return Edits.sendDestinations(s, new Edits.Target(kind, index)).stream().map(Session.Bus::id).toList();
    }

    @Test
    void aTrackIsOfferedEveryBusItDoesNotAlreadySendTo() {
        assertEquals(List.of("dly", "grp", "par"), destinations(routed(), Edits.Target.Kind.TRACK, 0));
        assertEquals(List.of("verb", "dly", "grp", "par"), destinations(routed(), Edits.Target.Kind.TRACK, 1));
    }

    @Test
    void aBusCannotBeOfferedASendThatWouldFeedItselfBack() {
        Session s = routed();
        assertEquals(List.of("par"), destinations(s, Edits.Target.Kind.BUS, 0),
                "Reverb: not itself, not Delay (sends back), not Group (feeds back through Delay)");
        assertTrue(Edits.feeds(s, "grp", "dly"), "Group feeds Delay by its output...");
        assertEquals(List.of("par"), destinations(s, Edits.Target.Kind.BUS, 1),
                "...so Delay is not offered Group; it already sends to Reverb");
        assertEquals(List.of("verb", "dly", "par"), destinations(s, Edits.Target.Kind.BUS, 2),
                "Group may send anywhere that does not come back to it");
        assertEquals(List.of("verb", "dly", "grp"), destinations(s, Edits.Target.Kind.BUS, 3));
        assertFalse(Edits.feeds(s, "par", "verb"));
    }

    @Test
    void theMasterHasNoSendsToOffer() {
        assertEquals(List.of(), destinations(routed(), Edits.Target.Kind.MASTER, 0));
    }

    @Test
    void aNewSendIsPostFaderCentredAtMinusTenDecibelsAndOnlyOncePerBus() throws Exception {
        Session s = routed();
        Edits.Target drums = new Edits.Target(Edits.Target.Kind.TRACK, 1);
        Session added = Edits.strip(drums, st -> Edits.addSend(st, "par")).apply(s);
        assertEquals(List.of(new Session.Send("par", -10, 0, false)), added.tracks().get(1).strip().sends());
        SessionFiles.validate(added);
        Session.Strip lead = s.tracks().get(0).strip();
        assertEquals(lead, Edits.addSend(lead, "verb"), "a second send to the same bus is not added");
    }

    @Test
    void levelPanAndPreFaderChangeOnlyTheirSend() {
        Session.Strip strip = sending("master", send("verb", -8), send("dly", -20));
        Session.Strip louder = Edits.setSendLevel(strip, "verb", -12.04);
        assertEquals(List.of(send("verb", -12.0), send("dly", -20)), louder.sends(), "rounded to 0.1 dB");
        assertEquals(12, Edits.setSendLevel(strip, "dly", 40).sends().get(1).levelDb(), 0, "held at +12 dB");
        assertEquals(-60, Edits.setSendLevel(strip, "dly", Double.NEGATIVE_INFINITY).sends().get(1).levelDb(), 0);
        assertEquals(List.of(new Session.Send("verb", -8, 0, true), send("dly", -20)), Edits.setSendPreFader(strip,
                "verb", true).sends());
        assertEquals(List.of(send("verb", -8), new Session.Send("dly", -20, -0.5, false)), Edits.setSendPan(strip,
                "dly", -0.5).sends());
        assertEquals(1, Edits.setSendPan(strip, "dly", 3).sends().get(1).pan(), 0, "held at hard right");
    }

    @Test
    void removingASendDropsItsAutomationLane() throws Exception {
        Edits.Channel c = new Edits.Channel(sending("master", send("verb", -8), send("dly", -20)), List.of(
                lane("fader", -3), lane("send:verb", -8), lane("send:dly", -20)));
        Edits.Channel removed = Edits.removeSend(c, "verb");
        assertEquals(List.of(send("dly", -20)), removed.strip().sends());
        assertEquals(List.of("fader", "send:dly"), targets(removed));
        Session s = routed();
        Session edited = Edits.channel(new Edits.Target(Edits.Target.Kind.TRACK, 0), x -> Edits.removeSend(
                Edits.addLane(x, "send:verb", -8, Session.Curve.LINEAR), "verb")).apply(s);
        SessionFiles.validate(edited);
        assertEquals(List.of(), edited.tracks().get(0).strip().sends());
        assertEquals(List.of(), edited.tracks().get(0).automation());
    }
}
