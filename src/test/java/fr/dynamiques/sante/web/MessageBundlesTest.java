package fr.dynamiques.sante.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every bundle of the pages says every word in every language of the directory: its interface names the messages
 * (and their parameters), messages/&lt;bundle&gt;_&lt;language&gt;.properties gives their text, one file per language
 * of {@code quarkus.locales}, the same keys in each. Qute fails the build on a key without a method, not on a message
 * missing from one language: then the default language's text would show on the other's pages.
 */
@Tag("unit")
class MessageBundlesTest {

    private static final Path WEB = classes().resolve(MessageBundlesTest.class.getPackageName().replace('.', '/'));
    private static final Path MESSAGES = classes().resolve("messages");

    private static Path classes() {
        try {
            return Path.of(Messages.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> languages() throws IOException {
        Properties config = new Properties();
        try (InputStream in = Files.newInputStream(classes().resolve("application.properties"))) {
            config.load(in);
        }
        return List.of(config.getProperty("quarkus.locales").split(","));
    }

    private static List<Class<?>> bundles() throws IOException {
        try (Stream<Path> files = Files.list(WEB)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".class"))
                    .map(name -> load(name.substring(0, name.length() - ".class".length())))
                    .filter(type -> type.isAnnotationPresent(MessageBundle.class)).collect(Collectors.toList());
        }
    }

    private static Class<?> load(String simpleName) {
        try {
            return Class.forName(MessageBundlesTest.class.getPackageName() + "." + simpleName, false,
                    MessageBundlesTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String name(Class<?> bundle) {
        return bundle.getAnnotation(MessageBundle.class).value();
    }

    private static Set<String> methods(Class<?> bundle) {
        return Arrays.stream(bundle.getDeclaredMethods())
                .filter(method -> !method.isDefault() && !Modifier.isStatic(method.getModifiers())).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The keys of a bundle's file, read as Qute reads it: UTF-8, one message a line, the key before the first "=". */
    private static Map<String, String> messages(Path file) {
        Map<String, String> messages = new LinkedHashMap<>();
        List<String> duplicates = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.strip().startsWith("#")) {
                    continue;
                }
                assertThat(line).as(file + ": a message on one line").contains("=").doesNotEndWith("\\");
                String key = line.substring(0, line.indexOf('=')).strip();
                if (messages.put(key, line.substring(line.indexOf('=') + 1).strip()) != null) {
                    duplicates.add(key);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(duplicates).as(file + ": keys given twice").isEmpty();
        return messages;
    }

    @Test
    void everyMessageOfEveryBundleIsInEveryLanguage() throws IOException {
        List<Class<?>> bundles = bundles();
        assertThat(bundles).as("the pages' bundles").contains(Messages.class, StageMessages.class);
        for (Class<?> bundle : bundles) {
            assertThat(bundle.getAnnotation(MessageBundle.class).locale()).as(bundle + ": its default language")
                    .isEqualTo(languages().get(0));
            for (String language : languages()) {
                Path file = MESSAGES.resolve(name(bundle) + "_" + language + ".properties");
                assertThat(file).as(bundle.getSimpleName() + " in " + language).exists();
                Map<String, String> messages = messages(file);
                assertThat(new TreeSet<>(messages.keySet())).as(file + ": one message for each method, no other")
                        .isEqualTo(methods(bundle));
                assertThat(messages).as(file + ": no empty message").allSatisfy((key, text) -> assertThat(text)
                        .as(key).isNotBlank());
            }
        }
    }

    @Test
    void everyFileOfMessagesBelongsToABundleAndALanguage() throws IOException {
        Set<String> expected = new TreeSet<>();
        for (Class<?> bundle : bundles()) {
            for (String language : languages()) {
                expected.add(name(bundle) + "_" + language + ".properties");
            }
        }
        try (Stream<Path> files = Files.list(MESSAGES)) {
            Set<String> found = files.map(file -> file.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(found).isEqualTo(expected);
        }
    }

    @Test
    void theFrenchKeepsItsAccents() {
        assertThat(messages(MESSAGES.resolve("msg_fr.properties"))).containsEntry("coverage_title",
                "Couverture des départements").containsEntry("error_home", "Retour à l'accueil");
    }
}
