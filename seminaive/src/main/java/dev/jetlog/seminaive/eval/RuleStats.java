// What one rule version cost in a stratum: how often its pipeline ran, the candidate tuples it derived
// (duplicates included) and the wall time of its pipeline (scans, joins and the handing over of its
// candidates; their deduplication is the stratum's, per relation, not the rule's).
package dev.jetlog.seminaive.eval;

import dev.jetlog.parser.ast.SourcePos;

/** deltaAtom: the body position read as delta in a semi-naive version, -1 for a rule run once. */
public record RuleStats(SourcePos pos, String headRelation, int deltaAtom, int runs, long candidates, long nanos) {
    public double millis() {
        return nanos / 1e6;
    }

    /** The rule's place, with the file's name alone, and its version: "cspa.dl:20:1 delta 0". */
    public String label() {
        String file = pos.file();
        int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        String place = file.substring(slash + 1) + ":" + pos.line() + ":" + pos.column();
        return deltaAtom >= 0 ? place + " delta " + deltaAtom : place;
    }
}
