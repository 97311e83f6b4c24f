package fr.dynamiques.sante;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;

/**
 * The shape the code keeps (README, "Architecture"), read from the sources with the JDK's own parser: methods short
 * enough to read at once, and pages given one view rather than a row of positional arguments.
 */
@Tag("unit")
class CodeShapeTest {

    static final int LONGEST_METHOD = 60;
    static final int MOST_TEMPLATE_PARAMETERS = 4;

    record Method(String where, String name, long lines, int parameters, boolean template) {
    }

    static List<Method> methods;

    @BeforeAll
    static void parse() throws IOException {
        methods = read(Path.of("src/main/java"));
    }

    @Test
    void noMethodIsLongerThanSixtyLines() {
        assertThat(methods).hasSizeGreaterThan(1000)
                .filteredOn(m -> m.lines() > LONGEST_METHOD)
                .as("methods over %d lines, declaration to closing brace", LONGEST_METHOD)
                .isEmpty();
    }

    @Test
    void pagesAreGivenAViewNotARowOfArguments() {
        assertThat(methods).filteredOn(Method::template).isNotEmpty()
                .filteredOn(m -> m.parameters() > MOST_TEMPLATE_PARAMETERS)
                .as("@CheckedTemplate methods with more than %d parameters", MOST_TEMPLATE_PARAMETERS)
                .isEmpty();
    }

    /** Overlap and coverage rows are read by column name: a column added to a query cannot shift the others. */
    @Test
    void overlapQueriesAreReadByName() throws IOException {
        try (Stream<Path> walk = Files.walk(Path.of("src/main/java/fr/dynamiques/sante/overlap"))) {
            assertThat(walk.filter(p -> p.toString().endsWith(".java")))
                    .isNotEmpty()
                    .allSatisfy(file -> assertThat(Files.readString(file)).as(file.toString())
                            .doesNotContainPattern("row\\[|order by \\d"));
        }
    }

    /**
     * {@code ./mvnw test -Punit} names the plain classes (pom.xml says why it cannot select them by tag): every class
     * tagged "unit" is named there, and only those.
     */
    @Test
    void theUnitTierNamesEveryUnitTest() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher listed = Pattern.compile("<id>unit</id>.*?<test>([^<]*)</test>",
                Pattern.DOTALL).matcher(pom);
        assertThat(listed.find()).as("the unit profile in pom.xml").isTrue();
        List<String> tagged;
        try (Stream<Path> walk = Files.walk(Path.of("src/test/java"))) {
            tagged = walk.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> text(p).contains("Tag(\"unit\")"))
                    .map(p -> p.getFileName().toString().replace(".java", ""))
                    .toList();
        }
        assertThat(listed.group(1).strip().split(",")).containsExactlyInAnyOrderElementsOf(tagged);
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rule itself, on a method it must catch: a test that cannot fail would keep nothing. */
    @Test
    void theRulesSeeWhatTheyAreAbout(@TempDir Path sources) throws IOException {
        StringBuilder longBody = new StringBuilder();
        for (int i = 0; i < LONGEST_METHOD; i++) {
            longBody.append("        n++;\n");
        }
        Files.writeString(sources.resolve("Sample.java"), """
                import io.quarkus.qute.CheckedTemplate;
                class Sample {
                    @CheckedTemplate
                    static class Templates {
                        static native Object page(int a, int b, int c, int d, int e);
                    }
                    int counted() {
                        int n = 0;
                %s        return n;
                    }
                }
                """.formatted(longBody));
        List<Method> sample = read(sources);
        assertThat(sample).extracting(Method::name, Method::lines, Method::parameters, Method::template)
                .containsExactlyInAnyOrder(
                        tuple("page", 1L, 5, true),
                        tuple("counted", (long) LONGEST_METHOD + 4, 0, false));
    }

    static List<Method> read(Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, null);
        JavacTask task = (JavacTask) javac.getTask(null, fileManager, diagnostic -> {
        }, List.of("-proc:none"), null, fileManager.getJavaFileObjectsFromPaths(files));
        SourcePositions positions = Trees.instance(task).getSourcePositions();
        List<Method> found = new ArrayList<>();
        for (CompilationUnitTree unit : task.parse()) {
            new TreePathScanner<Void, Void>() {
                @Override
                public Void visitMethod(MethodTree method, Void unused) {
                    long first = unit.getLineMap().getLineNumber(positions.getStartPosition(unit, method));
                    long last = unit.getLineMap().getLineNumber(positions.getEndPosition(unit, method));
                    boolean template = getCurrentPath().getParentPath().getLeaf() instanceof ClassTree owner
                            && owner.getModifiers().getAnnotations().stream()
                                    .anyMatch(a -> a.getAnnotationType().toString().endsWith("CheckedTemplate"));
                    found.add(new Method(root.toAbsolutePath().relativize(Path.of(unit.getSourceFile().toUri())) + ":" + first,
                            method.getName().toString(), last - first + 1, method.getParameters().size(), template));
                    return super.visitMethod(method, unused);
                }
            }.scan(unit, null);
        }
        return found;
    }
}
