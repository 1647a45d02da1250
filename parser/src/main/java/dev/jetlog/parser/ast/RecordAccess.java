// What a record functor does: pack its arguments into a value of a branch of a record or ADT type
// (field == PACK), read one field of a value (field >= 0), or read an ADT value's branch index (field == TAG).
package dev.jetlog.parser.ast;

public record RecordAccess(CompoundType type, int branch, int field) {
    public static final int PACK = -1;
    public static final int TAG = -2;

    public boolean isPack() {
        return field == PACK;
    }

    /** The storage type of the value this access yields. */
    public ColumnType resultType() {
        if (field == PACK) {
            return ColumnType.RECORD;
        }
        if (field == TAG) {
            return ColumnType.NUMBER;
        }
        return type.branches().get(branch).fields().get(field).type();
    }
}
