package org.ispchat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Who may import whom, read from the sources (imports and fully qualified names alike): the core
 * knows no feature, platform knows nothing above it, and nothing reaches into the composition root.
 * The rules are the ones written in {@code org/ispchat/package-info.java} and docs/architecture.md.
 */
class ArchitectureTest {

  private static final Path SOURCES =
      Path.of(System.getProperty("project.basedir", "."), "src/main/java/org/ispchat");
  private static final Pattern REFERENCE = Pattern.compile("org\\.ispchat\\.([a-z]+)\\.?");

  /** For each top-level package, the ispchat packages it may name besides itself. */
  private static final Map<String, Set<String>> ALLOWED =
      Map.of(
          "platform", Set.of(),
          "chat", Set.of("platform"),
          "outbox", Set.of("chat", "platform"),
          "splynx", Set.of("chat", "platform"),
          "autoreply", Set.of("chat", "platform"),
          "notify", Set.of("chat", "outbox", "platform"),
          "dialog", Set.of("chat", "outbox", "platform", "splynx", "autoreply", "notify"));

  @Test
  void theCoreImportsNoFeatureAndPlatformImportsNothingAboveIt() {
    Set<String> violations = new TreeSet<>();
    for (Path file : javaFiles()) {
      String pkg = topLevelPackage(file);
      if (pkg.isEmpty()) {
        continue; // the composition root may name everything
      }
      Set<String> allowed = ALLOWED.getOrDefault(pkg, Set.of("chat", "outbox", "platform"));
      Matcher m = REFERENCE.matcher(read(file));
      while (m.find()) {
        String named = m.group(1);
        if (!named.equals(pkg) && !allowed.contains(named)) {
          violations.add(SOURCES.relativize(file) + " names org.ispchat." + named);
        }
      }
    }
    assertEquals(Set.of(), violations);
  }

  @Test
  void nothingImportsTheCompositionRoot() {
    Pattern root = Pattern.compile("import org\\.ispchat\\.[A-Z]");
    List<String> violations =
        javaFiles().stream()
            .filter(f -> !topLevelPackage(f).isEmpty())
            .filter(f -> root.matcher(read(f)).find())
            .map(f -> SOURCES.relativize(f).toString())
            .toList();
    assertEquals(List.of(), violations);
  }

  private static List<Path> javaFiles() {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      return files.filter(f -> f.toString().endsWith(".java")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String topLevelPackage(Path file) {
    Path relative = SOURCES.relativize(file);
    return relative.getNameCount() == 1 ? "" : relative.getName(0).toString();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
