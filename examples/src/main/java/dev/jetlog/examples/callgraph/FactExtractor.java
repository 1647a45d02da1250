// Reads JVM class files (from jars and class directories) with ASM and turns them into the facts that
// callgraph.dl reads: classes and their supertypes, methods (abstract or not), call sites with their
// invocation kind (a lambda or method reference counts as a call of the method it captures),
// allocations, and main methods. Method ids are "owner.name(descriptor)return", signatures
// "name(descriptor)return", class names in internal form with dots (java.lang.String).
package dev.jetlog.examples.callgraph;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

public final class FactExtractor {
    /** The facts of each relation, as rows of strings. */
    private final Map<String, List<String[]>> facts = new LinkedHashMap<>();
    private final String packagePrefix;
    private int classes;

    /** @param packagePrefix only classes whose name starts with it are read ("" for all) */
    public FactExtractor(String packagePrefix) {
        this.packagePrefix = packagePrefix;
        for (String relation : List.of("class", "superclass", "interface", "method", "abstractMethod", "call", "alloc",
                "mainMethod")) {
            facts.put(relation, new ArrayList<>());
        }
    }

    public Map<String, List<String[]>> facts() {
        return facts;
    }

    public int classes() {
        return classes;
    }

    /** Reads every class file of a jar or under a directory. */
    public void read(Path path) {
        try {
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                        try (InputStream in = Files.newInputStream(file)) {
                            readClass(in);
                        }
                    }
                }
            } else {
                try (JarFile jar = new JarFile(path.toFile())) {
                    for (JarEntry entry : (Iterable<JarEntry>) jar.stream()::iterator) {
                        if (entry.getName().endsWith(".class") && !entry.getName().startsWith("META-INF/")) {
                            try (InputStream in = jar.getInputStream(entry)) {
                                readClass(in);
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classes from " + path, e);
        }
    }

    private void readClass(InputStream in) throws IOException {
        new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9) {
            private String owner;
            private boolean skip;

            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                              String[] interfaces) {
                owner = dotted(name);
                skip = !owner.startsWith(packagePrefix);
                if (skip) {
                    return;
                }
                classes++;
                add("class", owner);
                if (superName != null) {
                    add("superclass", owner, dotted(superName));
                }
                for (String implemented : interfaces) {
                    add("interface", owner, dotted(implemented));
                }
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                if (skip) {
                    return null;
                }
                String method = owner + "." + name + descriptor;
                add("method", method, owner, name + descriptor);
                if ((access & Opcodes.ACC_ABSTRACT) != 0) {
                    add("abstractMethod", method);
                }
                if (name.equals("main") && descriptor.equals("([Ljava/lang/String;)V")
                        && (access & Opcodes.ACC_STATIC) != 0 && (access & Opcodes.ACC_PUBLIC) != 0) {
                    add("mainMethod", method);
                }
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String callOwner, String callName, String callDescriptor,
                                                boolean isInterface) {
                        String kind = switch (opcode) {
                            case Opcodes.INVOKEVIRTUAL -> "virtual";
                            case Opcodes.INVOKEINTERFACE -> "interface";
                            case Opcodes.INVOKESTATIC -> "static";
                            default -> "special";
                        };
                        add("call", method, kind, dotted(callOwner), callName + callDescriptor);
                    }

                    /** A lambda or method reference calls its implementation method (the handle it captures). */
                    @Override
                    public void visitInvokeDynamicInsn(String callName, String callDescriptor, Handle bootstrap,
                                                       Object... arguments) {
                        for (Object argument : arguments) {
                            if (argument instanceof Handle target) {
                                String kind = switch (target.getTag()) {
                                    case Opcodes.H_INVOKEVIRTUAL -> "virtual";
                                    case Opcodes.H_INVOKEINTERFACE -> "interface";
                                    case Opcodes.H_INVOKESTATIC -> "static";
                                    default -> "special";
                                };
                                if (target.getTag() == Opcodes.H_NEWINVOKESPECIAL) {
                                    add("alloc", method, dotted(target.getOwner()));
                                }
                                add("call", method, kind, dotted(target.getOwner()), target.getName() + target.getDesc());
                            }
                        }
                    }

                    @Override
                    public void visitTypeInsn(int opcode, String type) {
                        if (opcode == Opcodes.NEW) {
                            add("alloc", method, dotted(type));
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    }

    private void add(String relation, String... values) {
        facts.get(relation).add(values);
    }

    private static String dotted(String internalName) {
        return internalName.replace('/', '.');
    }
}
