// Command line of the example analysis tool:
//   java -jar examples/target/callgraph.jar [--package dev.jetlog] JAR_OR_CLASS_DIR... [--callees METHOD]
// prints the sizes of the facts and of the call graphs (CHA and RTA), and the callees of a method.
package dev.jetlog.examples.callgraph;

import dev.jetlog.seminaive.api.EngineOptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

public final class CallGraphTool {
    private CallGraphTool() {
    }

    public static void main(String[] args) {
        String prefix = "";
        String callees = null;
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--package" -> prefix = args[++i];
                case "--callees" -> callees = args[++i];
                default -> inputs.add(Path.of(args[i]));
            }
        }
        if (inputs.isEmpty()) {
            System.err.println("usage: callgraph [--package PREFIX] JAR_OR_CLASS_DIR... [--callees METHOD]");
            System.exit(2);
        }
        FactExtractor extractor = new FactExtractor(prefix);
        inputs.forEach(extractor::read);
        long start = System.nanoTime();
        try (CallGraph graph = new CallGraph(extractor.facts(), EngineOptions.defaults())) {
            System.out.printf("classes %d, methods %d, call sites %d, main methods %d (analysis %.0f ms)%n",
                    extractor.classes(), extractor.facts().get("method").size(), extractor.facts().get("call").size(),
                    extractor.facts().get("mainMethod").size(), (System.nanoTime() - start) / 1e6);
            System.out.printf("CHA: %d reachable methods, %d edges; RTA: %d reachable methods, %d edges, "
                            + "%d instantiated types; %d polymorphic call sites%n",
                    graph.count("chaReachable"), graph.count("chaEdge"), graph.count("rtaReachable"),
                    graph.count("rtaEdge"), graph.count("instantiated"), graph.count("polymorphicCall"));
            if (callees != null) {
                System.out.println("callees of " + callees + " (CHA): " + graph.callees(callees, false));
            }
        }
    }
}
