// The unit step on the CPU: one empty input row through the step's filters and output.
package dev.jetlog.cpu;

import dev.jetlog.hisa.Tuples;
import dev.jetlog.planner.ir.UnitStep;

final class UnitOperator {

    private final RowFilter filter;
    private final Projection projection;

    UnitOperator(UnitStep step, ExprCompiler compiler) {
        filter = compiler.all(step.filters());
        projection = new Projection(step.output(), compiler);
    }

    Tuples run() {
        IntBuffer out = new IntBuffer(projection.width());
        if (filter == null || filter.test(RowExpr.NO_ROW, 0, RowExpr.NO_ROW, 0, 0)) {
            projection.write(RowExpr.NO_ROW, 0, RowExpr.NO_ROW, 0, 0, out);
        }
        return new Tuples(projection.width(), out.single(), out.rows());
    }
}
